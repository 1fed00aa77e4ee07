/// The tokenizer's state machine over bytes.
///
/// Folded bytes go to `bytes` and tokens to `tokens`, both appended to the stream whenever they
/// fill up and at the end; a folded offset counts the bytes already appended (`flushedBytes`).
///
/// It scans `text[index..<limit]`, the whole text by default; offsets are in the whole text, and
/// look-ahead may read past `limit` (a window ends after a space, where nothing looks ahead).
struct Scanner {
  let text: UnsafeBufferPointer<UInt8>
  /// Whether runs of lower-case Russian letters take their fast path (tests compare the two).
  let russianRuns: Bool
  /// The character classes, held rather than looked up for each character.
  let classes = CharacterClass.Tables.shared
  var index = 0
  /// Where the scan stops.
  let limit: Int
  var pending: Token.Flags = [.sentenceStart]

  let bytes: UnsafeMutableBufferPointer<UInt8>
  var byteCount = 0
  var flushedBytes = 0
  let tokens: UnsafeMutableBufferPointer<Token>
  var tokenCount = 0

  // The token being built.
  var inWord = false
  var tokenStart = 0
  var foldedStart = 0
  var letters = 0
  var uppercaseLetters = 0
  var firstIsUpper = false
  var onlyDigits = true

  init(
    text: UnsafeBufferPointer<UInt8>, bytes: UnsafeMutableBufferPointer<UInt8>,
    tokens: UnsafeMutableBufferPointer<Token>, range: Range<Int>? = nil, russianRuns: Bool = true
  ) {
    self.text = text
    self.russianRuns = russianRuns
    self.bytes = bytes
    self.tokens = tokens
    index = range?.lowerBound ?? 0
    limit = range?.upperBound ?? text.count
  }

  /// The offset in the stream's folded bytes of the next byte written.
  var foldedPosition: Int { flushedBytes + byteCount }

  mutating func run(into stream: inout TokenStream) {
    while index < limit {
      let byte = text[index]
      // Fast path: a run of ASCII lower-case letters, most of an English text, is copied to
      // the folded form as it is (exactly what the letter case below does one byte at a time).
      if byte &- UInt8(ascii: "a") < 26 {
        begin()
        var end = copyRun(from: index, into: &stream, Self.lowerCaseRun)
        while end < text.count && text[end] &- UInt8(ascii: "a") < 26 {
          if byteCount == bytes.count { flushBytes(&stream) }
          bytes[byteCount] = text[end]
          byteCount += 1
          end += 1
        }
        letters += end - index
        onlyDigits = false
        index = end
        continue
      }
      // Fast path: a plain space, the most common separator.
      if byte == UInt8(ascii: " ") {
        finish(&stream)
        index += 1
        continue
      }
      // Fast path: an ASCII capital.
      if byte &- UInt8(ascii: "A") < 26 {
        letter(upper: true)
        append(byte | 0x20, into: &stream)
        index += 1
        continue
      }
      // Fast path: a run of lower-case Russian letters (U+0430–U+044F, `ё` aside), most of a
      // Russian text, is its own folded form: four letters at a time, as the ASCII run above.
      if byte &- 0xD0 < 2 && russianRuns && index + 8 <= text.count
        && Self.lowerCaseRussianRun(load(at: index)) > 0
      {
        begin()
        let end = copyRun(from: index, into: &stream, Self.lowerCaseRussianRun)
        letters += (end - index) / 2
        onlyDigits = false
        index = end
        continue
      }
      // Fast path: a Russian letter, U+0400–U+045F (lead byte D0 or D1), folded on its bytes.
      if byte &- 0xD0 < 2 && index + 1 < text.count,
        let letter = CharacterClass.foldedRussianLetter(byte, text[index + 1])
      {
        self.letter(upper: letter.upper)
        if byteCount + 2 > bytes.count { flushBytes(&stream) }
        bytes[byteCount] = letter.first
        bytes[byteCount + 1] = letter.second
        byteCount += 2
        index += 2
        continue
      }
      let (scalar, length) = decode(at: index)
      let kind = classes.of(scalar)
      switch kind {
      case .letter(let upper):
        letter(upper: upper)
        appendFolded(scalar, upper: upper, into: &stream)
      case .digit:
        begin()
        appendFolded(scalar, upper: false, into: &stream)
      case .mark:
        if inWord && !composeWithLast(scalar, into: &stream) {
          appendFolded(scalar, upper: false, into: &stream)
        }
      case .invisible:
        // Left out of the word ("Eur\u{AD}asian" is "eurasian"); a word it ends ends before
        // it, so that its text is the word's alone (an acronym is matched on its text).
        if inWord && !nextIsWordCharacter(after: index + length) { finish(&stream) }
      case .apostrophe:
        if inWord && !onlyDigits && nextIsLetter(after: index + length) {
          append(UInt8(ascii: "'"), into: &stream)
        } else {
          finish(&stream)
          pending.insert(.punctuationBefore)
        }
      case .hyphen:
        if inWord && nextIsWordCharacter(after: index + length) {
          append(UInt8(ascii: "-"), into: &stream)
        } else {
          finish(&stream)
          pending.insert(.punctuationBefore)
        }
      case .decimalSeparator(let sentenceEnd):
        if inWord && onlyDigits && nextIsDigit(after: index + length) {
          append(UInt8(truncatingIfNeeded: scalar.value), into: &stream)
        } else if sentenceEnd && inWord, let joined = initial(endingAt: index),
          case let inside = nextIsInitial(after: index + 1), joined || inside
        {
          // Letters each followed by a full stop ("U.S.", "т.е.") are one word, stops and all;
          // the last stop ends the word but not the sentence.
          append(UInt8(ascii: "."), into: &stream)
          if !inside && nextIsWordCharacter(after: index + 1) {
            index += 1
            finish(&stream)
            continue
          }
        } else {
          finish(&stream)
          pending.insert(sentenceEnd ? .sentenceStart : .punctuationBefore)
        }
      case .sentenceEnd:
        finish(&stream)
        pending.insert(.sentenceStart)
      case .openingParenthesis:
        finish(&stream)
        pending.formUnion([.punctuationBefore, .openingParenthesisBefore])
      case .punctuation:
        finish(&stream)
        pending.insert(.punctuationBefore)
      case .space:
        finish(&stream)
      }
      index += length
    }
    finish(&stream)
    flushBytes(&stream)
    flushTokens(&stream)
  }

  mutating func begin() {
    guard !inWord else { return }
    inWord = true
    tokenStart = index
    foldedStart = foldedPosition
    letters = 0
    uppercaseLetters = 0
    firstIsUpper = false
    onlyDigits = true
  }

  /// Notes one more letter of the word (beginning it when needed).
  @inline(__always)
  mutating func letter(upper: Bool) {
    begin()
    if upper { uppercaseLetters += 1 }
    if letters == 0 && upper && onlyDigits { firstIsUpper = true }
    letters += 1
    onlyDigits = false
  }

  /// Ends the word being built, if any, as a token. Inlined: it ends nearly every word, and as
  /// a call it cost each word a call and a return (`scripts/bench-count`, 2026-12-05: 0.984 and
  /// 0.986 of the counting loop's time).
  @inline(__always)
  mutating func finish(_ stream: inout TokenStream) {
    guard inWord else { return }
    inWord = false
    var flags = pending
    pending = []
    let foldedEnd = foldedPosition
    if onlyDigits { flags.insert(.number) }
    if foldedEnd - foldedStart > Tokenizer.maximumTermBytes { flags.insert(.overlong) }
    if firstIsUpper { flags.insert(.capitalized) }
    if letters >= 2 && uppercaseLetters == letters { flags.insert(.allUppercase) }
    if tokenCount == tokens.count { flushTokens(&stream) }
    tokens[tokenCount] = Token(
      start: Int32(truncatingIfNeeded: tokenStart), end: Int32(truncatingIfNeeded: index),
      foldedStart: Int32(truncatingIfNeeded: foldedStart),
      foldedEnd: Int32(truncatingIfNeeded: foldedEnd), flags: flags)
    tokenCount += 1
  }

  /// Appends the folded bytes written so far to the stream.
  mutating func flushBytes(_ stream: inout TokenStream) {
    stream.folded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<byteCount]))
    flushedBytes += byteCount
    byteCount = 0
  }

  /// Appends the tokens made so far to the stream.
  mutating func flushTokens(_ stream: inout TokenStream) {
    stream.tokens.append(contentsOf: UnsafeBufferPointer(rebasing: tokens[0..<tokenCount]))
    tokenCount = 0
  }

  @inline(__always)
  mutating func append(_ byte: UInt8, into stream: inout TokenStream) {
    if byteCount == bytes.count { flushBytes(&stream) }
    bytes[byteCount] = byte
    byteCount += 1
  }

  /// Appends the UTF-8 bytes of `scalar`.
  mutating func append(_ scalar: Unicode.Scalar, into stream: inout TokenStream) {
    if byteCount + 4 > bytes.count { flushBytes(&stream) }
    UTF8.encode(scalar) { byte in
      bytes[byteCount] = byte
      byteCount += 1
    }
  }

  mutating func appendFolded(_ scalar: Unicode.Scalar, upper: Bool, into stream: inout TokenStream)
  {
    let value = scalar.value
    if value < 0x80 {
      append(UInt8(value) | (upper ? 0x20 : 0), into: &stream)
      return
    }
    if let folded = CharacterClass.foldCyrillic(value) {
      append(Unicode.Scalar(folded)!, into: &stream)
      return
    }
    if upper {
      for lower in scalar.properties.lowercaseMapping.unicodeScalars {
        append(lower, into: &stream)
      }
    } else {
      append(scalar, into: &stream)
    }
  }

  /// Replaces the last folded letter of the word with the letter it and `mark` compose into
  /// (``Composition``), folded; false when they do not compose. The letter's bytes may already
  /// have gone to the stream.
  mutating func composeWithLast(_ mark: Unicode.Scalar, into stream: inout TokenStream) -> Bool {
    // The word's folded bytes so far end at `foldedPosition`, in `bytes` and, before them, in
    // the stream: the last scalar is its last lead byte on.
    func byte(at position: Int) -> UInt8 {
      position >= flushedBytes ? bytes[position - flushedBytes] : stream.folded[position]
    }
    var start = foldedPosition - 1
    guard start >= foldedStart else { return false }
    while start > foldedStart && byte(at: start) & 0xC0 == 0x80 { start -= 1 }
    let length = foldedPosition - start
    guard (1...4).contains(length) else { return false }
    var value = UInt32(byte(at: start))
    if length > 1 {
      value &= 0xFF >> (length + 1)
      for offset in 1..<length { value = value << 6 | UInt32(byte(at: start + offset) & 0x3F) }
    }
    guard let composed = Composition.composed(value, mark.value),
      let scalar = Unicode.Scalar(CharacterClass.foldCyrillic(composed) ?? composed)
    else { return false }
    // Take the letter back, from the stream too if it went there, and write its composed form.
    if start < flushedBytes {
      flushBytes(&stream)
      stream.folded.removeLast(flushedBytes - start)
      flushedBytes = start
    } else {
      byteCount = start - flushedBytes
    }
    append(scalar, into: &stream)
    return true
  }

  /// Decodes the scalar at `position`; invalid bytes (which repaired documents never contain)
  /// decode as U+FFFD one byte at a time.
  func decode(at position: Int) -> (Unicode.Scalar, Int) {
    let lead = text[position]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF:
      length = 2
      value = UInt32(lead & 0x1F)
    case 0xE0...0xEF:
      length = 3
      value = UInt32(lead & 0x0F)
    case 0xF0...0xF4:
      length = 4
      value = UInt32(lead & 0x07)
    default: return ("\u{FFFD}", 1)
    }
    guard position + length <= text.count else { return ("\u{FFFD}", 1) }
    for offset in 1..<length {
      let byte = text[position + offset]
      guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// Whether the word being built ends, at `position` (a full stop), in an initial: a single
  /// letter that begins the word (false) or follows a full stop in it (true); nil otherwise.
  func initial(endingAt position: Int) -> Bool? {
    guard !onlyDigits else { return nil }
    var start = position - 1
    while start > tokenStart && text[start] & 0xC0 == 0x80 { start -= 1 }
    guard start >= tokenStart, case .letter = classes.of(decode(at: start).0) else { return nil }
    if start == tokenStart { return false }
    return text[start - 1] == UInt8(ascii: ".") ? true : nil
  }

  /// Whether a single letter and a full stop come at `position`.
  func nextIsInitial(after position: Int) -> Bool {
    guard position < text.count else { return false }
    let (scalar, length) = decode(at: position)
    guard case .letter = classes.of(scalar), position + length < text.count else { return false }
    return text[position + length] == UInt8(ascii: ".")
  }

  func nextIsLetter(after position: Int) -> Bool {
    guard position < text.count else { return false }
    if case .letter = classes.of(decode(at: position).0) { return true }
    return false
  }

  func nextIsDigit(after position: Int) -> Bool {
    guard position < text.count else { return false }
    let byte = text[position]
    return byte >= 0x30 && byte <= 0x39
  }

  func nextIsWordCharacter(after position: Int) -> Bool {
    guard position < text.count else { return false }
    switch classes.of(decode(at: position).0) {
    case .letter, .digit: return true
    default: return false
    }
  }
}
