import Corpus
import TestSupport
import Testing

/// The fast validity check against the standard library's UTF-8 validation, on every edge of
/// table 3-7 and on random bytes biased towards multi-byte sequences.
@Suite struct UTF8RepairTests {
  static func reference(_ bytes: [UInt8]) -> Bool {
    String(validating: bytes, as: UTF8.self) != nil
  }

  static func fast(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer(UTF8Repair.isValid)
  }

  @Test func edgesOfTheWellFormedRanges() {
    let cases: [[UInt8]] = [
      [], Array("plain ascii text, longer than eight bytes".utf8), Array("Евразийский союз".utf8),
      Array("emoji 🌍 and 中文 after ASCII".utf8),
      [0x7F], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF],
      [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
      [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80],
      [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],
      [0xE2, 0x82], [0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0xC3], [0xC3, 0x41],
      Array("12345678".utf8) + [0xE2, 0x82, 0xAC] + Array("12345678".utf8),
      // Runs of two-byte sequences ending cut short, on a bad continuation, or in a longer one.
      Array("союз".utf8) + [0xD0], Array("союз".utf8) + [0xD0, 0x41], [0xD0, 0xB5, 0xC0, 0x80],
      Array("союз".utf8) + [0xE2, 0x82, 0xAC], Array("союз".utf8) + [0xD0, 0xC0],
    ]
    for bytes in cases {
      #expect(Self.fast(bytes) == Self.reference(bytes), "\(bytes)")
    }
  }

  @Test func randomBytesAgreeWithTheStandardLibrary() {
    var random = SplitMix(seed: 0x1234_5678)
    let pieces: [[UInt8]] = [
      Array("abc defgh ".utf8), Array("ё".utf8), Array("€".utf8), Array("🌍".utf8), [0x80],
      [0xC3], [0xE2, 0x82], [0xF0, 0x9F], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xC0, 0xAF],
    ]
    for _ in 0..<5_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(random.next() % 12) {
        bytes +=
          random.next() % 4 == 0
          ? [UInt8(truncatingIfNeeded: random.next())]
          : pieces[Int(random.next() % UInt64(pieces.count))]
      }
      #expect(Self.fast(bytes) == Self.reference(bytes), "\(bytes)")
      let (repaired, replaced) = UTF8Repair.repaired(bytes[...])
      #expect(Self.reference(repaired))
      #expect((replaced == 0) == Self.reference(bytes))
      #expect(repaired == Array(String(decoding: bytes, as: UTF8.self).utf8))
    }
  }
}
