/// Splits UTF-8 text into word and number tokens, case-folded, without building a `String` or a
/// `Character` per token.
///
/// Rules (version ``version``):
/// - A word is a run of letters and digits (any script; Latin and Cyrillic have fast paths).
///   Combining marks stay with their letter. Invisible format characters (soft hyphen,
///   zero-width space and joiners, word joiner, byte order mark, direction marks) are left out:
///   `Eur\u{AD}asian` is `eurasian`, and a word they follow ends before them. A letter and a
///   combining mark that compose fold as the composed letter (``Composition``).
/// - `'`, `’` and `ʼ` between two letters stay in the word and fold to `'`, so `Russia’s` and
///   `Russia's` give the same token; elsewhere they separate.
/// - `-`, `‐` and `‑` between two letters or digits keep the word whole (`well-known`, `covid-19`);
///   dashes (`–`, `—`, a lone `-`), quotes, guillemets, brackets and commas separate and mark the
///   next token with ``Token/Flags/punctuationBefore``.
/// - Single letters each followed by a full stop are one word, stops and all (`U.S.` is `u.s.`,
///   `т.е.` is `т.е.`): the last stop ends the word but not the sentence. A lone letter and a
///   stop (`J. Smith`), or a longer word and a stop (`Ph.D.`), are not such a word.
/// - `.`, `!`, `?`, `…`, `;`, `:` and line breaks end a sentence: the next token gets
///   ``Token/Flags/sentenceStart``.
/// - Letters are lower-cased; `ё` folds to `е`. A token of digits only (with `.` or `,` between
///   digits, as in `3.5` or `1,000`) is a ``Token/Flags/number``: it is not a term. Neither is a
///   word longer than ``maximumTermBytes`` (``Token/Flags/overlong``).
public struct Tokenizer: Sendable {
  /// Changes whenever a rule above changes, so stored results can be recognised as stale.
  public static let version = "4"

  /// Longest folded word, in bytes, that counts as a token; anything longer (a run of letters
  /// without spaces, base64, a URL fragment) is flagged ``Token/Flags/overlong`` and left out.
  public static let maximumTermBytes = 100

  /// Whether runs of lower-case Russian letters take the scanner's fast path (always, but in
  /// tests that compare it with the letter-by-letter one).
  let russianRuns: Bool

  /// Creates a tokenizer.
  public init() { russianRuns = true }

  /// Creates a tokenizer that takes the fast path for runs of lower-case Russian letters or not.
  init(russianRuns: Bool) { self.russianRuns = russianRuns }

  /// Tokenizes `text`, replacing the content of `stream`.
  public func tokenize(_ text: [UInt8], into stream: inout TokenStream) {
    text.withUnsafeBufferPointer { tokenize($0, into: &stream) }
  }

  /// Tokenizes `text`, replacing the content of `stream`.
  public func tokenize(_ text: UnsafeBufferPointer<UInt8>, into stream: inout TokenStream) {
    stream.removeAll()
    stream.reserve(forText: text.count)
    scan(text, into: &stream)
  }

  /// Tokenizes `text` a window at a time, so that a huge document's tokens and folded bytes
  /// take room for a window, not for the document: `body` is called with `stream` holding each
  /// window's tokens in turn (at least once: a text shorter than `windowBytes` is one window).
  ///
  /// A window holds at least `windowBytes` bytes of text and ends at the first place after them
  /// where a sentence has just ended (``windowCut(in:from:)``); a text without one is one
  /// window. The tokens are exactly those of ``tokenize(_:into:)``: offsets in the text are the
  /// same, and folded offsets start from 0 in each window. Every rule that looks from one token
  /// to the next stops at a sentence start (a bigram, an alias, a discovered name; an acronym
  /// defined in parentheses is the one that crosses one, and a cut is never before a
  /// parenthesis), so what is counted does not depend on where windows end.
  public func tokenize(
    _ text: [UInt8], windowBytes: Int, into stream: inout TokenStream,
    _ body: (TokenStream) -> Void
  ) {
    precondition(windowBytes > 0, "a window holds at least one byte")
    text.withUnsafeBufferPointer { text in
      var start = 0
      repeat {
        let end =
          windowBytes < text.count - start
          ? Self.windowCut(in: text, from: start + windowBytes) ?? text.count : text.count
        stream.removeAll()
        stream.reserve(forText: end - start)
        scan(text, start..<end, into: &stream)
        body(stream)
        start = end
      } while start < text.count
    }
  }

  /// The first place at or after `from` where a window can begin, or nil: a letter (ASCII, or
  /// Cyrillic in U+0400–U+047F) right after a space or line break that follows a sentence end
  /// (`.`, `!`, `?`, `;`, `:` or a line break) that itself follows such a letter or an ASCII
  /// digit (two of them before a `.`, which may otherwise end an initial, as in `U.S.`).
  ///
  /// The scan of the text before reaches that letter in the state a new scan begins in: the
  /// word before it was finished by the sentence end, which left only
  /// ``Token/Flags/sentenceStart`` pending, and no look-ahead crosses the space or line break.
  static func windowCut(in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    var index = max(from, 4)
    while index < text.count {
      if beginsLetter(text, index),
        text[index - 1] == UInt8(ascii: " ") || text[index - 1] == 0x0A
      {
        let end = text[index - 2]
        if end == 0x0A || end == UInt8(ascii: ".") || end == UInt8(ascii: "!")
          || end == UInt8(ascii: "?") || end == UInt8(ascii: ";") || end == UInt8(ascii: ":")
        {
          // A full stop after a single letter may end an initial ("U.S. officials"), which
          // ends no sentence: the word before a stop holds two characters at least.
          if endsWordCharacter(text, index - 3),
            end != UInt8(ascii: ".") || endsTwoWordCharacters(text, index - 3)
          {
            return index
          }
        } else if text[index - 1] == 0x0A && endsWordCharacter(text, index - 2) {
          return index
        }
      }
      index += 1
    }
    return nil
  }

  /// Whether a letter begins at `index`: an ASCII one, or a two-byte Cyrillic one (lead byte
  /// D0 or D1: U+0400–U+047F, all letters).
  @inline(__always)
  private static func beginsLetter(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    let byte = text[index]
    if (byte | 0x20) &- UInt8(ascii: "a") < 26 { return true }
    return byte &- 0xD0 < 2 && index + 1 < text.count && text[index + 1] & 0xC0 == 0x80
  }

  /// Whether the byte at `index` (at least 1) ends a letter or digit: an ASCII one, or a
  /// two-byte Cyrillic letter.
  @inline(__always)
  private static func endsWordCharacter(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    let byte = text[index]
    if (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 { return true }
    return byte & 0xC0 == 0x80 && text[index - 1] &- 0xD0 < 2
  }

  /// Whether the byte at `index` ends a letter or digit (``endsWordCharacter(_:_:)``) that
  /// follows another.
  private static func endsTwoWordCharacters(_ text: UnsafeBufferPointer<UInt8>, _ index: Int)
    -> Bool
  {
    let before = text[index] & 0xC0 == 0x80 ? index - 2 : index - 1
    return before >= 1 && endsWordCharacter(text, before)
  }

  private func scan(
    _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>? = nil, into stream: inout TokenStream
  ) {
    // Bytes and tokens are written to small buffers on the stack and appended to the stream in
    // blocks: an `Array.append` per byte costs a uniqueness check and a capacity check each.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.stagedBytes) { bytes in
      withUnsafeTemporaryAllocation(of: Token.self, capacity: Self.stagedTokens) { tokens in
        var scanner = Scanner(
          text: text, bytes: bytes, tokens: tokens, range: range, russianRuns: russianRuns)
        scanner.run(into: &stream)
      }
    }
  }

  /// How many folded bytes are written before they are appended to the stream.
  static let stagedBytes = 4096
  /// How many tokens are made before they are appended to the stream.
  static let stagedTokens = 256
}
