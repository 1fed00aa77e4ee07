import ReportModel
import Store
import Testing

@Suite struct KeptComparisonsTests {
  static func term(_ text: String, n: Int, _ direction: TrendTerm.Direction, g2: Double)
    -> TrendTerm
  {
    TrendTerm(
      text: text, n: n, direction: direction, count: 7, referenceCount: 2, logLikelihood: g2,
      logRatio: -g2 / 3)
  }

  /// Three comparisons of four years: terms in rank order (not in the order of their text),
  /// Cyrillic, a bigram, figures that no decimal spells exactly, and lists left empty.
  static let comparisons = [
    TrendComparison(
      year: 2019, reference: 2018, tokens: 1_000, referenceTokens: 900,
      rising: [
        term("zebra", n: 1, .rising, g2: 0.1 + 0.2), term("война и мир", n: 2, .rising, g2: 1 / 3),
      ],
      falling: [term("barley", n: 1, .falling, g2: 1e-300)]),
    TrendComparison(
      year: 2020, reference: 2019, tokens: 1_200, referenceTokens: 1_000, rising: [],
      falling: [term("b", n: 1, .falling, g2: 2), term("a", n: 1, .falling, g2: 1)]),
    TrendComparison(
      year: 2021, reference: 2020, tokens: 5, referenceTokens: 1_200, rising: [], falling: []),
  ]

  static func kept(_ comparisons: [TrendComparison], trendTerms: Int = 20) -> KeptComparisons {
    KeptComparisons(trendTerms: trendTerms, version: "1", comparisons: comparisons)
  }

  @Test func comparisonsRoundTripExactlyAndAreReplacedAsAWhole() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path("state.sqlite")
    let store = try StateStore.open(path: path)
    #expect(try store.comparisons(trendTerms: 20, version: "1").isEmpty)
    try store.commit(StateChange(comparisons: Self.kept(Self.comparisons)))
    #expect(try store.comparisons(trendTerms: 20, version: "1") == Self.comparisons)
    // Made with another number of terms or another version of the method: not these.
    #expect(try store.comparisons(trendTerms: 10, version: "1").isEmpty)
    #expect(try store.comparisons(trendTerms: 20, version: "2").isEmpty)
    // A change without comparisons keeps them.
    try store.commit(StateChange(settings: ["corpus": "elsewhere"]))
    try store.close()

    let reopened = try StateStore.open(path: path)
    #expect(try reopened.comparisons(trendTerms: 20, version: "1") == Self.comparisons)
    let other = Self.kept(Array(Self.comparisons.prefix(1)), trendTerms: 10)
    try reopened.commit(StateChange(comparisons: other))
    #expect(try reopened.comparisons(trendTerms: 20, version: "1").isEmpty)
    #expect(try reopened.comparisons(trendTerms: 10, version: "1") == other.comparisons)
  }

  /// New figures for a year take the comparisons of that year and those against it, in the
  /// commit that stores them.
  @Test func replacingAYearDeletesTheComparisonsItMakesStale() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    try store.commit(StateChange(comparisons: Self.kept(Self.comparisons)))

    try store.commit(StateChange(replaceYears: [2019]))
    #expect(try store.comparisons(trendTerms: 20, version: "1") == [Self.comparisons[2]])

    try store.commit(StateChange(comparisons: Self.kept(Self.comparisons)))
    try store.commit(StateChange(replaceYears: [2021], slices: [Sample.slice(2021)]))
    #expect(
      try store.comparisons(trendTerms: 20, version: "1") == Array(Self.comparisons.prefix(2)))

    try store.commit(StateChange(comparisons: Self.kept(Self.comparisons)))
    try store.commit(StateChange(replaceAllYears: true, slices: [Sample.slice(2021)]))
    #expect(try store.comparisons(trendTerms: 20, version: "1").isEmpty)
  }
}
