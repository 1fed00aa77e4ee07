import Testing

@testable import Pipeline

/// The resident size the step timings print is read from the kernel and follows real use.
@Suite struct MemoryTests {
  @Test func residentSizeGrowsWithTouchedMemory() {
    let before = Memory.residentMegabytes
    #expect(before > 0)
    var block = [UInt8](repeating: 1, count: 96 << 20)
    block[block.count - 1] = 2
    let after = Memory.residentMegabytes
    #expect(after - before >= 64, "\(before) MB → \(after) MB")
    #expect(block.last == 2)
  }
}
