import Corpus

/// The words left out of terms (they still count as tokens and break bigrams).
public struct StopwordList: Sendable, Equatable {
  /// The words, case-folded as the ``Tokenizer`` folds them.
  public private(set) var words: Set<String>
  /// Where the list came from, for the report's provenance.
  public private(set) var source: String

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
  }

  /// Parses a list: one word per line, `#` starts a comment, blank lines ignored.
  public init(parsing bytes: [UInt8], source: String) {
    let text = String(decoding: bytes, as: UTF8.self)
    let words = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).compactMap { line in
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
