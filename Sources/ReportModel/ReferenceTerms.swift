import Analysis

/// What a year's terms are compared with (``YearComparison``): another year's terms
/// (``YearTerms``), or those of several years pooled (``PooledYears``).
protocol ReferenceTerms: Sendable {
  /// Reads the reference's bigrams in order.
  associatedtype Bigrams: ReferenceBigrams
  /// Whether the reference is several years, so that a term's figures come from one of them
  /// (its peak) rather than from the reference as a whole.
  static var isPooled: Bool { get }
  /// The years of the reference, ascending.
  var years: [Int] { get }
  /// Word tokens of the reference.
  var tokens: Int { get }
  /// The reference's words in byte order and its unigrams.
  var terms: SortedTerms { get }
  /// A reader at the first bigram, by first and then second word.
  func makeBigrams() -> Bigrams
  /// The year of the reference that used the unigram of `word` most (the later of equals).
  func peakYear(ofWord word: Int32) -> Int
  /// The text of a unigram (`n == 1`) or bigram of the reference's words, as bytes.
  func text(n: Int, _ first: Int32, _ second: Int32) -> [UInt8]
}

/// Reads a reference's bigrams in order, with the year that used each most.
protocol ReferenceBigrams {
  /// Why the bigrams could not be read (a year's are in memory and never fail: `Never`).
  associatedtype Failure: Error
  /// The next bigram, or nil after the last.
  mutating func next() throws(Failure) -> SortedTerms.Bigram?
  /// The year that used the last bigram read most.
  var peakYear: Int { get }
}

extension YearTerms: ReferenceTerms {
  /// A year's bigrams, every one used most in that year.
  struct Bigrams: ReferenceBigrams {
    var cursor: PackedBigrams.Cursor
    let peakYear: Int

    @inline(__always)
    mutating func next() -> SortedTerms.Bigram? { cursor.next() }
  }

  static var isPooled: Bool { false }
  var years: [Int] { [year] }
  func makeBigrams() -> Bigrams { Bigrams(cursor: bigrams.makeCursor(), peakYear: year) }
  func peakYear(ofWord word: Int32) -> Int { year }
}

/// Several years' terms pooled, as one reference: the target of a comparison against a span of
/// years is compared with all of them at once (`--compare 2025:2015-2024`).
///
/// The years' bigrams stay packed on the source's shelf (``PooledTerms``, ``YearSource/makeShelf()``),
/// out of memory when it is a scratch file; they are merged as they are read.
struct PooledYears: ReferenceTerms {
  /// The years pooled, ascending.
  let years: [Int]
  let tokens: Int
  private let pooled: PooledTerms

  /// Pools the terms of `years` (ascending, each one of `source`'s) on a shelf of `source`'s,
  /// reading each year's terms twice (``PooledTerms/init(count:shelf:blob:)``): the first time
  /// with its figures, for its tokens.
  init<Source: YearSource>(years: [Int], source: Source) throws(Source.Failure) {
    var tokens: [Int?] = Array(repeating: nil, count: years.count)
    pooled = try PooledTerms(count: years.count, shelf: try source.makeShelf()) {
      index throws(Source.Failure) in
      guard tokens[index] == nil else { return try source.terms(years[index]) }
      let slice = try source.slice(years[index])
      tokens[index] = slice.tokens
      return slice.packedTerms
    }
    self.years = years
    self.tokens = tokens.reduce(0) { $0 + ($1 ?? 0) }
  }

  struct Bigrams: ReferenceBigrams {
    var cursor: PooledTerms.Cursor
    let years: [Int]

    /// - Throws: What the source's shelf throws (``YearSource/makeShelf()``).
    mutating func next() throws -> SortedTerms.Bigram? { try cursor.next() }
    var peakYear: Int { years[cursor.peak] }
  }

  static var isPooled: Bool { true }
  var terms: SortedTerms { pooled.terms }
  func makeBigrams() -> Bigrams { Bigrams(cursor: pooled.makeCursor(), years: years) }
  func peakYear(ofWord word: Int32) -> Int { years[pooled.peak(ofWord: word) ?? 0] }
  func text(n: Int, _ first: Int32, _ second: Int32) -> [UInt8] {
    terms.text(n: n, first, second)
  }
}

extension SortedTerms {
  /// The text of the unigram of word `first` (`n == 1`) or of the bigram of words `first` and
  /// `second`, as bytes, a bigram's words joined by one space.
  func text(n: Int, _ first: Int32, _ second: Int32) -> [UInt8] {
    if n == 1 { return Array(word(first)) }
    return Array(word(first)) + [0x20] + Array(word(second))
  }
}
