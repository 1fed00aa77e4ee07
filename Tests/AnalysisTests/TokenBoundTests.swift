import TestSupport
import Testing

@testable import Analysis

/// The room ``TokenStream/reserve(forText:)`` sets aside: a text of `n` bytes has at most
/// `(n + 1) / 2` tokens, since tokens are maximal runs of word bytes and so always at least one
/// byte apart.
@Suite struct TokenBoundTests {
  /// Pieces that make tokens as dense as text allows (one-letter words, one separator), and
  /// the joiners and marks that decide where a token ends.
  static let pieces = [
    "a", "я", "Ё", "1", "-", "'", "’", "ʼ", ".", ",", " ", "\n", "x-", "-1", "\u{301}", "日", "😀",
    "3.5", "A", "—", "(", "«", "1,000", "‐", "\u{AD}", "\u{200B}", "\u{FEFF}",
  ]

  @Test(arguments: 0..<30)
  func randomTextHasAtMostOneTokenInTwoBytes(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let text = (0..<Int(random.next() % 400)).map { _ in
      Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
    }.joined()
    let bytes = Array(text.utf8)
    var stream = TokenStream()
    Tokenizer().tokenize(bytes, into: &stream)
    #expect(stream.tokens.count * 2 <= bytes.count + 1, "seed \(seed): \(text)")
    // The room was there before the first token: the buffer never had to move.
    #expect(stream.tokens.capacity >= (bytes.count + 1) / 2)
  }

  @Test func oneLetterWordsReachTheBound() {
    for count in [1, 2, 7, 100] {
      let bytes = Array(Array(repeating: "a", count: count).joined(separator: " ").utf8)
      var stream = TokenStream()
      Tokenizer().tokenize(bytes, into: &stream)
      #expect(stream.tokens.count == (bytes.count + 1) / 2)
    }
  }
}
