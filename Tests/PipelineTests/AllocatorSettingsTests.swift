import Corpus
import Glibc
import Testing

@testable import Pipeline

/// The settings ``Memory/configure()`` gives glibc's allocator, each checked in a process of
/// its own (an exit test), as a run makes them: in the test process other tests allocate and
/// free meanwhile, and may have done so before a setting was made. Each setting is checked both
/// ways, so that the probe is known to tell.
///
/// Skipped under the sanitizers (`scripts/sanitizers`), whose allocators replace glibc's and
/// read none of these settings.
@Suite struct AllocatorSettingsTests {
  /// glibc's trap: once a large mapped block is freed, blocks up to its size come from the heap,
  /// and one freed below a live block stays resident. With large blocks mapped it goes back to
  /// the system at once: its pages are no longer mapped (`mincore` fails with `ENOMEM`). This
  /// asks the kernel about the block's own pages rather than the resident size of the whole
  /// process, which other tests running meanwhile move by tens of megabytes.
  ///
  /// It runs in a process of its own (an exit test), as a run does: in the test process, other
  /// tests may already have freed a block as large into a heap before the threshold was fixed,
  /// and the block then came from there (this failed once in a while, ten readings in a row).
  /// The child exits with 0, or with 1 when the block was not mapped while held and 2 when it
  /// was still mapped once freed.
  @Test func aLargeBlockFreedBelowALiveOneLeavesTheProcess() async {
    await #expect(processExitsWith: .success) {
      Memory.mapLargeBlocks()
      let page = Int(sysconf(Int32(_SC_PAGESIZE)))
      do {
        // Freed first: without a fixed threshold this raises glibc's to 30 MB.
        var first = [UInt8](repeating: 1, count: 30 << 20)
        first[0] = 2
        if first[0] != 2 { exit(3) }
      }
      var block: [UInt8]? = [UInt8](repeating: 1, count: 24 << 20)
      // Allocated after the block, and still alive when it is freed.
      var live = [UInt8](repeating: 3, count: 4_096)
      live[0] = 4
      // A page in the middle of the block.
      let middle = block!.withUnsafeBufferPointer { buffer in
        UInt(bitPattern: buffer.baseAddress! + buffer.count / 2) & ~UInt(page - 1)
      }
      var resident: UInt8 = 0
      if mincore(UnsafeMutableRawPointer(bitPattern: middle), page, &resident) != 0 { exit(1) }
      block = nil
      let mappedOnceFreed = mincore(UnsafeMutableRawPointer(bitPattern: middle), page, &resident)
      if !(mappedOnceFreed == -1 && errno == ENOMEM) { exit(2) }
      exit(block == nil && live[0] == 4 ? 0 : 3)
    }
  }

  /// How many freed blocks glibc's fast bins hold (`malloc_info`'s `<total type="fast"
  /// count=…>`, summed over the arenas), after 1,000 blocks of 32 bytes were allocated and
  /// freed (beyond the seven a thread's cache keeps of a size); -1 when it cannot be told.
  static func fastBlocksAfterFreeingSmallOnes() -> Int {
    typealias Info = @convention(c) (Int32, UnsafeMutablePointer<FILE>?) -> Int32
    guard let info = CLibrary.function("malloc_info", as: Info.self) else { return -1 }
    // Everything the report needs is set up first, without buffering: a request of a kilobyte
    // or more (a stream's buffer) would merge the fast bins' blocks before they are counted.
    var text = [CChar](repeating: 0, count: 1 << 20)
    let status: Int32 = text.withUnsafeMutableBufferPointer { text in
      guard let stream = fmemopen(text.baseAddress, text.count - 1, "w") else { return -1 }
      setvbuf(stream, nil, _IONBF, 0)
      let blocks = (0..<1_000).map { _ in malloc(32) }
      for block in blocks { free(block) }
      defer { fclose(stream) }
      return info(0, stream)
    }
    guard status == 0 else { return -1 }
    var count = 0
    var found = false
    let written = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    let lines = String(decoding: written, as: UTF8.self).split(separator: "\n")
    for line in lines where line.contains("<total type=\"fast\"") {
      guard let field = line.split(separator: "\"").dropFirst(3).first, let value = Int(field)
      else { return -1 }
      count += value
      found = true
    }
    return found ? count : -1
  }

  /// With freed small blocks merged at once, glibc's fast bins stay empty: a large request has
  /// nothing to merge first. An exit test, so that no other test's frees, or setting, count.
  @Test func freedSmallBlocksAreMergedAtOnce() async {
    await #expect(processExitsWith: .success) {
      Memory.configure()
      let fast = Self.fastBlocksAfterFreeingSmallOnes()
      exit(fast == 0 ? 0 : fast < 0 ? 2 : 1)
    }
  }

  /// Without it they pile up there: the probe above sees them.
  @Test func withoutItFreedSmallBlocksWaitInTheFastBins() async {
    await #expect(processExitsWith: .success) {
      let fast = Self.fastBlocksAfterFreeingSmallOnes()
      exit(fast > 0 ? 0 : fast < 0 ? 2 : 1)
    }
  }

  /// Whether the middle page of a 4 MB block, touched and then freed at the top of the heap,
  /// is still resident: 0 when it is, 1 when it was handed back (no longer mapped, as the main
  /// heap shrinks, or mapped but not resident, as a thread's heap lets its pages go), 2 when it
  /// was not resident even while held.
  static func freedTopOfHeapStaysMapped() -> Int32 {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let size = 4 << 20
    guard let block = malloc(size) else { return 2 }
    memset(block, 1, size)
    let middle = UnsafeMutableRawPointer(
      bitPattern: UInt(bitPattern: block + size / 2) & ~UInt(page - 1))
    var resident: UInt8 = 0
    guard mincore(middle, page, &resident) == 0, resident & 1 == 1 else { return 2 }
    free(block)
    guard mincore(middle, page, &resident) == 0 else { return errno == ENOMEM ? 1 : 2 }
    return resident & 1 == 1 ? 0 : 1
  }

  /// A block freed at the top of the heap stays there for the next one, rather than being
  /// handed back to be faulted in again. (4 MB is below the size that gets a mapping of its
  /// own, so it comes from the heap.)
  @Test func freedRoomAtTheTopOfAHeapIsKept() async {
    await #expect(processExitsWith: .success) {
      Memory.configure()
      exit(Self.freedTopOfHeapStaysMapped())
    }
  }

  /// glibc's default hands it back at once: the probe above can tell.
  @Test func withoutItFreedRoomAtTheTopOfAHeapIsHandedBack() async {
    await #expect(processExitsWith: .success) {
      Memory.mapLargeBlocks()
      exit(Self.freedTopOfHeapStaysMapped() == 1 ? 0 : 1)
    }
  }
}
