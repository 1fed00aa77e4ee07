import Foundation
import TestSupport

/// Runs the built `almanac` binary the way cron would: no terminal, captured output.
struct BinaryRunner {
  typealias Result = ChildProcess.Result

  /// The `almanac` executable built beside the test bundle.
  static var executable: URL {
    let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return bundle.deletingLastPathComponent().appendingPathComponent("almanac")
  }

  /// The repository root (for `seeds/`).
  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// Runs the binary with `arguments`; as the user nobody with `asNobody`, and with at most
  /// `openFiles` open files (util-linux's prlimit) when it is given, a limit the process may
  /// raise to `hardOpenFiles` (by default it may not raise it).
  static func run(
    _ arguments: [String], asNobody: Bool = false, openFiles: Int? = nil,
    hardOpenFiles: Int? = nil
  ) throws -> Result {
    if let openFiles {
      return try ChildProcess.run(
        URL(fileURLWithPath: "/usr/bin/prlimit"),
        ["--nofile=\(openFiles):\(hardOpenFiles ?? openFiles)", executable.path] + arguments,
        in: repositoryRoot)
    } else if asNobody {
      // Permissions do not bind root: drop to nobody (util-linux's setpriv, always on Debian).
      return try ChildProcess.run(
        URL(fileURLWithPath: "/usr/bin/setpriv"),
        ["--reuid=65534", "--regid=65534", "--clear-groups", executable.path] + arguments,
        in: repositoryRoot)
    }
    return try ChildProcess.run(executable, arguments, in: repositoryRoot)
  }

  /// A fresh scratch folder.
  static func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Removes a scratch folder and everything in it; a test defers this right after making one.
  static func remove(_ folder: URL) {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Writes `files` (relative path → bytes) below `root`.
  static func write(_ files: [String: [UInt8]], below root: URL) throws {
    for (path, bytes) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
  }
}
