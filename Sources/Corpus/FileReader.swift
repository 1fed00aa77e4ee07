#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads whole files with plain `open`/`read`, reporting failures as ``Rejection``s.
public enum FileReader {
  /// The largest article Almanac reads; bigger files are rejected rather than loaded.
  public static let maximumSize = 256 << 20

  /// Reads the file at `path`.
  ///
  /// - Throws: ``Rejection/unreadable(errno:detail:)`` when the file cannot be opened or read,
  ///   or is larger than ``maximumSize``.
  public static func read(_ path: String) throws(Rejection) -> [UInt8] {
    try Opened(path, prefetch: false).readAndClose()
  }

  /// A file opened before it is read, so that the kernel can fetch its pages from the disk
  /// meanwhile: a worker opens the next few files it will count while counting the one before.
  /// Each is read and closed by ``readAndClose()``, called exactly once.
  public struct Opened: Sendable {
    private let descriptor: Int32
    private let failure: Rejection?

    /// Opens the file at `path`; with `prefetch`, asks the kernel to start reading all of it
    /// (`POSIX_FADV_WILLNEED` returns at once). A failure to open is kept for
    /// ``readAndClose()`` to throw.
    public init(_ path: String, prefetch: Bool) {
      self.init(opened: open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), prefetch: prefetch)
    }

    /// Opens the file `name` in the open folder `folder` (`openat`), as ``init(_:prefetch:)``
    /// opens a path.
    init(_ name: String, in folder: Int32, prefetch: Bool) {
      self.init(
        opened: openat(folder, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), prefetch: prefetch)
    }

    /// Keeps `descriptor`, or the error that made it -1.
    private init(opened descriptor: Int32, prefetch: Bool) {
      self.descriptor = descriptor
      if descriptor < 0 {
        let code = errno
        failure = .unreadable(errno: code, detail: String(cString: strerror(code)))
        return
      }
      failure = nil
      if prefetch { self.prefetch() }
    }

    /// Whether the file could not be opened because the process, or the system, had as many
    /// files open as it may (`EMFILE`, `ENFILE`): opened again once some are closed, it may well
    /// be read.
    public var ranOutOfDescriptors: Bool {
      guard case .unreadable(let code, _) = failure else { return false }
      return code == EMFILE || code == ENFILE
    }

    /// Asks the kernel to start reading all of the file (`POSIX_FADV_WILLNEED`, which returns at
    /// once), as `prefetch` does when the file is opened; nothing for a file that failed to open.
    public func prefetch() {
      #if canImport(Glibc)
        if failure == nil { _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED) }
      #endif
    }

    /// Reads the whole file and closes it.
    ///
    /// - Parameter sizeHint: The file's size when its folder was scanned, if known: the file is
    ///   then read into room for that many bytes without asking its size again (one `fstat` less
    ///   per file). A file that has grown or shrunk since is still read whole, as far as its end.
    /// - Throws: ``Rejection/unreadable(errno:detail:)`` when the file could not be opened or
    ///   read, or is larger than ``FileReader/maximumSize``.
    public func readAndClose(sizeHint: Int? = nil) throws(Rejection) -> [UInt8] {
      var cached: Bool? = nil
      return try readAndClose(sizeHint: sizeHint, probing: false, cached: &cached)
    }

    /// Reads the whole file and closes it, as ``readAndClose(sizeHint:)`` does, and sets
    /// `cached` to whether all of it was in the page cache: its first read takes only what the
    /// cache holds (`preadv2` with `RWF_NOWAIT`, which waits for no disk), and the read goes on
    /// as usual if that was not all. `cached` is nil where the system cannot tell (no `preadv2`,
    /// or a file system that does not take the flag) or when nothing could be read.
    public func readAndClose(sizeHint: Int? = nil, cached: inout Bool?) throws(Rejection)
      -> [UInt8]
    {
      try readAndClose(sizeHint: sizeHint, probing: true, cached: &cached)
    }

    private func readAndClose(sizeHint: Int?, probing: Bool, cached: inout Bool?)
      throws(Rejection) -> [UInt8]
    {
      cached = nil
      if let failure { throw failure }
      defer { close(descriptor) }
      let expected: Int
      if let sizeHint {
        expected = max(0, sizeHint)
      } else {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
          let code = errno
          throw .unreadable(errno: code, detail: String(cString: strerror(code)))
        }
        expected = Int(info.st_size)
      }
      guard expected <= maximumSize else {
        throw .unreadable(errno: EFBIG, detail: "larger than \(maximumSize >> 20) MiB")
      }
      // One byte more than expected, so that the end is found by the read that fills the rest
      // returning 0, not by growing the buffer.
      var bytes = [UInt8](repeating: 0, count: expected + 1)
      var filled = 0
      // Reads take only cached pages (`cacheOnly`) until one finds fewer bytes than it asked
      // for: the end of the file, or of what the cache holds, which the plain read after it
      // tells apart.
      var cacheOnly = probing ? Self.cacheOnlyRead : nil
      var endOfCached = false
      while true {
        if filled == bytes.count {
          guard bytes.count <= maximumSize else {
            throw .unreadable(
              errno: EFBIG, detail: "grew beyond \(maximumSize >> 20) MiB while read")
          }
          bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count)))
        }
        let asked = bytes.count - filled
        let got = bytes.withUnsafeMutableBytes { raw in
          let start = raw.baseAddress! + filled
          guard let cacheOnly else { return Glibc.read(descriptor, start, asked) }
          var vector = iovec(iov_base: start, iov_len: asked)
          return cacheOnly(descriptor, &vector, 1, -1, Self.noWait)
        }
        if got < 0 {
          let code = errno
          if cacheOnly != nil {
            // EAGAIN: the next page is not in the cache. Anything else (a file system that
            // does not take the flag, an interrupted call): the plain read tells.
            if code == EAGAIN { cached = false }
            cacheOnly = nil
            continue
          }
          if code == EINTR { continue }
          throw .unreadable(errno: code, detail: String(cString: strerror(code)))
        }
        if cacheOnly != nil {
          if cached == nil { cached = true }
          if got < asked {
            cacheOnly = nil
            endOfCached = true
          }
        } else if endOfCached && got > 0 {
          // More after what the cache held: it held only part of the file.
          cached = false
        }
        if got == 0 { break }
        filled += got
        // A read that stops at the size expected, where that size ends within a page, stopped
        // at the end of the file: the page holding its last byte holds the next one, if there
        // is one, and a read given room for it takes it. Without this test, the read that
        // finds the end (0 bytes) was a second system call for every file.
        if got < asked && filled == expected && expected % Self.pageSize != 0 { break }
      }
      bytes.removeSubrange(filled...)
      return bytes
    }

    /// The size of a page of the page cache.
    private static let pageSize = max(1, sysconf(Int32(_SC_PAGESIZE)))

    /// `preadv2`, which Swift's Glibc module does not declare; nil where the C library has none.
    private static let cacheOnlyRead = CLibrary.function("preadv2", as: PReadV2.self)

    private typealias PReadV2 =
      @convention(c) (Int32, UnsafePointer<iovec>?, Int32, Int, Int32) -> Int

    /// `RWF_NOWAIT` (`linux/fs.h`): read only what needs no wait for the disk.
    private static let noWait: Int32 = 0x0000_0008
  }

  /// Reads at most the first `count` bytes of the file at `path`, or nil when it cannot be
  /// opened or read (``read(_:)`` then says why).
  public static func prefix(_ path: String, count: Int) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let got = bytes.withUnsafeMutableBytes { raw in
        Glibc.read(descriptor, raw.baseAddress! + filled, count - filled)
      }
      if got < 0 && errno == EINTR { continue }
      if got < 0 { return nil }
      if got == 0 { break }
      filled += got
    }
    bytes.removeSubrange(filled...)
    return bytes
  }
}
