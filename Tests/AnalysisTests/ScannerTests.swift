import Testing

@testable import Analysis

/// The scanner's eight-bytes-at-a-time test for runs of lower-case letters, against a byte by
/// byte count.
@Suite struct ScannerTests {
  static func runByBytes(_ bytes: [UInt8]) -> Int {
    bytes.firstIndex { !(0x61...0x7A).contains($0) } ?? bytes.count
  }

  static func packed(_ bytes: [UInt8]) -> UInt64 {
    bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
  }

  /// Every byte value at every one of the eight places, among letters.
  @Test func everyByteAtEveryPlace() {
    for place in 0..<8 {
      for value in 0...255 {
        var bytes = [UInt8](repeating: UInt8(ascii: "m"), count: 8)
        bytes[place] = UInt8(value)
        #expect(Scanner.lowerCaseRun(Self.packed(bytes)) == Self.runByBytes(bytes))
        bytes = bytes.map { $0 == UInt8(ascii: "m") ? UInt8(ascii: "z") : $0 }
        #expect(Scanner.lowerCaseRun(Self.packed(bytes)) == Self.runByBytes(bytes))
      }
    }
  }

  /// Random bytes, mostly letters and the bytes around `a` and `z`, with and without the top bit.
  @Test func randomEights() {
    let choices: [UInt8] = [0x60, 0x61, 0x7A, 0x7B, 0xE1, 0xFA, 0x41, 0x20, 0x00, 0xFF, 0x6D]
    var state: UInt64 = 5
    for _ in 0..<20_000 {
      var bytes: [UInt8] = []
      for _ in 0..<8 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let pick = Int(state >> 33)
        bytes.append(pick % 3 == 0 ? choices[pick % choices.count] : UInt8(0x61 + pick % 26))
      }
      #expect(Scanner.lowerCaseRun(Self.packed(bytes)) == Self.runByBytes(bytes))
    }
  }
}
