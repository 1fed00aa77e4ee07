/// One alias of an organization, compiled into the token sequence it matches.
///
/// An alias is tokenized exactly as documents are, so spacing, punctuation and apostrophe forms
/// do not matter. A word written in capitals (`EAEU`, `UN`, `ЕАЭС`, `G20`) is an acronym and
/// matches only text written the same way; other words match case-insensitively. A trailing `*`
/// makes a word a stem that takes any ending of up to ``maxEndingLength`` letters.
struct AliasPattern: Sendable, Equatable {
  /// One word of the pattern.
  struct Word: Sendable, Equatable {
    /// The folded form (possessive ending removed), or the stem for a `*` word.
    var folded: [UInt8]
    /// The word was written with a trailing `*`.
    var isStem: Bool
    /// The bytes as written, for acronyms (matched case-sensitively); nil otherwise.
    var acronym: [UInt8]?
    /// The alias has punctuation (a comma, a dash) before this word, so the text may too.
    var allowsPunctuationBefore: Bool
  }

  /// The longest ending a `*` word accepts, in letters (Russian case endings: `-ого`, `-ами`).
  static let maxEndingLength = 3

  /// The words, in order.
  var words: [Word]
  /// A normal form of the alias (`=EAEU`, `евразийск* экономическ* союз*`): two aliases with
  /// the same key match the same text.
  var key: String

  /// Why an alias cannot be compiled.
  struct Problem: Error {
    var detail: String
  }

  /// Compiles `alias`.
  ///
  /// - Throws: ``Problem`` when the alias has no words, a misplaced `*`, or a sentence break.
  init(_ alias: String, tokenizer: Tokenizer = Tokenizer()) throws(Problem) {
    var bytes = Array(alias.utf8)
    let star = UInt8(ascii: "*")
    let stars = bytes.count(where: { $0 == star })
    let written = bytes
    // A `*` is punctuation to the tokenizer; blank it so the next word is not marked.
    for index in bytes.indices where bytes[index] == star { bytes[index] = UInt8(ascii: " ") }
    var stream = TokenStream()
    tokenizer.tokenize(bytes, into: &stream)
    guard !stream.tokens.isEmpty else {
      throw Problem(detail: "alias \"\(alias)\" has no words")
    }
    var words: [Word] = []
    var keyParts: [String] = []
    var stems = 0
    for (position, token) in stream.tokens.enumerated() {
      let end = Int(token.end)
      let isStem = end < written.count && written[end] == star
      if position > 0 && token.flags.contains(.sentenceStart) {
        throw Problem(detail: "alias \"\(alias)\" contains a sentence break (. ! ? : ;)")
      }
      // Key and acronym bytes leave out a possessive ending, as TokenView.key does for text.
      var folded = Array(stream.folded[Int(token.foldedStart)..<Int(token.foldedEnd)])
      var original = Array(written[Int(token.start)..<end])
      if folded.count > 2 && folded.suffix(2) == Array("'s".utf8) {
        folded.removeLast(2)
        original.removeLast()  // s
        // The apostrophe as written: ' (1 byte), ʼ (2 bytes) or ’ (3 bytes).
        let apostrophe =
          original.last == UInt8(ascii: "'") ? 1 : original.suffix(3).first == 0xE2 ? 3 : 2
        original.removeLast(apostrophe)
      }
      let text = String(decoding: original, as: UTF8.self)
      let isAcronym = text.uppercased() == text && text.lowercased() != text
      if isStem {
        stems += 1
        if isAcronym {
          throw Problem(detail: "\"\(text)*\": an acronym takes no `*` ending")
        }
        if text.unicodeScalars.count < 2 {
          throw Problem(detail: "\"\(text)*\": a `*` needs a stem of at least two letters")
        }
      }
      words.append(
        Word(
          folded: folded, isStem: isStem, acronym: isAcronym ? original : nil,
          allowsPunctuationBefore: position > 0 && token.flags.contains(.punctuationBefore)))
      keyParts.append(
        isAcronym ? "=" + text : String(decoding: folded, as: UTF8.self) + (isStem ? "*" : ""))
    }
    let endsWord = { (index: Int) in index + 1 == written.count || written[index + 1] == 0x20 }
    if stems != stars || written.indices.contains(where: { written[$0] == star && !endsWord($0) }) {
      throw Problem(detail: "alias \"\(alias)\": `*` may only end a word")
    }
    self.words = words
    self.key = keyParts.joined(separator: " ")
  }

  /// Where a match lies in the text.
  struct Span: Equatable {
    /// The bytes of the text it covers.
    var bytes: Range<Int>
    /// The index of its last token.
    var last: Int
    /// How many pieces of the last token it covers when it ends at a hyphen inside it
    /// ("United Nations-backed"); nil when it covers the last token whole.
    var piecesOfLast: Int?
  }

  /// Whether the pattern matches the tokens starting at `start`, as
  /// ``span(in:at:fromLastPiece:)`` does.
  func matches(_ view: TokenView, at start: Int, fromLastPiece: Bool) -> Bool {
    end(in: view, at: start, fromLastPiece: fromLastPiece) != nil
  }

  /// Where the pattern matches the tokens starting at `start`, or nil.
  ///
  /// A pattern of two or more words may end in the first pieces of a hyphenated token ("United
  /// Nations-backed", "European Union-wide"), and, when `fromLastPiece`, begins in the last piece
  /// of the hyphenated token `start` ("non-European Union"). Otherwise each word matches a
  /// whole token.
  func span(in view: TokenView, at start: Int, fromLastPiece: Bool) -> Span? {
    guard let (last, piecesOfLast) = end(in: view, at: start, fromLastPiece: fromLastPiece) else {
      return nil
    }
    // A match that begins in a piece found the pieces there.
    let first =
      fromLastPiece ? view.pieces(start)!.last!.written.lowerBound : Int(view[start].start)
    return Span(
      bytes: first..<view.keyEnd(last, pieces: piecesOfLast), last: last,
      piecesOfLast: piecesOfLast)
  }

  /// The last token of the match at `start` and how many of its pieces the match covers (nil
  /// for all of it), or nil when the pattern does not match there (see
  /// ``span(in:at:fromLastPiece:)``).
  @inline(__always)
  private func end(in view: TokenView, at start: Int, fromLastPiece: Bool) -> (Int, Int?)? {
    guard start + words.count <= view.count, !fromLastPiece || words.count > 1 else { return nil }
    let lastWord = words.count - 1
    for (offset, word) in words.enumerated() {
      let index = start + offset
      if offset > 0 {
        let flags = view[index].flags
        if flags.contains(.sentenceStart) { return nil }
        if flags.contains(.punctuationBefore) && !word.allowsPunctuationBefore { return nil }
      }
      if offset == 0 && fromLastPiece {
        guard let piece = view.pieces(index)?.last,
          word.matches(piece.key, written: UnsafeBufferPointer(rebasing: view.text[piece.written]))
        else { return nil }
        continue
      }
      if word.matches(view.key(index), written: view.original(index)) {
        if offset == lastWord { return (index, nil) }
        continue
      }
      // The last word, of a pattern of two or more, may be the first pieces of a word: one
      // that begins with the word's folded bytes (or stem), and is longer.
      guard offset == lastWord, offset > 0 else { return nil }
      let whole = view.key(index)
      guard whole.count > word.folded.count,
        whole.starts(with: word.folded), let pieces = view.pieces(index)
      else { return nil }
      let count = word.folded.count(where: { $0 == TokenView.hyphen }) + 1
      guard count < pieces.count else { return nil }
      let key = TokenView.joined(pieces[0..<count])
      let written = pieces[0].written.lowerBound..<pieces[count - 1].written.upperBound
      guard word.matches(key, written: UnsafeBufferPointer(rebasing: view.text[written])) else {
        return nil
      }
      return (index, count)
    }
    return nil
  }
}

extension AliasPattern.Word {
  /// Whether the word matches the folded bytes `key` (without a possessive ending), written as
  /// `written`: an acronym only as written, when that is known. `written` is worked out only
  /// for an acronym whose key matches.
  @inline(__always)
  func matches(
    _ key: UnsafeBufferPointer<UInt8>, written: @autoclosure () -> UnsafeBufferPointer<UInt8>?
  ) -> Bool {
    let matches =
      isStem
      ? key.hasPrefix(folded, endingAtMost: AliasPattern.maxEndingLength)
      : key.hasSameBytes(as: folded)
    guard matches else { return false }
    if let acronym, let written = written(), !written.hasSameBytes(as: acronym) { return false }
    return true
  }
}
