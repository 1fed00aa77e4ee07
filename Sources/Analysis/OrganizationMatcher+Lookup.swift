/// The lookups by first word: where a registry name may begin, and the longest one that does.
extension OrganizationMatcher {
  /// The mark of token `index` in the longest-pattern table of a window: the longest pattern
  /// that begins at the token; else, the longest beginning in its last piece
  /// (``inLastPiece(_:)``); else ``piecesOnly`` when a piece of it may be a name; else -1.
  func mark(_ view: TokenView, at index: Int, facts: WordFacts) -> Int32 {
    if facts.contains(.beginsName) {
      let found = longestMatch(view, at: index)
      if found >= 0 { return found }
    }
    if facts.contains(.lastPieceBeginsName) {
      let found = longestMatch(view, at: index, fromLastPiece: true)
      if found >= 0 { return Self.inLastPiece(found) }
    }
    return facts.contains(.holdsName) ? Self.piecesOnly : -1
  }

  /// The longest pattern matching at token `index` (or beginning in its last piece, when
  /// `fromLastPiece`), or -1.
  func longestMatch(_ view: TokenView, at index: Int, fromLastPiece: Bool = false) -> Int32 {
    if view[index].flags.contains(.number) { return -1 }
    var best: Int32 = -1
    var bestLength = 0
    var key = view.key(index)
    if fromLastPiece {
      guard let hyphen = key.lastIndex(of: TokenView.hyphen) else { return -1 }
      key = UnsafeBufferPointer(rebasing: key[(hyphen + 1)...])
    }
    forEachFirstWordMatch(key) { candidates in
      for candidate in candidates {
        let length = patterns[Int(candidate)].words.count
        if length <= bestLength { break }
        if patterns[Int(candidate)].matches(view, at: index, fromLastPiece: fromLastPiece) {
          best = candidate
          bestLength = length
          break
        }
      }
      return true
    }
    return best
  }

  /// Calls `body` with the candidate patterns (longest first) of each first word or stem that
  /// `key` can begin with, until `body` returns false.
  @inline(__always)
  func forEachFirstWordMatch(
    _ key: UnsafeBufferPointer<UInt8>, _ body: ([Int32]) -> Bool
  ) {
    if let word = exactFirst.lookup(key), !body(exactCandidates[Int(word)]) { return }
    // Most words cannot begin with any stem (an English word among Russian stems).
    guard stemFirst.count > 0, stemFirst.mayHoldPrefix(of: key) else { return }
    // Try the key less an ending of 0...maxEndingLength letters as a stem.
    var cut = key.count
    var ending = 0
    while cut > 0 && ending <= AliasPattern.maxEndingLength {
      if let word = stemFirst.lookup(UnsafeBufferPointer(rebasing: key[0..<cut])),
        !body(stemCandidates[Int(word)])
      {
        return
      }
      repeat { cut -= 1 } while cut > 0 && key[cut] & 0xC0 == 0x80
      ending += 1
    }
  }
}
