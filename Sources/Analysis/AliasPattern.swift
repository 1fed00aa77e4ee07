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

  /// Whether the pattern matches the tokens starting at `start`.
  func matches(_ view: TokenView, at start: Int) -> Bool {
    guard start + words.count <= view.count else { return false }
    for (offset, word) in words.enumerated() {
      let index = start + offset
      if offset > 0 {
        let flags = view[index].flags
        if flags.contains(.sentenceStart) { return false }
        if flags.contains(.punctuationBefore) && !word.allowsPunctuationBefore { return false }
      }
      let key = view.key(index)
      if word.isStem {
        if !key.hasPrefix(word.folded, endingAtMost: AliasPattern.maxEndingLength) { return false }
      } else if !key.hasSameBytes(as: word.folded) {
        return false
      }
      if let acronym = word.acronym, !view.original(index).hasSameBytes(as: acronym) {
        return false
      }
    }
    return true
  }
}
