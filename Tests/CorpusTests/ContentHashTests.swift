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

  /// Random lines of English, Cyrillic and blanks, joined by the line end `end`.
  static func text(seed: UInt64, end: String) -> [UInt8] {
    var random = SplitMix(seed: seed)
    let words = ["EAEU", "summit", "Минск", "саммит", "", " ", "a\tb", "naïve", "—"]
    let lines = (0..<(1 + random.int(40))).map { _ in
      (0..<random.int(6)).map { _ in random.pick(words) }.joined(separator: " ")
    }
    return Array((" date 2020-01-01 " + lines.joined(separator: end)).utf8)
  }

  /// The same text with LF, CR LF or lone CR line ends hashes alike as text (and as its bytes
  /// when it has no CR); a text that differs in anything else, one more line end included,
  /// does not.
  @Test func lineEndsAsideTheTextHashIsTheBytesHash() {
    for seed in 1...200 as ClosedRange<UInt64> {
      let lf = Self.text(seed: seed, end: "\n")
      #expect(ContentHash.textHash(lf) == ContentHash.hash(lf))
      for end in ["\r\n", "\r"] {
        let other = Self.text(seed: seed, end: end)
        #expect(ContentHash.textHash(other) == ContentHash.textHash(lf), "seed \(seed)")
        if other != lf { #expect(ContentHash.hash(other) != ContentHash.hash(lf)) }
      }
      // Mixed line ends in one file, and a file ending in CR LF.
      var mixed = Self.text(seed: seed, end: "\r\n")
      if let index = mixed.firstIndex(of: 0x0D) { mixed.remove(at: index) }
      #expect(ContentHash.textHash(mixed + [0x0D, 0x0A]) == ContentHash.hash(lf + [0x0A]))
      // One line end more, a space more, or CR LF read as two line ends is another text.
      #expect(ContentHash.textHash(lf + [0x0D, 0x0A]) != ContentHash.textHash(lf))
      #expect(ContentHash.textHash(lf + [0x20]) != ContentHash.textHash(lf))
      #expect(ContentHash.textHash(Array("a\r\nb".utf8)) != ContentHash.hash(Array("a\n\nb".utf8)))
      #expect(
        ContentHash.textHash(Array("a\r\r\nb".utf8)) == ContentHash.hash(Array("a\n\nb".utf8)))
    }
  }
}
