import Glibc

/// Why reports could not be published.
public enum PublishError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The output folder could not be created or written.
  case unwritableFolder(path: String, errno: Int32)
  /// A file could not be written, flushed or renamed (disk full, permissions…).
  case writeFailed(path: String, errno: Int32)

  /// A message for the user.
  public var description: String {
    switch self {
    case .unwritableFolder(let path, let code):
      return "cannot write to output folder '\(path)': \(String(cString: strerror(code)))"
    case .writeFailed(let path, let code):
      return "cannot write '\(path)': \(String(cString: strerror(code)))"
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
/// those already renamed. (A file system without hard links publishes without that net; a run
/// killed between two renames still leaves some files new and the others old.)
public enum Publisher {
  /// Writes `files` (name → bytes) into `folder`, creating it if needed.
  ///
  /// - Throws: ``PublishError`` naming the path and the system's reason.
  public static func publish(_ files: [(name: String, bytes: [UInt8])], in folder: String)
    throws(PublishError)
  {
    try makeFolder(folder)
    var entries: [Entry] = []
    defer {
      for entry in entries {
        unlink(entry.temporary)
        if entry.linked { unlink(entry.second) }
      }
    }
    for file in files {
      entries.append(Entry(folder: folder, name: file.name))
      try write(file.bytes, to: entries[entries.count - 1].temporary)
    }
    for index in entries.indices { entries[index].keepPublished() }
    for index in entries.indices {
      guard rename(entries[index].temporary, entries[index].final) == 0 else {
        let code = errno
        for done in entries[..<index] { done.putBack() }
        syncFolder(folder)
        throw .writeFailed(path: entries[index].final, errno: code)
      }
    }
    syncFolder(folder)
  }

  /// One file to publish: its temporary name, its final name, and the second name its published
  /// version is kept under until the batch is in place.
  private struct Entry {
    let temporary: String
    let final: String
    /// The second name the published version is linked to.
    let second: String
    /// Whether the published version is linked to ``second``.
    var linked = false
    /// Whether a file was published under ``final`` before.
    var existed = true

    init(folder: String, name: String) {
      temporary = folder + "/." + name + ".tmp-\(getpid())"
      final = folder + "/" + name
      second = folder + "/." + name + ".old-\(getpid())"
    }

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
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw .unwritableFolder(path: folder, errno: errno)
      }
    }
    guard access(folder, W_OK | X_OK) == 0 else {
      throw .unwritableFolder(path: folder, errno: errno)
    }
  }

  private static func write(_ bytes: [UInt8], to path: String) throws(PublishError) {
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

  private static func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }
}
