import TestSupport
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

/// The scanner's four-letters-at-a-time test for runs of lower-case Russian letters, against
/// the code points the byte pairs spell; and the tokenizer with that fast path against the
/// tokenizer without it.
@Suite struct RussianRunTests {
  /// How many bytes from the first, pair by pair, spell letters U+0430–U+044F.
  static func runByPairs(_ bytes: [UInt8]) -> Int {
    var length = 0
    while length < bytes.count {
      let (lead, next) = (bytes[length], bytes[length + 1])
      guard lead & 0xE0 == 0xC0, next & 0xC0 == 0x80 else { break }
      let value = UInt32(lead & 0x1F) << 6 | UInt32(next & 0x3F)
      guard (0x0430...0x044F).contains(value) else { break }
      length += 2
    }
    return length
  }

  /// Every pair of bytes in each of the four places, among the letter `м`.
  @Test func everyPairInEveryPlace() {
    var wrong: [[UInt8]] = []
    for place in 0..<4 {
      for lead in 0...255 {
        for next in 0...255 {
          var bytes = [UInt8](repeating: 0, count: 8)
          for lane in 0..<4 { (bytes[2 * lane], bytes[2 * lane + 1]) = (0xD0, 0xBC) }
          (bytes[2 * place], bytes[2 * place + 1]) = (UInt8(lead), UInt8(next))
          if Scanner.lowerCaseRussianRun(ScannerTests.packed(bytes)) != Self.runByPairs(bytes) {
            wrong.append(bytes)
          }
        }
      }
    }
    #expect(wrong.isEmpty, "first: \(wrong.prefix(3))")
  }

  /// Words of Russian and other Cyrillic letters (upper case, `ё`, `Ѳ` whose bytes are D1 B2),
  /// ASCII, digits and punctuation, of lengths that end runs at every place of eight bytes and
  /// within eight bytes of the end of the text.
  static func text(seed: UInt64) -> [UInt8] {
    let pieces = [
      "а", "п", "р", "я", "м", "Б", "Я", "ё", "Ё", "ѳ", "Ѳ", "і", "ў", "ђ", "e", "Z", "7", "'",
      "’", "-", " ", " ", " ", ". ", ", ", "\n", "(",
    ].map { Array($0.utf8) }
    var random = SplitMix(seed: seed)
    var text: [UInt8] = []
    for _ in 0..<(1 + random.int(300)) {
      // Mostly lower-case Russian, in runs of 1 to 20 letters.
      if random.int(3) > 0 {
        for _ in 0..<(1 + random.int(20)) { text += pieces[random.int(4) == 0 ? 1 : 4] }
      }
      text += pieces[random.int(pieces.count)]
    }
    return text
  }

  @Test(arguments: 0..<200 as Range<UInt64>)
  func sameTokensWithAndWithoutTheFastPath(seed: UInt64) {
    let text = Self.text(seed: seed)
    var fast = TokenStream()
    var slow = TokenStream()
    Tokenizer().tokenize(text, into: &fast)
    Tokenizer(russianRuns: false).tokenize(text, into: &slow)
    #expect(fast.tokens == slow.tokens)
    #expect(fast.folded == slow.folded)
  }

  /// What the fast path gives, spelled out: lower-case runs stay, the rest folds.
  @Test func foldedWords() {
    var stream = TokenStream()
    Tokenizer().tokenize(Array("союзнический Союза ёлками приёмная ѲЕОДОР".utf8), into: &stream)
    let words = stream.tokens.map {
      String(decoding: stream.folded[Int($0.foldedStart)..<Int($0.foldedEnd)], as: UTF8.self)
    }
    #expect(words == ["союзнический", "союза", "елками", "приемная", "ѳеодор"])
  }
}
