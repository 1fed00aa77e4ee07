import Analysis

/// A year's terms kept as the reference of the next year's comparison (``YearComparison``),
/// its bigrams put on a shelf of the year source's (``YearSource/makeShelf()``), so that the
/// year's blob goes as soon as its own pass is done.
///
/// The report builder's pass over the years (``ReportBuilder``) holds on each core the year it
/// works on and the one before it. With both kept unpacked, each core held two years' packed
/// bigrams: at three million short articles, 24 MB a year, four in all, which set a full
/// rebuild's peak (288 MiB). Put on a scratch file, the year before takes its words and
/// unigrams (half a megabyte there) and a piece of its bigrams read at a time
/// (``ShelvedBigrams``).
struct ShelvedYear: ReferenceTerms {
  let year: Int
  let tokens: Int
  let terms: SortedTerms
  private let bigrams: ShelvedBigrams

  /// The terms of `unpacked`, its bigrams put on `shelf`.
  init<Shelf: ByteShelf>(_ unpacked: YearTerms, on shelf: Shelf) throws(Shelf.Failure) {
    year = unpacked.year
    tokens = unpacked.tokens
    terms = unpacked.terms
    bigrams = try unpacked.bigrams.shelved(on: shelf)
  }

  /// A year's bigrams read back from the shelf, every one used most in that year.
  struct Bigrams: ReferenceBigrams {
    var cursor: ShelvedBigrams.Cursor
    let peakYear: Int

    /// - Throws: What the shelf throws.
    @inline(__always)
    mutating func next() throws -> SortedTerms.Bigram? { try cursor.next() }
  }

  static var isPooled: Bool { false }
  var years: [Int] { [year] }
  func makeBigrams() -> Bigrams { Bigrams(cursor: bigrams.makeCursor(), peakYear: year) }
  func peakYear(ofWord word: Int32) -> Int { year }
  func text(n: Int, _ first: Int32, _ second: Int32) -> [UInt8] {
    terms.text(n: n, first, second)
  }
}
