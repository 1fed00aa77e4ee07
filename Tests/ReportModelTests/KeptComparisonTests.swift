import Analysis
import ReportModel
import TestSupport
import Testing

/// Comparisons kept from an earlier report are used for the pairs of years they match and
/// change nothing else; one that does not match its years' figures is worked out again.
@Suite struct KeptComparisonTests {
  static func build(_ statistics: CorpusStatistics, comparisons: [TrendComparison]) -> Report {
    ReportBuilder.build(
      source: StatisticsYears(statistics), rejected: [],
      settings: TermSeedsTests.settings(top: 5), comparisons: comparisons)
  }

  /// Four years of random terms.
  static func statistics() -> CorpusStatistics {
    TermRankingTests.statistics(
      TermRankingTests.randomYears(2001...2004, words: 120, seed: 31, largest: 500))
  }

  /// `comparison` with a made-up first rising term, which no comparison of these years finds.
  static func marked(_ comparison: TrendComparison) -> TrendComparison {
    var marked = comparison
    marked.rising.insert(
      TrendTerm(
        text: "kept", n: 1, direction: .rising, count: 1, referenceCount: 0,
        logLikelihood: 1e6, logRatio: 1),
      at: 0)
    return marked
  }

  @Test func aKeptComparisonIsUsedForItsYearsOnly() throws {
    let statistics = Self.statistics()
    let fresh = Self.build(statistics, comparisons: [])
    #expect(fresh.trends.map(\.year) == [2002, 2003, 2004])
    #expect(Self.build(statistics, comparisons: fresh.trends) == fresh)

    // The comparison of 2003 marked: used as given, the others worked out as before.
    let kept = Self.marked(fresh.trends[1])
    let report = Self.build(statistics, comparisons: [kept])
    #expect(report.trends == [fresh.trends[0], kept, fresh.trends[2]])
    var rest = report
    rest.trends = fresh.trends
    #expect(rest == fresh)
  }

  @Test func aKeptComparisonThatDoesNotFitItsYearsIsWorkedOutAgain() throws {
    let statistics = Self.statistics()
    let fresh = Self.build(statistics, comparisons: [])
    let base = Self.marked(fresh.trends[1])
    var otherReference = base
    otherReference.reference = 2001
    var otherTokens = base
    otherTokens.tokens += 1
    var otherReferenceTokens = base
    otherReferenceTokens.referenceTokens -= 1
    for stale in [otherReference, otherTokens, otherReferenceTokens] {
      #expect(Self.build(statistics, comparisons: [stale]) == fresh)
    }
  }
}
