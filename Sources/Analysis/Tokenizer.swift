/// Splits UTF-8 text into word and number tokens, case-folded, without building a `String` or a
/// `Character` per token.
///
/// Rules (version ``version``):
/// - A word is a run of letters and digits (any script; Latin and Cyrillic have fast paths).
///   Combining marks stay with their letter.
/// - `'`, `’` and `ʼ` between two letters stay in the word and fold to `'`, so `Russia’s` and
///   `Russia's` give the same token; elsewhere they separate.
/// - `-`, `‐` and `‑` between two letters or digits keep the word whole (`well-known`, `covid-19`);
///   dashes (`–`, `—`, a lone `-`), quotes, guillemets, brackets and commas separate and mark the
///   next token with ``Token/Flags/punctuationBefore``.
/// - `.`, `!`, `?`, `…`, `;`, `:` and line breaks end a sentence: the next token gets
///   ``Token/Flags/sentenceStart``.
/// - Letters are lower-cased; `ё` folds to `е`. A token of digits only (with `.` or `,` between
///   digits, as in `3.5` or `1,000`) is a ``Token/Flags/number``: it is not a term. Neither is a
///   word longer than ``maximumTermBytes`` (``Token/Flags/overlong``).
public struct Tokenizer: Sendable {
  /// Changes whenever a rule above changes, so stored results can be recognised as stale.
  public static let version = "2"

  /// Longest folded word, in bytes, that counts as a token; anything longer (a run of letters
  /// without spaces, base64, a URL fragment) is flagged ``Token/Flags/overlong`` and left out.
  public static let maximumTermBytes = 100

  /// Creates a tokenizer.
  public init() {}

  /// Tokenizes `text`, replacing the content of `stream`.
  public func tokenize(_ text: [UInt8], into stream: inout TokenStream) {
    text.withUnsafeBufferPointer { tokenize($0, into: &stream) }
  }

  /// Tokenizes `text`, replacing the content of `stream`.
  public func tokenize(_ text: UnsafeBufferPointer<UInt8>, into stream: inout TokenStream) {
    stream.removeAll()
    var scanner = Scanner(text: text)
    scanner.run(into: &stream)
  }
}

/// The tokenizer's state machine over bytes.
private struct Scanner {
  let text: UnsafeBufferPointer<UInt8>
  var index = 0
  var pending: Token.Flags = [.sentenceStart]

  // The token being built.
  var inWord = false
  var tokenStart = 0
  var foldedStart = 0
  var letters = 0
  var uppercaseLetters = 0
  var firstIsUpper = false
  var onlyDigits = true

  init(text: UnsafeBufferPointer<UInt8>) { self.text = text }

  mutating func run(into stream: inout TokenStream) {
    while index < text.count {
      // Fast path: a run of ASCII lower-case letters, most of an English text, is copied to
      // the folded form as it is (exactly what the letter case below does one byte at a time).
      if text[index] &- UInt8(ascii: "a") < 26 {
        begin(&stream)
        // Byte by byte: a run is a few bytes long, and `append(contentsOf:)` costs more than
        // the copy itself.
        var end = index
        repeat {
          stream.folded.append(text[end])
          end += 1
        } while end < text.count && text[end] &- UInt8(ascii: "a") < 26
        letters += end - index
        onlyDigits = false
        index = end
        continue
      }
      let (scalar, length) = decode(at: index)
      let kind = CharacterClass.of(scalar)
      switch kind {
      case .letter(let upper):
        begin(&stream)
        if upper { uppercaseLetters += 1 }
        if letters == 0 && upper && onlyDigits { firstIsUpper = true }
        letters += 1
        onlyDigits = false
        appendFolded(scalar, upper: upper, into: &stream)
      case .digit:
        begin(&stream)
        appendFolded(scalar, upper: false, into: &stream)
      case .mark:
        if inWord { appendFolded(scalar, upper: false, into: &stream) }
      case .apostrophe:
        if inWord && !onlyDigits && nextIsLetter(after: index + length) {
          stream.folded.append(UInt8(ascii: "'"))
        } else {
          finish(&stream)
          pending.insert(.punctuationBefore)
        }
      case .hyphen:
        if inWord && nextIsWordCharacter(after: index + length) {
          stream.folded.append(UInt8(ascii: "-"))
        } else {
          finish(&stream)
          pending.insert(.punctuationBefore)
        }
      case .decimalSeparator(let sentenceEnd):
        if inWord && onlyDigits && nextIsDigit(after: index + length) {
          stream.folded.append(UInt8(truncatingIfNeeded: scalar.value))
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
  }

  mutating func begin(_ stream: inout TokenStream) {
    guard !inWord else { return }
    inWord = true
    tokenStart = index
    foldedStart = stream.folded.count
    letters = 0
    uppercaseLetters = 0
    firstIsUpper = false
    onlyDigits = true
  }

  mutating func finish(_ stream: inout TokenStream) {
    guard inWord else { return }
    inWord = false
    var flags = pending
    pending = []
    if onlyDigits { flags.insert(.number) }
    if stream.folded.count - foldedStart > Tokenizer.maximumTermBytes { flags.insert(.overlong) }
    if firstIsUpper { flags.insert(.capitalized) }
    if letters >= 2 && uppercaseLetters == letters { flags.insert(.allUppercase) }
    stream.tokens.append(
      Token(
        start: Int32(truncatingIfNeeded: tokenStart), end: Int32(truncatingIfNeeded: index),
        foldedStart: Int32(truncatingIfNeeded: foldedStart),
        foldedEnd: Int32(truncatingIfNeeded: stream.folded.count), flags: flags))
  }

  func appendFolded(_ scalar: Unicode.Scalar, upper: Bool, into stream: inout TokenStream) {
    let value = scalar.value
    if value < 0x80 {
      stream.folded.append(UInt8(value) | (upper ? 0x20 : 0))
      return
    }
    if let folded = CharacterClass.foldCyrillic(value) {
      UTF8.encode(Unicode.Scalar(folded)!) { stream.folded.append($0) }
      return
    }
    if upper {
      for lower in scalar.properties.lowercaseMapping.unicodeScalars {
        UTF8.encode(lower) { stream.folded.append($0) }
      }
    } else {
      UTF8.encode(scalar) { stream.folded.append($0) }
    }
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

  func nextIsLetter(after position: Int) -> Bool {
    guard position < text.count else { return false }
    if case .letter = CharacterClass.of(decode(at: position).0) { return true }
    return false
  }

  func nextIsDigit(after position: Int) -> Bool {
    guard position < text.count else { return false }
    let byte = text[position]
    return byte >= 0x30 && byte <= 0x39
  }

  func nextIsWordCharacter(after position: Int) -> Bool {
    guard position < text.count else { return false }
    switch CharacterClass.of(decode(at: position).0) {
    case .letter, .digit: return true
    default: return false
    }
  }
}
