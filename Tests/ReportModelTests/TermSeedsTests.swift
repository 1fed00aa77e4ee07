import Analysis
import Corpus
import ReportModel
import TestSupport
import Testing

/// Seeds worked out ahead (``TermSeeds``) spare the builder a pass and change nothing else.
@Suite struct TermSeedsTests {
  static func settings(top: Int) -> ReportSettings {
    ReportSettings(
      corpusPath: "c", top: top, trendTerms: 3, generatedAt: "2026-01-01T00:00:00Z",
      tool: "test", registryVersion: "1", stopwords: "none")
  }

  static func build(_ statistics: CorpusStatistics, top: Int, seeds: [Int: TermSeeds]) -> Report {
    ReportBuilder.build(
      source: StatisticsYears(statistics), rejected: [], settings: settings(top: top),
      seeds: seeds)
  }

  @Test(arguments: [1, 7, 50])
  func eachYearsOwnSeedsGiveTheSameReport(top: Int) {
    let years = TermRankingTests.randomYears(1995...2004, words: 200, seed: UInt64(top) + 100)
    let statistics = TermRankingTests.statistics(years)
    // Seeds for half the years: the builder works out the others itself.
    var seeds: [Int: TermSeeds] = [:]
    for year in years.keys where year % 2 == 0 {
      seeds[year] = TermSeeds(statistics.slice(year: year)!.packedTerms, limit: top)
    }
    let withSeeds = Self.build(statistics, top: top, seeds: seeds)
    #expect(withSeeds == Self.build(statistics, top: top, seeds: [:]))
    #expect(
      TermRankingTests.shown(withSeeds.unigrams)
        == TermRankingTests.reference(years, n: 1, top: top))
  }

  @Test func seedsAreTakenAsGivenForTheirLimitOnly() {
    // "steady" (10 a year) outranks every year's own spike (30 once) over ten years.
    let years = TermRankingTests.steadyAndSpikes()
    let statistics = TermRankingTests.statistics(years)
    // Seeds from figures that are not these years' (a made-up year with "steady" 1,000 times)
    // raise the bound above every real total.
    let madeUp = TermRankingTests.statistics([
      2000: [YearSlice.Term(n: 1, text: "steady", count: 1_000, documents: 1)]
    ]).slice(year: 2000)!.packedTerms
    let wrong = Dictionary(
      uniqueKeysWithValues: years.keys.map { ($0, TermSeeds(madeUp, limit: 1)) })
    let otherLimit = Dictionary(
      uniqueKeysWithValues: years.keys.map { ($0, TermSeeds(madeUp, limit: 2)) })
    #expect(
      TermRankingTests.shown(Self.build(statistics, top: 1, seeds: otherLimit).unigrams) == [
        "steady 100 20"
      ])
    // With the report's limit they are used as they are: so a run must hand over each year's own.
    #expect(Self.build(statistics, top: 1, seeds: wrong).unigrams.isEmpty)
  }
}
