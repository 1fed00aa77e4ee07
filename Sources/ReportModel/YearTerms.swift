import Analysis

/// One year's terms unpacked for lookups: its own vocabulary and its unigram and bigram tables.
///
/// The report builder unpacks a year when it needs its terms and drops it when done, so only a
/// year or two are held at a time; two years are compared through their words' bytes
/// (``ids(in:)``), not through a vocabulary shared by every year.
struct YearTerms: Sendable {
  /// The calendar year.
  let year: Int
  /// Word tokens of the year.
  let tokens: Int
  /// The year's words; term ids index it.
  let vocabulary: Vocabulary
  /// The year's figures (``YearTally/unigrams`` and ``YearTally/bigrams``).
  let tally: YearTally

  /// Restored statistics only feed the report: no stopword needs noting, no text is matched.
  static let stopwords = StopwordList(words: [], source: "")
  static let matcher = OrganizationMatcher(registry: OrganizationRegistry.builtin())

  /// Unpacks the terms of `slice`.
  init(_ slice: YearSlice) {
    var statistics = CorpusStatistics(stopwords: Self.stopwords, matcher: Self.matcher)
    statistics.restore(slice)
    year = slice.year
    tokens = slice.tokens
    vocabulary = statistics.vocabulary
    tally = statistics.years[slice.year] ?? YearTally()
  }

  /// A unigram (`second == -1`) or a bigram, by this year's word ids.
  struct Key: Hashable, Sendable {
    var first: Int32
    var second: Int32
    var n: Int { second < 0 ? 1 : 2 }

    /// The unigram of a ``YearTally/unigrams`` key.
    init(unigram key: UInt64) {
      first = UnigramKey.id(key)
      second = -1
    }

    /// The bigram of a ``YearTally/bigrams`` key.
    init(bigram key: UInt64) {
      let pair = BigramKey(packed: key)
      first = pair.first
      second = pair.second
    }
  }

  /// The figures of `key` in this year (zero when unused).
  func tally(_ key: Key) -> TermTally {
    key.second < 0
      ? tally.unigram(key.first)
      : tally.bigrams[BigramKey(key.first, key.second)] ?? TermTally()
  }

  /// The term's text as bytes: a bigram's words joined by one space.
  func bytes(_ key: Key) -> [UInt8] {
    key.second < 0
      ? Array(vocabulary.bytes(key.first))
      : Array(vocabulary.bytes(key.first)) + [0x20] + Array(vocabulary.bytes(key.second))
  }

  /// The term's text.
  func text(_ key: Key) -> String { String(decoding: bytes(key), as: UTF8.self) }

  /// For each of this year's word ids, the id of the same word in `other` (-1 when `other` never
  /// uses it).
  func ids(in other: YearTerms) -> [Int32] {
    (0..<vocabulary.count).map { id in
      vocabulary.bytes(Int32(id)).withUnsafeBufferPointer { other.vocabulary.find($0) ?? -1 }
    }
  }

  /// `key`, whose ids are this year's, with the ids of `other` (`map` from ``ids(in:)``), or nil
  /// when `other` lacks one of its words.
  static func translate(_ key: Key, _ map: [Int32]) -> Key? {
    let first = map[Int(key.first)]
    guard first >= 0 else { return nil }
    var translated = key
    translated.first = first
    if key.second >= 0 {
      translated.second = map[Int(key.second)]
      guard translated.second >= 0 else { return nil }
    }
    return translated
  }
}
