/// One document's text, folded bytes and tokens, read through buffers while a scan runs.
///
/// The *key* of a token is its folded form without an English possessive ending (`'s`), so that
/// "EAEU's" and "Ministry's" match "EAEU" and "Ministry". Valid only inside the closure that
/// made its buffers.
struct TokenView {
  let text: UnsafeBufferPointer<UInt8>
  let folded: UnsafeBufferPointer<UInt8>
  let tokens: UnsafeBufferPointer<Token>
  /// What is known of each token's word, when the caller worked it out per word
  /// (``OrganizationMatcher/WordFacts``); nil to look each token up.
  var facts: UnsafeBufferPointer<OrganizationMatcher.WordFacts>? = nil

  /// Calls `body` with a view of `text` and `stream`.
  static func with<R>(
    text: [UInt8], stream: TokenStream, _ body: (TokenView) -> R
  ) -> R {
    text.withUnsafeBufferPointer { text in
      stream.folded.withUnsafeBufferPointer { folded in
        stream.tokens.withUnsafeBufferPointer { tokens in
          body(TokenView(text: text, folded: folded, tokens: tokens))
        }
      }
    }
  }

  var count: Int { tokens.count }

  subscript(_ index: Int) -> Token { tokens[index] }

  /// The folded bytes of token `index` without a possessive `'s`.
  func key(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    let token = tokens[index]
    return Self.key(
      of: UnsafeBufferPointer(
        rebasing: folded[Int(token.foldedStart)..<Int(token.foldedEnd)]))
  }

  /// A folded form without a possessive `'s`.
  static func key(of folded: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    let count = folded.count
    if count > 2 && folded[count - 1] == UInt8(ascii: "s") && folded[count - 2] == apostrophe {
      return UnsafeBufferPointer(rebasing: folded[0..<count - 2])
    }
    return folded
  }

  /// Whether token `index` ends in a possessive `'s`.
  func isPossessive(_ index: Int) -> Bool {
    let token = tokens[index]
    return key(index).count < Int(token.foldedEnd - token.foldedStart)
  }

  /// One past the last text byte of token `index`, possessive ending left out.
  func originalKeyEnd(_ index: Int) -> Int {
    let token = tokens[index]
    let end = Int(token.end)
    guard isPossessive(index) else { return end }
    // The tokenizer folds ', ’ and ʼ to '; find which one was written.
    if text[end - 2] == apostrophe { return end - 2 }
    if end - 4 >= Int(token.start) && text[end - 4] == 0xE2 { return end - 4 }  // ’ U+2019
    return end - 3  // ʼ U+02BC
  }

  /// The bytes of token `index` as written, possessive ending left out.
  func original(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: text[Int(tokens[index].start)..<originalKeyEnd(index)])
  }

  /// Whether token `index` can continue a phrase begun before it: no sentence break and no
  /// punctuation between them.
  func continuesPhrase(_ index: Int) -> Bool {
    tokens[index].continuesPhrase
  }

  /// Whether token `index` has its first letter in upper case.
  func isCapitalized(_ index: Int) -> Bool {
    !tokens[index].flags.isDisjoint(with: [.capitalized, .allUppercase])
  }

  /// Whether token `index` stands alone in parentheses: `(` right before it, `)` right after.
  func isParenthesized(_ index: Int) -> Bool { isParenthesized(index, through: index) }

  /// Whether tokens `first...last` stand alone in brackets: an opening one right before the
  /// first, a closing one right after the last.
  func isParenthesized(_ first: Int, through last: Int) -> Bool {
    guard tokens[first].flags.contains(.openingParenthesisBefore) else { return false }
    let end = Int(tokens[last].end)
    return end < text.count && (text[end] == UInt8(ascii: ")") || text[end] == UInt8(ascii: "]"))
  }

  /// The folded forms of tokens `first...last` joined by single spaces, without a possessive
  /// ending on the last one, of which only the first `piecesOfLast` pieces when given.
  func foldedPhrase(_ first: Int, _ last: Int, piecesOfLast: Int? = nil) -> String {
    var bytes: [UInt8] = []
    for index in first..<last {
      let token = tokens[index]
      bytes.append(contentsOf: folded[Int(token.foldedStart)..<Int(token.foldedEnd)])
      bytes.append(UInt8(ascii: " "))
    }
    bytes.append(contentsOf: piecesOfLast.flatMap { key(last, pieces: $0) } ?? key(last))
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// The pieces of hyphenated words: "NATO-led" is one token, of two pieces.
extension TokenView {
  /// One piece of a hyphenated token, between hyphens.
  struct Piece {
    /// Its folded bytes.
    var key: UnsafeBufferPointer<UInt8>
    /// Where it is written in the text.
    var written: Range<Int>
  }

  /// The pieces of token `index`'s key, in order; nil when the token has no hyphen, or when
  /// its folded and written pieces differ in number (an invisible character or a decomposed
  /// letter stood between them): such a word is left whole.
  func pieces(_ index: Int) -> [Piece]? {
    let key = self.key(index)
    guard key.contains(Self.hyphen) else { return nil }
    let keys = key.split(separator: Self.hyphen, omittingEmptySubsequences: false)
    let written = original(index)
    let ranges = Self.pieces(of: written)
    guard keys.count == ranges.count else { return nil }
    let base = written.baseAddress! - text.baseAddress!
    return zip(keys, ranges).map { key, range in
      Piece(
        key: UnsafeBufferPointer(rebasing: key),
        written: base + range.lowerBound..<base + range.upperBound)
    }
  }

  /// One past the last text byte of the first `count` pieces of token `index` when given (the
  /// token has them), else of the token (``originalKeyEnd(_:)``).
  func keyEnd(_ index: Int, pieces count: Int?) -> Int {
    guard let count else { return originalKeyEnd(index) }
    return pieces(index)![count - 1].written.upperBound
  }

  /// The folded bytes of the first `count` pieces of token `index`, hyphens between them
  /// included ("united-nations" of "united-nations-backed"); nil when the token has no pieces.
  func key(_ index: Int, pieces count: Int) -> UnsafeBufferPointer<UInt8>? {
    guard let pieces = pieces(index), count >= 1, count <= pieces.count else { return nil }
    return Self.joined(pieces[0..<count])
  }

  /// The folded bytes from the first of `pieces` to the end of the last (pieces of one key).
  static func joined(_ pieces: ArraySlice<Piece>) -> UnsafeBufferPointer<UInt8> {
    let start = pieces.first!.key.baseAddress!
    let last = pieces.last!.key
    return UnsafeBufferPointer(start: start, count: last.baseAddress! + last.count - start)
  }

  /// For a hyphenated token that ends in a tail no name ends with: how many pieces come before
  /// the tail; nil for any other token ("Coca-Cola", "G-20", "NATO-EU", "Rostov-on-Don",
  /// "Rolls-Royce"). The tail is the last pieces when they are written in lower case
  /// ("Council-backed", "Affairs-led", "Bank-run-and-owned"), or, as a title-case headline
  /// writes them, one last piece that is a participle in -ed or a tail of ``titleCaseTails``
  /// ("Council-Backed", "Affairs-Led", "Bank-Run", "Bank-Friendly").
  func piecesBeforeTail(_ index: Int) -> Int? {
    guard let pieces = pieces(index), pieces.count > 1 else { return nil }
    var first: Int?
    for place in pieces.indices.dropFirst().reversed() {
      guard startsInLowerCase(pieces[place]) else { break }
      first = place
    }
    if first == nil, let last = pieces.last, isTitleCaseTail(last) { first = pieces.count - 1 }
    return first
  }

  /// The tails of compound adjectives a title-case headline writes with a capital after a
  /// name, beside the participles in -ed: "Bank-Run", "Council-Wide", "Bank-Friendly",
  /// "NATO-Style", "Ministry-Level", "Union-Only", "Decade-Long"… (folded).
  static let titleCaseTails: [[UInt8]] = [
    "run", "wide", "friendly", "style", "like", "only", "level", "long", "type", "scale",
    "bound", "free", "proof", "specific", "centric", "heavy",
  ].map { Array($0.utf8) }

  /// Whether `piece` is a participle in -ed or one of ``titleCaseTails``, written with a capital
  /// and then lower case ("Backed", not "BACKED" or "NATO").
  private func isTitleCaseTail(_ piece: Piece) -> Bool {
    let key = piece.key
    guard key.count >= 3, key.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
    else { return false }
    let written = text[piece.written]
    guard written.count == key.count, written.first! != key.first!,
      written.dropFirst().elementsEqual(key.dropFirst())
    else { return false }
    let ed = key[key.count - 2] == UInt8(ascii: "e") && key[key.count - 1] == UInt8(ascii: "d")
    return ed || Self.titleCaseTails.contains { key.elementsEqual($0) }
  }

  /// Whether `piece` is written beginning with a lower-case letter: an ASCII letter or a
  /// non-ASCII one (Cyrillic) that folding left as it was.
  private func startsInLowerCase(_ piece: Piece) -> Bool {
    guard let first = piece.key.first else { return false }
    let isLetter = first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") || first >= 0xC0
    let width = first < 0x80 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
    guard isLetter, piece.written.count >= width, piece.key.count >= width else { return false }
    return (0..<width).allSatisfy { text[piece.written.lowerBound + $0] == piece.key[$0] }
  }

  static let hyphen = UInt8(ascii: "-")

  /// The ranges of the pieces of a word as written, split at the hyphens the tokenizer keeps
  /// in a word: `-`, `‐` (U+2010) and `‑` (U+2011).
  static func pieces(of written: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    var index = 0
    while index < written.count {
      if written[index] == hyphen {
        ranges.append(start..<index)
        index += 1
        start = index
      } else if written[index] == 0xE2, index + 2 < written.count, written[index + 1] == 0x80,
        written[index + 2] == 0x90 || written[index + 2] == 0x91
      {
        ranges.append(start..<index)
        index += 3
        start = index
      } else {
        index += 1
      }
    }
    ranges.append(start..<written.count)
    return ranges
  }
}

private let apostrophe = UInt8(ascii: "'")

extension UnsafeBufferPointer<UInt8> {
  /// Whether the bytes start with `prefix` and the rest is at most `maxScalars` scalars long.
  func hasPrefix(_ prefix: [UInt8], endingAtMost maxScalars: Int) -> Bool {
    guard count >= prefix.count else { return false }
    for index in 0..<prefix.count where self[index] != prefix[index] { return false }
    var scalars = 0
    for index in prefix.count..<count where self[index] & 0xC0 != 0x80 {
      scalars += 1
      if scalars > maxScalars { return false }
    }
    return true
  }
}
