/// Names inside hyphenated words. A hyphenated word is one token ("NATO-led", "EU-Russia",
/// "ЕАЭС-Китай"), so no alias matches it whole; a piece of it between hyphens that a one-word
/// alias matches, as that alias matches a word, is a mention ("NATO", "EU", "ЕАЭС"). An acronym
/// still matches only as written: "un-named" names no UN.
extension OrganizationMatcher {
  /// The mark, in the longest-pattern table of a window, of a token that begins no pattern and
  /// holds a name in one of its pieces (``WordFacts/holdsName``).
  static let piecesOnly: Int32 = -2

  /// Whether some piece of the hyphenated word `folded` (a token's case-folded form) may be a
  /// one-word alias; false for a word without a hyphen.
  func mayHoldName(_ folded: UnsafeBufferPointer<UInt8>) -> Bool {
    let key = TokenView.key(of: folded)
    guard key.contains(Self.hyphen) else { return false }
    return key.split(separator: Self.hyphen).contains { piece in
      onePattern(for: UnsafeBufferPointer(rebasing: piece), written: nil) >= 0
    }
  }

  /// Hands `body` each piece of token `index` that a one-word alias matches, as
  /// ``forEachMatch(in:definitions:_:)`` hands a mention.
  func forEachPieceMatch(
    in view: TokenView, at index: Int,
    _ body: (Target, UnsafeBufferPointer<UInt8>, Int32) -> Void
  ) {
    let key = view.key(index)
    let written = view.original(index)
    let pieces = key.split(separator: Self.hyphen, omittingEmptySubsequences: false)
    let writtenPieces = Self.pieces(of: written)
    // Folded and written pieces are the same in number but where an invisible character or a
    // decomposed letter stood between them: such a word is left alone.
    guard pieces.count == writtenPieces.count else { return }
    let base = written.baseAddress! - view.text.baseAddress!
    for (piece, range) in zip(pieces, writtenPieces) {
      let surface = UnsafeBufferPointer(rebasing: written[range])
      let pattern = onePattern(for: UnsafeBufferPointer(rebasing: piece), written: surface)
      guard pattern >= 0 else { continue }
      body(targets[Int(patternTarget[Int(pattern)])], surface, Int32(base + range.lowerBound))
    }
  }

  /// The first one-word pattern that matches the folded piece `key` (written as `written`,
  /// when known: an acronym must be written as it is), or -1.
  private func onePattern(
    for key: UnsafeBufferPointer<UInt8>, written: UnsafeBufferPointer<UInt8>?
  ) -> Int32 {
    var found: Int32 = -1
    forEachFirstWordMatch(key) { candidates in
      for candidate in candidates.reversed() {
        let words = patterns[Int(candidate)].words
        guard words.count == 1 else { break }
        let word = words[0]
        let matches =
          word.isStem
          ? key.hasPrefix(word.folded, endingAtMost: AliasPattern.maxEndingLength)
          : key.hasSameBytes(as: word.folded)
        guard matches else { continue }
        if let acronym = word.acronym, let written, !written.hasSameBytes(as: acronym) {
          continue
        }
        found = candidate
        return false
      }
      return true
    }
    return found
  }

  private static let hyphen = UInt8(ascii: "-")

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
