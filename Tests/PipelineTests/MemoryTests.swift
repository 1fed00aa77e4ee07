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
}
