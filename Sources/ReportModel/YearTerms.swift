import Analysis

/// One year's terms unpacked for comparing: its words, unigrams and bigrams as arrays in byte
/// order (``SortedTerms``).
///
/// The report builder unpacks a year when it needs its terms and drops it when done, so only a
/// year or two are held at a time; two years are compared in one merge of their arrays.
struct YearTerms: Sendable {
  /// The calendar year.
  let year: Int
  /// Word tokens of the year.
  let tokens: Int
  /// The year's terms.
  let terms: SortedTerms

  /// Unpacks the terms of `slice`.
  init(_ slice: YearSlice) {
    year = slice.year
    tokens = slice.tokens
    terms = SortedTerms(slice.packedTerms)
  }

  /// Distinct unigrams used this year.
  var types: Int { terms.unigrams.count }

  /// The text of unigram `index` (`n == 1`) or bigram `index` as bytes, a bigram's words joined
  /// by one space.
  func text(n: Int, _ index: Int) -> [UInt8] {
    if n == 1 { return Array(terms.word(terms.unigrams[index].word)) }
    let bigram = terms.bigrams[index]
    return Array(terms.word(bigram.first)) + [0x20] + Array(terms.word(bigram.second))
  }
}
