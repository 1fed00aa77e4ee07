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
    stream.reserve(forText: text.count)
    // Bytes and tokens are written to small buffers on the stack and appended to the stream in
    // blocks: an `Array.append` per byte costs a uniqueness check and a capacity check each.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.stagedBytes) { bytes in
      withUnsafeTemporaryAllocation(of: Token.self, capacity: Self.stagedTokens) { tokens in
        var scanner = Scanner(text: text, bytes: bytes, tokens: tokens)
        scanner.run(into: &stream)
      }
    }
  }

  /// How many folded bytes are written before they are appended to the stream.
  static let stagedBytes = 4096
  /// How many tokens are made before they are appended to the stream.
  static let stagedTokens = 256
}
