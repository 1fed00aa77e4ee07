/// One word or number found by the ``Tokenizer``.
///
/// Offsets are byte offsets: `start..<end` into the document text, and
/// `foldedStart..<foldedEnd` into ``TokenStream/folded``. Int32 offsets keep a token at 17 bytes
/// (20 in an array).
public struct Token: Sendable, Equatable {
  /// First byte of the token in the document text.
  public var start: Int32
  /// One past the last byte of the token in the document text.
  public var end: Int32
  /// First byte of the case-folded form in ``TokenStream/folded``.
  public var foldedStart: Int32
  /// One past the last byte of the case-folded form.
  public var foldedEnd: Int32
  /// What kind of token this is and how it was written.
  public var flags: Flags

  /// Creates a token.
  public init(start: Int32, end: Int32, foldedStart: Int32, foldedEnd: Int32, flags: Flags) {
    self.start = start
    self.end = end
    self.foldedStart = foldedStart
    self.foldedEnd = foldedEnd
    self.flags = flags
  }

  /// Whether this token can continue a phrase begun by the word before it: no sentence break
  /// and no punctuation between them. Bigrams, and names, are only made of such neighbours.
  @inlinable public var continuesPhrase: Bool {
    flags.isDisjoint(with: [.sentenceStart, .punctuationBefore])
  }

  /// Properties of a token.
  public struct Flags: OptionSet, Sendable, Equatable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Only digits (and separators inside them): counted as neither token nor term.
    public static let number = Flags(rawValue: 1 << 0)
    /// The first letter is upper case (`Union`, `EAEU`, `Евразийский`).
    public static let capitalized = Flags(rawValue: 1 << 1)
    /// Every letter is upper case and there are at least two (`EAEU`, `ОДКБ`).
    public static let allUppercase = Flags(rawValue: 1 << 2)
    /// A sentence ends before this token (`.`, `!`, `?`, `…`, `;`, `:`, or a blank line).
    public static let sentenceStart = Flags(rawValue: 1 << 3)
    /// Punctuation other than a sentence end separates this token from the previous one
    /// (a comma, a bracket, a quote, a dash): phrases do not run across it.
    public static let punctuationBefore = Flags(rawValue: 1 << 4)
    /// An opening parenthesis or bracket stands immediately before this token.
    public static let openingParenthesisBefore = Flags(rawValue: 1 << 5)
    /// Longer than ``Tokenizer/maximumTermBytes``: like a number, neither token nor term.
    public static let overlong = Flags(rawValue: 1 << 6)
    /// Tokens that are counted neither as tokens nor as terms, and that break bigrams.
    public static let removed: Flags = [.number, .overlong]
  }
}

/// The tokens of one document and their case-folded forms.
///
/// A stream is reused from document to document (``Tokenizer/tokenize(_:into:)`` clears it) so
/// that the hot loop allocates nothing once buffers have grown.
public struct TokenStream: Sendable {
  /// The case-folded forms of all tokens, one after another.
  public var folded: [UInt8] = []
  /// The tokens in text order.
  public var tokens: [Token] = []

  /// Creates an empty stream.
  public init() {}

  /// Gives the stream room for the tokens of a text of `length` bytes at once, so that a long
  /// document's tokens are never copied to a larger buffer while the old one is still held.
  ///
  /// Tokens are maximal runs of word bytes, so two are always at least one byte apart: a text
  /// has at most `(length + 1) / 2` of them. Room that no token takes is only reserved, never
  /// written: a large block has a mapping of its own, and pages that are never written take no
  /// memory.
  mutating func reserve(forText length: Int) {
    let tokenBound = (length + 1) / 2
    if tokens.capacity < tokenBound { tokens.reserveCapacity(tokenBound) }
    if folded.capacity < length { folded.reserveCapacity(length) }
  }

  /// Removes all tokens, keeping capacity.
  public mutating func removeAll() {
    folded.removeAll(keepingCapacity: true)
    tokens.removeAll(keepingCapacity: true)
  }

  /// The folded form of `token` as a string (for tests, reports and rare paths, not hot loops).
  public func foldedString(_ token: Token) -> String {
    String(decoding: folded[Int(token.foldedStart)..<Int(token.foldedEnd)], as: UTF8.self)
  }

  /// The folded forms of the word tokens (numbers and overlong words left out), for tests and
  /// reference code.
  public var words: [String] {
    tokens.filter { $0.flags.isDisjoint(with: .removed) }.map(foldedString)
  }
}
