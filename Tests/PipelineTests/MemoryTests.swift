import Glibc
import Testing

@testable import Pipeline

/// The resident size the step timings print is read from the kernel and follows real use.
///
/// Other tests allocate and free on other threads meanwhile, so each measurement is tried a
/// few times and one clean reading is enough; a real fault fails every time.
@Suite struct MemoryTests {
  /// Whether `measure` holds in one of ten tries, a moment apart, with the last reading for the
  /// message. (Three tries in a row were not enough beside the busiest tests: one run in four
  /// read "117 MB while held → 117 MB once freed" three times.)
  static func holdsOnce(_ measure: () -> (Bool, String)) -> (Bool, String) {
    var last = (false, "")
    for attempt in 0..<10 {
      if attempt > 0 { usleep(20_000) }
      last = measure()
      if last.0 { break }
    }
    return last
  }

  @Test func residentSizeGrowsWithTouchedMemory() {
    let (grew, reading) = Self.holdsOnce {
      let before = Memory.residentMegabytes
      var block = [UInt8](repeating: 1, count: 96 << 20)
      block[block.count - 1] = 2
      let after = Memory.residentMegabytes
      return (before > 0 && after - before >= 64 && block.last == 2, "\(before) → \(after) MB")
    }
    #expect(grew, "\(reading)")
  }

  /// glibc's trap: once a large mapped block is freed, blocks up to its size come from the heap,
  /// and one freed below a live block stays resident. With large blocks mapped it goes back to
  /// the system at once: its pages are no longer mapped (`mincore` fails with `ENOMEM`). This
  /// asks the kernel about the block's own pages rather than the resident size of the whole
  /// process, which other tests running meanwhile move by tens of megabytes.
  @Test func aLargeBlockFreedBelowALiveOneLeavesTheProcess() {
    Memory.mapLargeBlocks()
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let (left, reading) = Self.holdsOnce {
      do {
        // Freed first: without a fixed threshold this raises glibc's to 30 MB.
        var first = [UInt8](repeating: 1, count: 30 << 20)
        first[0] = 2
        guard first[0] == 2 else { return (false, "") }
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
      let mappedWhileHeld = mincore(UnsafeMutableRawPointer(bitPattern: middle), page, &resident)
      block = nil
      let mappedOnceFreed = mincore(UnsafeMutableRawPointer(bitPattern: middle), page, &resident)
      let unmapped = mappedOnceFreed == -1 && errno == ENOMEM
      return (
        block == nil && live[0] == 4 && mappedWhileHeld == 0 && unmapped,
        "mincore while held \(mappedWhileHeld), once freed \(mappedOnceFreed)"
      )
    }
    #expect(left, "\(reading)")
  }
}
