import Corpus
import TestSupport
import Testing

@Suite struct ContentHashTests {
  /// Against the standard library's base-16 text, padded with zeros to sixteen digits.
  @Test func hexIsSixteenLowerCaseDigits() {
    var random = SplitMix(seed: 16)
    var values: [UInt64] = [0, 1, 0x9, 0xA, 0xF, 0x10, 0xABCDEF, 1 << 63, .max]
    for _ in 0..<1_000 { values.append(random.next()) }
    for shift in 0..<64 { values.append(1 << UInt64(shift)) }
    for value in values {
      let digits = String(value, radix: 16)
      #expect(ContentHash.hex(value) == String(repeating: "0", count: 16 - digits.count) + digits)
    }
  }

  /// Reading the text back gives the value, as the standard library's base-16 parser does;
  /// text of another length or with other digits is not a hash.
  @Test func valueReadsHexBack() {
    var random = SplitMix(seed: 17)
    var values: [UInt64] = [0, 1, 0xABCDEF, 1 << 63, .max]
    for _ in 0..<1_000 { values.append(random.next()) }
    for value in values {
      let text = ContentHash.hex(value)
      #expect(ContentHash.value(hex: text) == UInt64(text, radix: 16))
      #expect(ContentHash.value(hex: text) == value)
    }
    for text in [
      "", "0", "00000000000000000", "000000000000000g", "ABCDEF0123456789", "-000000000000001",
    ] {
      #expect(ContentHash.value(hex: text) == nil)
    }
  }
}
