import Corpus
import Foundation
import Glibc
import Testing

/// Reading a file while telling whether the page cache held it.
@Suite struct FileReaderTests {
  /// A file of `count` pseudo-random bytes in a new temporary folder; the caller removes the
  /// folder.
  static func file(of count: Int, seed: UInt64) throws -> (path: String, bytes: [UInt8]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "almanac-reader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var state = seed
    let bytes = (0..<count).map { _ -> UInt8 in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 56)
    }
    let path = folder.appendingPathComponent("article.txt").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return (path, bytes)
  }

  /// The folder `file(of:seed:)` made for `path`.
  static func folder(of path: String) -> String {
    URL(fileURLWithPath: path).deletingLastPathComponent().path
  }

  /// Reads `path` telling whether it was cached.
  static func read(_ path: String, sizeHint: Int?) throws(Rejection) -> ([UInt8], Bool?) {
    var cached: Bool? = nil
    let bytes = try FileReader.Opened(path, prefetch: false).readAndClose(
      sizeHint: sizeHint, cached: &cached)
    return (bytes, cached)
  }

  /// Whether `path` lies on a file system that keeps every file in memory (tmpfs), where no
  /// page can be dropped from the cache.
  static func inMemory(_ path: String) -> Bool {
    // The mount whose point is the longest prefix of the path, from `/proc/self/mounts`.
    guard let mounts = try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8) else {
      return false
    }
    let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    var best = (point: "", type: "")
    for line in mounts.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count > 2 else { continue }
      let point = String(fields[1])
      let within = point == "/" || real == point || real.hasPrefix(point + "/")
      if within && point.count > best.point.count { best = (point, String(fields[2])) }
    }
    return best.type == "tmpfs" || best.type == "ramfs"
  }

  @Test func filesReadWholeWhateverTheSizeHint() throws {
    for (index, count) in [0, 1, 4095, 4096, 4097, 70_000, 300_001].enumerated() {
      let (path, bytes) = try Self.file(of: count, seed: UInt64(index + 1))
      defer { try? FileManager.default.removeItem(atPath: Self.folder(of: path)) }
      for hint in [nil, count, max(0, count - 1), count + 1, count / 2, 2 * count + 10] {
        let (read, cached) = try Self.read(path, sizeHint: hint)
        #expect(read == bytes, "\(count) bytes, hint \(String(describing: hint))")
        // Just written, and read the line before: all in the cache. (Linux has told since 4.14,
        // glibc since 2.26; a system that cannot would say nil.)
        #expect(cached == true, "\(count) bytes, hint \(String(describing: hint))")
        #expect(read == (try FileReader.Opened(path, prefetch: true).readAndClose(sizeHint: hint)))
      }
    }
  }

  /// Drops the pages of `path` from the page cache (written back to the disk first, its clean
  /// pages can be), then reads its first `keeping` bytes back in, and no more.
  static func drop(_ path: String, keeping: Int = 0) {
    let descriptor = open(path, O_RDONLY)
    #expect(descriptor >= 0)
    defer { close(descriptor) }
    #expect(fsync(descriptor) == 0)
    #expect(posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED) == 0)
    guard keeping > 0 else { return }
    // No read-ahead: only the pages read come back.
    #expect(posix_fadvise(descriptor, 0, 0, POSIX_FADV_RANDOM) == 0)
    var start = [UInt8](repeating: 0, count: keeping)
    #expect(pread(descriptor, &start, keeping, 0) == keeping)
  }

  /// Whether any page of `path` from byte `offset` on is in the page cache (`mincore` of a
  /// mapping of it), or nil when that cannot be told.
  static func cached(_ path: String, from offset: Int) -> Bool? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
    let size = Int(info.st_size)
    guard let map = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0),
      Int(bitPattern: map) != -1
    else { return nil }
    defer { munmap(map, size) }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    var pages = [UInt8](repeating: 0, count: (size + page - 1) / page)
    guard mincore(map, size, &pages) == 0 else { return nil }
    return pages[min(offset / page, pages.count)...].contains { $0 & 1 != 0 }
  }

  /// ``drop(_:keeping:)``, again while a page past the first `keeping` bytes is still cached,
  /// up to five times: on a machine busy with other reads, the kernel may read pages back
  /// before the file is read (`aReadStoppingAtAPageEndIsNotTakenForTheEnd` failed so once).
  static func dropAll(_ path: String, keeping: Int = 0) {
    for _ in 0..<5 {
      drop(path, keeping: keeping)
      if cached(path, from: keeping) != true { return }
    }
  }

  /// The page check sees a file read whole as cached, and one dropped as not.
  @Test func pagesDroppedAreSeenGone() throws {
    let (path, bytes) = try Self.file(of: 5 * 4096, seed: 11)
    defer { try? FileManager.default.removeItem(atPath: Self.folder(of: path)) }
    #expect(try Self.read(path, sizeHint: bytes.count).0 == bytes)
    #expect(Self.cached(path, from: 0) == true)
    guard !Self.inMemory(path) else { return }
    Self.dropAll(path, keeping: 4096)
    #expect(Self.cached(path, from: 4096) == false)
    #expect(Self.cached(path, from: 0) == true)
  }

  @Test func aFileDroppedFromTheCacheIsReadWholeAndSaidNotCached() throws {
    let (path, bytes) = try Self.file(of: 1_000_000, seed: 7)
    defer { try? FileManager.default.removeItem(atPath: Self.folder(of: path)) }
    #expect(try Self.read(path, sizeHint: bytes.count).0 == bytes)
    let inMemory = Self.inMemory(path)
    // All of it dropped, and all but the first page.
    for keeping in [0, 4096] {
      Self.dropAll(path, keeping: keeping)
      for hint in [bytes.count, 100] {
        let (read, cached) = try Self.read(path, sizeHint: hint)
        #expect(read == bytes)
        if !inMemory { #expect(cached == false, "first \(keeping) bytes kept, hint \(hint)") }
        // Read once, it is in the cache again.
        #expect(try Self.read(path, sizeHint: hint).1 == true)
        Self.dropAll(path, keeping: keeping)
      }
    }
  }

  /// A read that stops at the size the scan saw is taken for the end of the file only when that
  /// size ends within a page: where it ends a page, the cache may just hold no more.
  @Test func aReadStoppingAtAPageEndIsNotTakenForTheEnd() throws {
    let (path, bytes) = try Self.file(of: 3 * 4096 + 100, seed: 9)
    defer { try? FileManager.default.removeItem(atPath: Self.folder(of: path)) }
    for hint in [4096, 8192] {
      // The first pages in the cache, the rest on the disk: a read that may not wait stops
      // at the hint, a page end, though the file goes on.
      Self.dropAll(path, keeping: hint)
      let (read, cached) = try Self.read(path, sizeHint: hint)
      #expect(read == bytes, "hint \(hint)")
      if !Self.inMemory(path) { #expect(cached == false, "hint \(hint)") }
    }
  }

  @Test func aFileThatCannotBeOpenedTellsNothingOfTheCache() {
    var cached: Bool? = true
    #expect(throws: Rejection.self) {
      try FileReader.Opened("/nonexistent/almanac/article.txt", prefetch: true).readAndClose(
        sizeHint: nil, cached: &cached)
    }
    #expect(cached == nil)
  }
}
