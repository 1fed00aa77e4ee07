import Analysis

/// One year's terms unpacked for comparing: its words and unigrams as arrays in byte order
/// (``SortedTerms``), its bigrams, in the same order, read from the packed blob as they are
/// needed (``PackedBigrams``).
///
/// The report builder unpacks a year when it needs its terms and drops it when done, so only a
/// year or two are held at a time; two years are compared in one merge. The bigrams stay packed
/// because they are most of a year's terms, and unpacked they would take several times the room.
struct YearTerms: Sendable {
  /// The calendar year.
  let year: Int
  /// Word tokens of the year.
  let tokens: Int
  /// The year's words and unigrams (no bigrams).
  let terms: SortedTerms
  /// The year's bigrams, by first and then second word.
  let bigrams: PackedBigrams

  /// Unpacks the terms of `slice`.
  init(_ slice: YearSlice) {
    year = slice.year
    tokens = slice.tokens
    (terms, bigrams) = PackedBigrams.unpacking(slice.packedTerms)
  }

  /// Distinct unigrams used this year.
  var types: Int { terms.unigrams.count }

  /// The text of the unigram of word `first` (`n == 1`) or of the bigram of words `first` and
  /// `second`, as bytes, a bigram's words joined by one space.
  func text(n: Int, _ first: Int32, _ second: Int32) -> [UInt8] {
    terms.text(n: n, first, second)
  }
}
