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
/// If anything fails, the temporary files are removed and the published files stay as they were.
public enum Publisher {
  /// Writes `files` (name → bytes) into `folder`, creating it if needed.
  ///
  /// - Throws: ``PublishError`` naming the path and the system's reason.
  public static func publish(_ files: [(name: String, bytes: [UInt8])], in folder: String)
    throws(PublishError)
  {
    try makeFolder(folder)
    var temporaries: [(temporary: String, final: String)] = []
    defer {
      for entry in temporaries { unlink(entry.temporary) }
    }
    for file in files {
      let final = folder + "/" + file.name
      let temporary = folder + "/." + file.name + ".tmp-\(getpid())"
      temporaries.append((temporary, final))
      try write(file.bytes, to: temporary)
    }
    for entry in temporaries {
      guard rename(entry.temporary, entry.final) == 0 else {
        throw .writeFailed(path: entry.final, errno: errno)
      }
    }
    temporaries.removeAll()
    syncFolder(folder)
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
