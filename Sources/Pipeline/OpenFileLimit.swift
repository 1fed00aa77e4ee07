#if canImport(Glibc)
  import Glibc
#endif

/// The process's limit on open files (`RLIMIT_NOFILE`). A run raises it as far as it may and
/// checks it before it opens anything, so that a limit too low for the state database stops the
/// run with a message that names the limit, where SQLite would say only "unable to open
/// database file".
public enum OpenFileLimit {
  /// The fewest open files a run is sure to work with. The first run on the seeds, started
  /// from a shell that passed it two descriptors of its own, failed at 16 and worked at 17
  /// (standard input, output and error, the two locks, the state database with its journal,
  /// the corpus folder, the files read, libdispatch's own); later runs and `almanac report` need
  /// fewer. 20 leaves room for a few more inherited. Files read ahead (``FilesAhead``) and
  /// Chromium (`--pdf`) take more when they may, and fewer when not.
  public static let needed = 20

  /// The soft limit in force, or 1,024 when it cannot be read; no limit (`RLIM_INFINITY`) is
  /// the largest number.
  public static var current: Int {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else {
      return 1024
    }
    return Int(clamping: limit.rlim_cur)
  }

  /// Raises the soft limit to the hard limit, as the Go runtime does when it starts: a shell or
  /// service manager may set a soft limit far below what the process is allowed, and files
  /// opened ahead and Chromium make use of more. Nothing happens when the limit cannot be
  /// read or set.
  ///
  /// - Returns: The soft limit in force afterwards (``current``).
  @discardableResult
  public static func raise() -> Int {
    var limit = rlimit()
    let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    if getrlimit(resource, &limit) == 0 && limit.rlim_cur < limit.rlim_max {
      limit.rlim_cur = limit.rlim_max
      _ = setrlimit(resource, &limit)
    }
    return current
  }

  /// Raises the limit (``raise()``) and checks that it is at least ``needed``.
  ///
  /// - Throws: ``RunError/tooFewOpenFiles(limit:needed:)`` when the hard limit is lower.
  static func ensure() throws(RunError) {
    let limit = raise()
    if limit < needed { throw .tooFewOpenFiles(limit: limit, needed: needed) }
  }
}
