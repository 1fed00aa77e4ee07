import Glibc

/// Why reports could not be published.
public enum PublishError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The output folder could not be created or written.
  case unwritableFolder(path: String, errno: Int32)
  /// The output folder could not be created: `file`, on its path, is there and not a folder.
  case notAFolder(path: String, file: String)
  /// A file could not be written, flushed or renamed (disk full, permissions…).
  case writeFailed(path: String, errno: Int32)
  /// The folder holds a publish journal (``PublishJournal``) that cannot be read or was not
  /// written by Almanac, so the batch it describes cannot be finished.
  case unreadableJournal(path: String)
  /// The folder's publish journal, if it has one, could not be read (too many files open, an
  /// input/output error…): whether there is a batch to finish is not known.
  case journalReadFailed(path: String, errno: Int32)

  /// A message for the user.
  public var description: String {
    switch self {
    case .unwritableFolder(let path, let code):
      return "cannot write to output folder '\(path)': \(String(cString: strerror(code)))"
    case .notAFolder(let path, let file):
      return "cannot make output folder '\(path)': '\(file)' is a file, not a folder"
    case .writeFailed(let path, let code):
      return "cannot write '\(path)': \(String(cString: strerror(code)))"
    case .unreadableJournal(let path):
      return
        "'\(path)' is not a list of renames this version of Almanac can read, so the reports"
        + " that a stopped run was publishing cannot be finished; move it away to publish here"
    case .journalReadFailed(let path, let code):
      return "cannot read '\(path)' to finish what a stopped run was publishing: "
        + String(cString: strerror(code))
    }
  }
}

/// Publishes files so that a reader only ever sees a complete old or complete new version.
///
/// Every file is first written in full to a temporary file in the same folder and flushed to
/// disk; only when all of them are written are they renamed into place, and the folder flushed.
/// If anything fails, the temporary files are removed and the published files stay as they were:
/// each file about to be replaced is first kept under a second name (a hard link, so that the
/// published file itself is never touched), and a rename that fails part of the way puts back
/// those already renamed. (A file system without hard links publishes without that net.)
///
/// The renames are listed in a journal (``PublishJournal``) while they are made: a run stopped
/// between two of them leaves some files new and the others old until the next run or publish
/// in the folder finishes them. Temporary files and kept versions that a stopped run left are
/// removed by the next publish of the same names.
public enum Publisher {
  /// Writes `files` (name → bytes) into `folder`, creating it if needed.
  ///
  /// - Throws: ``PublishError`` naming the path and the system's reason.
  public static func publish(_ files: [(name: String, bytes: [UInt8])], in folder: String)
    throws(PublishError)
  {
    try makeFolder(folder)
    try PublishJournal.finish(in: folder)
    removeLeftovers(of: files.map(\.name), in: folder)
    var batch = Batch(folder: folder)
    defer { batch.tidy() }
    try batch.stage(files)
    try batch.putInPlace()
  }

  /// A batch of files being published: written under temporary names, then renamed into place.
  struct Batch {
    let folder: String
    private(set) var entries: [Entry] = []

    init(folder: String) { self.folder = folder }

    /// Writes every file under its temporary name, keeps the versions they replace under second
    /// names, and writes the journal of the renames to come.
    mutating func stage(_ files: [(name: String, bytes: [UInt8])]) throws(PublishError) {
      for file in files {
        entries.append(Entry(folder: folder, name: file.name))
        try write(file.bytes, to: entries[entries.count - 1].temporary)
      }
      for index in entries.indices { entries[index].keepPublished() }
      try PublishJournal.write(
        entries.map {
          PublishJournal.Rename(
            temporary: $0.temporaryName, final: $0.name,
            second: $0.secondName)
        }, in: folder)
    }

    /// Renames the first `count` files (all by default) into place; a rename that fails puts
    /// back those renamed before it. Once all are in place, the journal is removed.
    func putInPlace(count: Int? = nil) throws(PublishError) {
      let count = count ?? entries.count
      for index in entries.indices.prefix(count) {
        guard rename(entries[index].temporary, entries[index].final) == 0 else {
          let code = errno
          // The batch is given up: the journal goes first, so that nothing finishes it later.
          PublishJournal.remove(in: folder)
          for done in entries[..<index] { done.putBack() }
          syncFolder(folder)
          throw .writeFailed(path: entries[index].final, errno: code)
        }
      }
      guard count == entries.count else { return }
      syncFolder(folder)
      PublishJournal.remove(in: folder)
    }

    /// Removes what is left of the temporary files and second names.
    func tidy() {
      for entry in entries {
        unlink(entry.temporary)
        if entry.linked { unlink(entry.second) }
      }
    }
  }

  /// One file to publish: its temporary name, its final name, and the second name its published
  /// version is kept under until the batch is in place.
  struct Entry {
    /// The published name.
    let name: String
    let temporary: String
    let final: String
    /// The second name the published version is linked to.
    let second: String
    /// Whether the published version is linked to ``second``.
    var linked = false
    /// Whether a file was published under ``final`` before.
    var existed = true

    init(folder: String, name: String) {
      self.name = name
      temporary = folder + "/" + Self.temporaryName(name)
      final = folder + "/" + name
      second = folder + "/" + Self.secondName(name)
    }

    /// The temporary name in the folder: hidden, and this process's own.
    var temporaryName: String { Self.temporaryName(name) }
    /// The second name in the folder: hidden, and this process's own.
    var secondName: String { Self.secondName(name) }

    static func temporaryName(_ name: String) -> String { "." + name + ".tmp-\(getpid())" }

    static func secondName(_ name: String) -> String { "." + name + ".old-\(getpid())" }

    /// Links the published version, if there is one, to a second name.
    mutating func keepPublished() {
      unlink(second)
      if link(final, second) == 0 {
        linked = true
      } else if errno == ENOENT {
        existed = false
      }
    }

    /// Undoes this file's rename: the kept version back in place, or the new file removed when
    /// there was none.
    func putBack() {
      if linked {
        rename(second, final)
      } else if !existed {
        unlink(final)
      }
    }
  }

  /// Creates `folder` and its parents.
  static func makeFolder(_ folder: String) throws(PublishError) {
    var prefix = folder.hasPrefix("/") ? "/" : ""
    for component in folder.split(separator: "/") {
      prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
      if mkdir(prefix, 0o755) != 0 {
        let failure = errno
        var info = stat()
        // There already: as a folder (or a link to one), or as something that cannot hold one.
        if failure == EEXIST || failure == ENOTDIR, stat(prefix, &info) == 0 {
          if info.st_mode & S_IFMT == S_IFDIR { continue }
          throw .notAFolder(path: folder, file: prefix)
        }
        throw .unwritableFolder(path: folder, errno: failure)
      }
    }
    guard access(folder, W_OK | X_OK) == 0 else {
      throw .unwritableFolder(path: folder, errno: errno)
    }
  }

  static func write(_ bytes: [UInt8], to path: String) throws(PublishError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .writeFailed(path: path, errno: errno) }
    defer { close(descriptor) }
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { raw in
        Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw .writeFailed(path: path, errno: errno)
      }
      written += result
    }
    guard fsync(descriptor) == 0 else { throw .writeFailed(path: path, errno: errno) }
  }

  /// Removes the temporary files and kept versions of `names` (and of the journal) that runs
  /// no longer alive left in `folder` when they were stopped. Files of a live process, and
  /// every other file, are left alone.
  static func removeLeftovers(of names: [String], in folder: String) {
    let found = Self.names(in: folder)
    let prefixes =
      names.flatMap { ["." + $0 + ".tmp-", "." + $0 + ".old-"] } + [PublishJournal.name + ".tmp-"]
    for file in found {
      guard let prefix = prefixes.first(where: { file.hasPrefix($0) }),
        let pid = Int32(file.dropFirst(prefix.count)), pid > 0, pid != getpid(),
        kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      unlink(folder + "/" + file)
    }
  }

  /// The names in `folder` other than `.` and `..`; none when it cannot be read.
  static func names(in folder: String) -> [String] {
    guard let handle = opendir(folder) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  static func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }
}
