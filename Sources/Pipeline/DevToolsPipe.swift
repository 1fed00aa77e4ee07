import Foundation
import Glibc

/// A browser started with `--remote-debugging-pipe`: DevTools commands as NUL-terminated JSON
/// written to its descriptor 3, replies and events read from its descriptor 4.
///
/// Every read waits with `poll` against one deadline for the whole session, so a browser that
/// hangs is killed instead of holding up a nightly run.
final class DevToolsPipe {
  private let pid: pid_t
  private let commands: Int32
  private let replies: Int32
  private let deadline: Double
  private let timeout: Int
  private var buffer: [UInt8] = []
  private var nextID = 0
  private var stopped = false

  private init(pid: pid_t, commands: Int32, replies: Int32, timeout: Int) {
    self.pid = pid
    self.commands = commands
    self.replies = replies
    self.timeout = timeout
    deadline = Self.monotonic() + Double(timeout)
  }

  /// Starts `executable` with its descriptors 3 and 4 connected to this process, standard
  /// input and output to `/dev/null`.
  ///
  /// From here on the process ignores SIGPIPE: a browser that stops reading (it crashed, was
  /// killed, ran out of descriptors) makes a command's `write` fail with `EPIPE`, reported as
  /// ``PDFPrinter/Failure/printFailed(detail:)``, where the signal would kill the run.
  static func launch(_ executable: String, arguments: [String], timeout: Int)
    throws(PDFPrinter.Failure) -> DevToolsPipe
  {
    signal(SIGPIPE, SIG_IGN)
    var toBrowser: [Int32] = [-1, -1]
    var fromBrowser: [Int32] = [-1, -1]
    guard openPipe(&toBrowser) else {
      throw .launchFailed(path: executable, errno: errno)
    }
    guard openPipe(&fromBrowser) else {
      let code = errno
      close(toBrowser[0])
      close(toBrowser[1])
      throw .launchFailed(path: executable, errno: code)
    }
    // Move the browser's ends above 4, so that dup2 onto 3 and 4 never meets itself (a dup2
    // onto the same number would keep close-on-exec set).
    let browserReads = fcntl(toBrowser[0], F_DUPFD_CLOEXEC, 10)
    let browserWrites = fcntl(fromBrowser[1], F_DUPFD_CLOEXEC, 10)
    close(toBrowser[0])
    close(fromBrowser[1])
    defer {
      close(browserReads)
      close(browserWrites)
    }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, browserReads, 3)
    posix_spawn_file_actions_adddup2(&actions, browserWrites, 4)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard status == 0 else {
      close(toBrowser[1])
      close(fromBrowser[0])
      throw .launchFailed(path: executable, errno: status)
    }
    return DevToolsPipe(pid: pid, commands: toBrowser[1], replies: fromBrowser[0], timeout: timeout)
  }

  /// A pipe whose two ends are closed on exec.
  private static func openPipe(_ ends: inout [Int32]) -> Bool {
    guard pipe(&ends) == 0 else { return false }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    return true
  }

  /// Sends a command and waits for its reply, skipping events.
  ///
  /// - Returns: The reply's `result` object.
  func call(_ method: String, _ parameters: [String: Any], session: String? = nil)
    throws(PDFPrinter.Failure) -> [String: Any]
  {
    nextID += 1
    let id = nextID
    var message: [String: Any] = ["id": id, "method": method, "params": parameters]
    if let session { message["sessionId"] = session }
    guard let json = try? JSONSerialization.data(withJSONObject: message) else {
      throw .printFailed(detail: "cannot encode \(method)")
    }
    try send([UInt8](json) + [0])
    while true {
      let reply = try receive()
      guard reply["id"] as? Int == id else { continue }
      if let error = reply["error"] as? [String: Any] {
        throw .printFailed(detail: "\(method): \(error["message"] as? String ?? "error")")
      }
      return reply["result"] as? [String: Any] ?? [:]
    }
  }

  /// Waits for an event of the session.
  func waitForEvent(_ method: String, session: String) throws(PDFPrinter.Failure) {
    while true {
      let message = try receive()
      if message["method"] as? String == method, message["sessionId"] as? String == session {
        return
      }
    }
  }

  /// Closes the pipes and reaps the browser, killing it if it does not exit promptly.
  func stop() {
    guard !stopped else { return }
    stopped = true
    close(commands)
    close(replies)
    var status: Int32 = 0
    let giveUp = Self.monotonic() + 5
    while waitpid(pid, &status, WNOHANG) == 0 {
      if Self.monotonic() > giveUp {
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return
      }
      usleep(20_000)
    }
  }

  private func send(_ bytes: [UInt8]) throws(PDFPrinter.Failure) {
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { raw in
        write(commands, raw.baseAddress! + written, raw.count - written)
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw .printFailed(detail: "the browser stopped (\(String(cString: strerror(errno))))")
      }
      written += result
    }
  }

  private func receive() throws(PDFPrinter.Failure) -> [String: Any] {
    while true {
      if let end = buffer.firstIndex(of: 0) {
        let message = Array(buffer[..<end])
        buffer.removeFirst(end + 1)
        guard
          let object = try? JSONSerialization.jsonObject(with: Data(message)),
          let dictionary = object as? [String: Any]
        else { throw .printFailed(detail: "unreadable reply from the browser") }
        return dictionary
      }
      let remaining = deadline - Self.monotonic()
      guard remaining > 0 else {
        kill(pid, SIGKILL)
        throw .timedOut(seconds: timeout)
      }
      var descriptor = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, Int32(min(remaining * 1000, 60_000)) + 1)
      if ready < 0 && errno != EINTR {
        throw .printFailed(detail: "poll: \(String(cString: strerror(errno)))")
      }
      guard ready > 0 else { continue }
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      let count = chunk.withUnsafeMutableBytes { read(replies, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .printFailed(detail: "read: \(String(cString: strerror(errno)))")
      }
      guard count > 0 else { throw .printFailed(detail: "the browser exited before printing") }
      buffer.append(contentsOf: chunk[..<count])
    }
  }

  private static func monotonic() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
