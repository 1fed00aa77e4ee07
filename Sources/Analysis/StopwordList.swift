import Corpus

/// The words left out of terms (they still count as tokens and break bigrams).
public struct StopwordList: Sendable, Equatable {
  /// The words, case-folded as the ``Tokenizer`` folds them.
  public private(set) var words: Set<String>
  /// Where the list came from, for the report's provenance.
  public private(set) var source: String
  /// The words' bytes, looked up without making a `String`.
  private var table = WordTable()
  /// Whether every word is written in ASCII and the basic Russian letters only (U+0400–U+045F),
  /// so is its own normal form and equals another such word only byte for byte.
  private var allPlain = true

  /// Creates a list from words, folding each through the tokenizer so that `Don’t` and `don't`
  /// are the same entry.
  public init(words: some Sequence<String>, source: String) {
    let tokenizer = Tokenizer()
    var stream = TokenStream()
    var folded = Set<String>()
    for word in words {
      tokenizer.tokenize(Array(word.utf8), into: &stream)
      // A stopword is one token; a line the tokenizer splits is kept as its parts.
      folded.formUnion(stream.words)
    }
    self.words = folded
    self.source = source
    index()
  }

  /// Builds the byte table of ``words``.
  private mutating func index() {
    table = WordTable()
    allPlain = true
    for word in words {
      table.insert(Array(word.utf8))
      allPlain = allPlain && word.utf8.withContiguousStorageIfAvailable(Self.isPlain) ?? false
    }
  }

  /// Whether the folded word `bytes` is on the list, as `words.contains(String(bytes))` would
  /// say (`String` equality is canonical equivalence), without making a `String` in the common
  /// case: a word found byte for byte is on the list, and a plain word not found is not (when
  /// the words are plain too, two equivalent words are equal byte for byte).
  public func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if words.isEmpty { return false }
    if table.lookup(bytes) != nil { return true }
    if allPlain && Self.isPlain(bytes) { return false }
    return words.contains(String(decoding: bytes, as: UTF8.self))
  }

  /// Whether `bytes` hold only ASCII and U+0400–U+045F (lead bytes D0 and D1): scalars that
  /// are in normal form C and never compose with one another, so a text of them is already
  /// in normal form C, and canonically equivalent to another such text only when equal.
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        continue
      }
      guard index + 1 < bytes.count, byte == 0xD0 || (byte == 0xD1 && bytes[index + 1] < 0xA0)
      else { return false }
      index += 2
    }
    return true
  }

  public static func == (lhs: StopwordList, rhs: StopwordList) -> Bool {
    lhs.words == rhs.words && lhs.source == rhs.source
  }

  /// Parses a list: one word per line (LF, CRLF or CR), `#` starts a comment, blank lines
  /// ignored.
  public init(parsing bytes: [UInt8], source: String) {
    let text = String(decoding: bytes, as: UTF8.self)
    // On the scalars: a CRLF is one `Character`, equal to neither "\n" nor "\r".
    let lines = text.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
    let words = lines.map(String.init).compactMap { line in
      let word = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        .trimmingSpaces()
      return word.isEmpty ? nil : word
    }
    self.init(words: words, source: source)
  }

  /// The built-in English and Russian lists.
  public static func builtin() -> StopwordList {
    var list = StopwordList(parsing: BuiltinData.englishStopwords, source: "en")
    list.formUnion(StopwordList(parsing: BuiltinData.russianStopwords, source: "ru"))
    list.source = "built-in en+ru (\(list.words.count) words)"
    return list
  }

  /// Adds the words of `other`.
  public mutating func formUnion(_ other: StopwordList) {
    words.formUnion(other.words)
    source = "\(source) + \(other.source)"
    index()
  }

  /// A stable fingerprint of the words (the ``ContentHash`` of the sorted list), for change
  /// detection.
  public var fingerprint: String {
    ContentHash.hex(Array(words.sorted().joined(separator: "\n").utf8))
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
  }
}
