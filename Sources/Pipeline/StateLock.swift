import Glibc

/// An exclusive lock beside the state, so that only one run works on it at a time, and one on
/// the output folder, so that only one run publishes into it.
///
/// `flock` is released by the kernel when the process ends, however it ends, so a run killed with
/// SIGKILL leaves no stale lock behind. The holder's pid is written into a lock file for messages;
/// a folder is locked through its own descriptor, which leaves nothing in it.
public final class StateLock {
  private let descriptor: Int32
  /// The lock file, or the locked folder.
  public let path: String
  private let holdsPid: Bool

  private init(descriptor: Int32, path: String, holdsPid: Bool) {
    self.descriptor = descriptor
    self.path = path
    self.holdsPid = holdsPid
  }

  /// Why the lock could not be taken.
  public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds it.
    case busy(path: String, holder: Int32?)
    /// Another process publishes into the output folder: a run with another state.
    case folderBusy(path: String)
    /// The lock file cannot be created or opened.
    case unusable(path: String, errno: Int32)

    /// A message for the user.
    public var description: String {
      switch self {
      case .busy(let path, let holder):
        let who = holder.map { "process \($0)" } ?? "another process"
        return "another almanac run (\(who)) holds the lock \(path); try again when it has finished"
      case .folderBusy(let path):
        return "another almanac run, with another state, is writing reports to \(path); "
          + "try again when it has finished, or give each state its own --out"
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
    return StateLock(descriptor: descriptor, path: path, holdsPid: true)
  }

  /// Takes the lock on the folder `folder` itself, without waiting, making the folder if it is
  /// missing.
  ///
  /// Two runs with different states and one output folder would otherwise overwrite each
  /// other's reports, and each would finish the other's publish from its journal while the other
  /// was still writing. Take it after the state's lock, as every run does.
  ///
  /// - Returns: The lock, or nil when the folder cannot be made or opened: publishing into it
  ///   then fails with its own reason, which says more than the lock could.
  /// - Throws: ``Failure/folderBusy(path:)`` when another process holds it.
  public static func acquire(folder: String) throws(Failure) -> StateLock? {
    try? Publisher.makeFolder(folder)
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      throw .folderBusy(path: folder)
    }
    return StateLock(descriptor: descriptor, path: folder, holdsPid: false)
  }

  deinit {
    if holdsPid { _ = ftruncate(descriptor, 0) }
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
