import Glibc

/// An exclusive lock beside the state, so that only one run works on it at a time.
///
/// `flock` is released by the kernel when the process ends, however it ends, so a run killed with
/// SIGKILL leaves no stale lock behind. The holder's pid is written into the file for messages.
public final class StateLock {
  private let descriptor: Int32
  /// The lock file.
  public let path: String

  private init(descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.path = path
  }

  /// Why the lock could not be taken.
  public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds it.
    case busy(path: String, holder: Int32?)
    /// The lock file cannot be created or opened.
    case unusable(path: String, errno: Int32)

    /// A message for the user.
    public var description: String {
      switch self {
      case .busy(let path, let holder):
        let who = holder.map { "process \($0)" } ?? "another process"
        return "another almanac run (\(who)) holds the lock \(path); try again when it has finished"
      case .unusable(let path, let code):
        return "cannot use the lock file \(path): \(String(cString: strerror(code)))"
      }
    }
  }

  /// Takes the lock at `path` without waiting.
  ///
  /// - Throws: ``Failure/busy(path:holder:)`` when another process holds it.
  public static func acquire(path: String) throws(Failure) -> StateLock {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .unusable(path: path, errno: errno) }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let holder = readHolder(descriptor)
      close(descriptor)
      throw .busy(path: path, holder: holder)
    }
    let pid = Array("\(getpid())\n".utf8)
    _ = ftruncate(descriptor, 0)
    _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    return StateLock(descriptor: descriptor, path: path)
  }

  deinit {
    _ = ftruncate(descriptor, 0)
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  private static func readHolder(_ descriptor: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    let text = String(decoding: buffer[0..<count], as: UTF8.self)
    return Int32(text.prefix(while: { $0.isNumber }))
  }
}
