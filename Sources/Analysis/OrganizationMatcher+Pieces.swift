/// Names inside hyphenated words. A hyphenated word is one token ("NATO-led", "EU-Russia",
/// "ЕАЭС-Китай"), so no alias matches it whole:
/// - a piece of it between hyphens that a one-word alias matches, as that alias matches a word,
///   is a mention ("NATO", "EU", "ЕАЭС"). An acronym still matches only as written: "un-named"
///   names no UN.
/// - a longer alias may end in its first pieces ("United Nations-backed") and begin in its last
///   piece ("non-European Union"), as ``AliasPattern/span(in:at:fromLastPiece:)`` matches.
extension OrganizationMatcher {
  /// The mark, in the longest-pattern table of a window, of a token that begins no pattern and
  /// holds a name in one of its pieces (``WordFacts/holdsName``).
  static let piecesOnly: Int32 = -2

  /// The mark, in the longest-pattern table of a window, of pattern `pattern` beginning in the
  /// last piece of a hyphenated token (``WordFacts/lastPieceBeginsName``); below ``piecesOnly``.
  static func inLastPiece(_ pattern: Int32) -> Int32 { -3 - pattern }

  /// The pattern that a mark made by ``inLastPiece(_:)`` stands for.
  static func pattern(inLastPiece mark: Int32) -> Int32 { -3 - mark }

  /// The facts of the word `folded` (a token's case-folded form) that its pieces give: that it
  /// has pieces (``WordFacts/hyphenated``), whether some piece may be a one-word alias
  /// (``WordFacts/holdsName``), and whether a registry name may begin with its last piece
  /// (``WordFacts/lastPieceBeginsName``). None for a word without a hyphen.
  func pieceFacts(of folded: UnsafeBufferPointer<UInt8>) -> WordFacts {
    let key = TokenView.key(of: folded)
    guard let hyphen = key.lastIndex(of: TokenView.hyphen) else { return [] }
    var facts: WordFacts = .hyphenated
    // The pieces before the last, without an array of them.
    var start = 0
    while start < hyphen && !facts.contains(.holdsName) {
      let end = key[start..<hyphen].firstIndex(of: TokenView.hyphen) ?? hyphen
      if end > start,
        onePattern(for: UnsafeBufferPointer(rebasing: key[start..<end]), written: nil).found >= 0
      {
        facts.insert(.holdsName)
      }
      start = end + 1
    }
    // The last piece is looked up once for both facts.
    let last = onePattern(for: UnsafeBufferPointer(rebasing: key[(hyphen + 1)...]), written: nil)
    if last.found >= 0 { facts.insert(.holdsName) }
    if last.beginsName { facts.insert(.lastPieceBeginsName) }
    return facts
  }

  /// Hands `body` each piece of token `index`, among the pieces `wanted` (by their place in the
  /// word), that a one-word alias matches, as ``forEachMatch(in:definitions:_:)`` hands a
  /// mention.
  func forEachPieceMatch(
    in view: TokenView, at index: Int, pieces wanted: Range<Int> = 0..<Int.max,
    _ body: (Target, UnsafeBufferPointer<UInt8>, Int32) -> Void
  ) {
    guard let pieces = view.pieces(index) else { return }
    for piece in pieces[wanted.clamped(to: pieces.indices)] {
      let surface = UnsafeBufferPointer(rebasing: view.text[piece.written])
      let pattern = onePattern(for: piece.key, written: surface).found
      guard pattern >= 0 else { continue }
      body(targets[Int(patternTarget[Int(pattern)])], surface, Int32(piece.written.lowerBound))
    }
  }

  /// The first one-word pattern that matches the folded piece `key` (written as `written`,
  /// when known: an acronym must be written as it is), or -1; and whether a pattern of more
  /// than one word may begin with the piece (``mayBeginName(_:)``, for more than one word).
  private func onePattern(
    for key: UnsafeBufferPointer<UInt8>, written: UnsafeBufferPointer<UInt8>?
  ) -> (found: Int32, beginsName: Bool) {
    var found: Int32 = -1
    var beginsName = false
    forEachFirstWordMatch(key) { candidates in
      // Candidates come longest first.
      if let longest = candidates.first, patterns[Int(longest)].words.count > 1 {
        beginsName = true
      }
      for candidate in candidates.reversed() where found < 0 {
        let words = patterns[Int(candidate)].words
        guard words.count == 1 else { break }
        guard words[0].matches(key, written: written) else { continue }
        found = candidate
      }
      return found < 0 || !beginsName
    }
    return (found, beginsName)
  }
}
