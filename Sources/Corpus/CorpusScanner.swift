#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a scan of the corpus folder found.
public struct CorpusScan: Sendable {
  /// The corpus folder as given.
  public var root: String
  /// Every regular `.txt` file, sorted by relative path (byte order) so runs are stable.
  public var files: [CorpusFile]
  /// Entries that could not be listed or are not followed, with the reason.
  public var skipped: [(path: String, reason: Rejection)]
}

/// Why the corpus as a whole cannot be read.
public enum CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The corpus path does not exist.
  case missingFolder(path: String)
  /// The corpus path exists but is not a folder.
  case notAFolder(path: String)
  /// The corpus folder could not be opened.
  case unreadableFolder(path: String, errno: Int32)

  /// A message for the user.
  public var description: String {
    switch self {
    case .missingFolder(let path): return "corpus folder '\(path)' does not exist"
    case .notAFolder(let path): return "corpus path '\(path)' is not a folder"
    case .unreadableFolder(let path, let errno):
      return "corpus folder '\(path)' cannot be read: \(String(cString: strerror(errno)))"
    }
  }
}

/// Lists the articles below a folder: every regular file whose name ends in `.txt`, at any
/// depth. Symbolic links are not followed (a link could leave the corpus or loop); they are
/// reported as skipped, as are subfolders that cannot be opened.
public enum CorpusScanner {
  /// Scans `root`.
  ///
  /// - Parameter root: The corpus folder.
  /// - Returns: The files in a stable order and what was skipped.
  /// - Throws: ``CorpusError`` when `root` itself cannot be listed.
  public static func scan(root: String) throws(CorpusError) -> CorpusScan {
    var info = stat()
    guard stat(root, &info) == 0 else { throw .missingFolder(path: root) }
    guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notAFolder(path: root) }
    guard let top = opendir(root) else { throw .unreadableFolder(path: root, errno: errno) }
    closedir(top)

    var scan = CorpusScan(root: root, files: [], skipped: [])
    let permission = ReadPermission.ofThisProcess()
    // (shown, real): the relative path as reports show it, and as the file system knows it.
    // The folders of one depth are listed at once, on every core: listing is mostly the
    // kernel's work per file, and the result is sorted afterwards.
    //
    // Each folder's files are sorted as it is listed, and the folders of a depth are taken in
    // order of their paths: the files come in sorted runs, often one, which the last sort (a
    // merge sort, which finds runs) only checks and merges. At 1 GB sorting 248,091 files at
    // the end on one core took 0.1-0.2 s.
    var level: [(shown: String, real: String)] = [("", "")]
    while !level.isEmpty {
      let folders = level.sorted { $0.shown.precedesInByteOrder($1.shown) }
      level = []
      let listings = concurrentMap(folders.count) { index in
        var listing = list(folders[index], root: root, permission: permission)
        listing.files.sort { $0.pathPrecedes($1) }
        return listing
      }
      // Room for exactly the files found: grown by doubling, the list of a million files took
      // 102 MB where its entries take 64.
      scan.files.reserveCapacity(scan.files.count + listings.reduce(0) { $0 + $1.files.count })
      for listing in listings {
        scan.files += listing.files
        scan.skipped += listing.skipped
        level += listing.folders
      }
    }
    scan.files.sort { $0.pathPrecedes($1) }
    scan.skipped.sort { $0.path.precedesInByteOrder($1.path) }
    return scan
  }

  /// What one folder holds: its files, what was skipped in it and its subfolders.
  private struct Listing: Sendable {
    var files: [CorpusFile] = []
    var skipped: [(path: String, reason: Rejection)] = []
    var folders: [(shown: String, real: String)] = []
  }

  /// Lists one folder below `root`, `relative` as reports show it and `real` as on disk.
  private static func list(
    _ location: (shown: String, real: String), root: String, permission: ReadPermission
  ) -> Listing {
    let (relative, real) = location
    var scan = Listing()
    let folder = real.isEmpty ? root : root + "/" + real
    guard let handle = opendir(folder) else {
      let code = errno
      scan.skipped.append((relative, .unreadable(errno: code, detail: "folder cannot be opened")))
      return scan
    }
    defer { closedir(handle) }
    // The folder's path is kept once, not in every file's.
    var files = FolderPaths.Builder(folder: folder, prefix: relative.isEmpty ? "" : relative + "/")
    while let entry = readdir(handle) {
      let nameBytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix(while: { $0 != 0 }))
      }
      if nameBytes.first == UInt8(ascii: ".") { continue }
      let (shownName, isUTF8) = FileName.display(nameBytes)
      let child = relative.isEmpty ? shownName : relative + "/" + shownName
      let isText = nameBytes.count > 4 && nameBytes.suffix(4).elementsEqual(".txt".utf8)
      guard isUTF8 else {
        // The path cannot be opened through a String: say so rather than lose the file.
        var rawPath = Array(folder.utf8) + [UInt8(ascii: "/")] + nameBytes + [0]
        var info = stat()
        let isFolder =
          rawPath.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) == 0 }
          } && (info.st_mode & S_IFMT) == S_IFDIR
        if isText || isFolder {
          scan.skipped.append(
            (
              child,
              .unreadable(
                errno: EILSEQ,
                detail: "the \(isFolder ? "folder" : "file") name is not valid UTF-8; rename it")
            ))
        }
        continue
      }
      let name = String(decoding: nameBytes, as: UTF8.self)
      let realChild = real.isEmpty ? name : real + "/" + name
      // The type the folder listing gives settles folders and other files without a lookup;
      // a `.txt` file is looked up for its size and time by name in the open folder, not by
      // its path from the corpus root (at 1 GB the walk of those paths was a quarter of the
      // scan).
      var childInfo = stat()
      switch entry.pointee.d_type {
      case UInt8(DT_DIR):
        childInfo.st_mode = S_IFDIR
      case UInt8(DT_REG) where !isText:
        continue
      default:
        guard fstatat(dirfd(handle), name, &childInfo, AT_SYMLINK_NOFOLLOW) == 0 else {
          continue  // vanished during the scan
        }
      }
      switch childInfo.st_mode & S_IFMT {
      case S_IFDIR:
        scan.folders.append((child, realChild))
      case S_IFREG where isText:
        // Rejected as its read would be (``ReadPermission``), even when it is not read; what
        // the bits deny is asked of the kernel, which reads access control lists too.
        guard
          permission.allows(childInfo)
            || faccessat(dirfd(handle), name, R_OK, AT_EACCESS) == 0
        else {
          scan.skipped.append(
            (child, .unreadable(errno: EACCES, detail: String(cString: strerror(EACCES)))))
          continue
        }
        let modified =
          Int64(childInfo.st_mtim.tv_sec) * 1_000_000_000 + Int64(childInfo.st_mtim.tv_nsec)
        files.add(path: child, name: name, size: Int(childInfo.st_size), modified: modified)
      case S_IFLNK:
        // Links are never followed; say so for those that could have held articles.
        var target = stat()
        if fstatat(dirfd(handle), name, &target, 0) != 0 {
          let code = errno
          scan.skipped.append(
            (
              child,
              .unreadable(errno: code, detail: "broken or looping symbolic link, not followed")
            ))
        } else if (target.st_mode & S_IFMT) == S_IFDIR {
          scan.skipped.append(
            (child, .unreadable(errno: 0, detail: "symbolic link to a folder, not followed")))
        } else if isText {
          scan.skipped.append(
            (child, .unreadable(errno: 0, detail: "symbolic link, not followed")))
        }
      default:
        continue
      }
    }
    scan.files = files.finish()
    return scan
  }
}
