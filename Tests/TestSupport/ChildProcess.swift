public import Foundation

/// Runs a program to its end with no terminal and no input, its output captured: what the
/// end-to-end tests do with the built binary and the layout tests with the browser check.
public enum ChildProcess {
  /// What a finished program left.
  public struct Result: Sendable {
    /// Its exit status.
    public var status: Int32
    /// What it wrote on standard output.
    public var stdout: String
    /// What it wrote on standard error.
    public var stderr: String
  }

  /// Where headless Chromium is, if installed (`scripts/setup-browser` installs it).
  public static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// Runs `executable` with `arguments` in `folder` (the current one when nil), with
  /// `environment` (this process's when nil), and waits for it.
  ///
  /// - Throws: What `Process.run()` throws when the program cannot be started.
  public static func run(
    _ executable: URL, _ arguments: [String], in folder: URL? = nil,
    environment: [String: String]? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Standard error is read on a thread of its own, so that a program that fills one pipe
    // while this one waits on the other (thousands of rejected files on stderr) never blocks.
    let errors = Box()
    let reading = DispatchGroup()
    reading.enter()
    DispatchQueue.global().async {
      errors.data = err.fileHandleForReading.readDataToEndOfFile()
      reading.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    reading.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errors.data, as: UTF8.self))
  }

  /// Bytes handed from the thread that reads them; read only once it is done.
  private final class Box: @unchecked Sendable {
    var data = Data()
  }
}
