import Analysis
import Corpus
import Testing

@testable import ReportModel

/// The report's comparison pass shares consecutive years between cores by their sizes; how
/// they are shared never changes the report.
@Suite struct YearRunsTests {
  @Test func equalSizesSplitByCount() {
    #expect(ReportBuilder.runBounds(Array(repeating: 5, count: 10), runs: 2) == [0, 5, 10])
    #expect(ReportBuilder.runBounds(Array(repeating: 1, count: 9), runs: 3) == [0, 3, 6, 9])
    #expect(ReportBuilder.runBounds(Array(repeating: 1, count: 4), runs: 1) == [0, 4])
  }

  @Test func growingSizesGiveTheFirstRunMoreYears() {
    // 1 + 2 + … + 26 = 351: the first 18 years make 171, the last 8 make 180.
    #expect(ReportBuilder.runBounds(Array(1...26), runs: 2) == [0, 18, 26])
    // One large year is a run of its own.
    #expect(ReportBuilder.runBounds([1, 1, 1, 1, 1, 1, 1, 1, 1, 10], runs: 2) == [0, 9, 10])
    #expect(ReportBuilder.runBounds([100, 1, 1, 1], runs: 2) == [0, 1, 4])
  }

  @Test func everyRunHasAYearAndTheRunsCoverAll() {
    for count in 1...12 {
      for runs in 1...count {
        for sizes in [Array(repeating: 0, count: count), (0..<count).map { $0 * $0 * 7 % 11 }] {
          let bounds = ReportBuilder.runBounds(sizes, runs: runs)
          #expect(bounds.first == 0 && bounds.last == count && bounds.count == runs + 1)
          #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0 < $1 })
        }
      }
    }
  }

  /// Serves statistics' years with sizes that make the runs uneven in count.
  struct Sized: YearSource {
    let years: [Int]
    let statistics: StatisticsYears
    let sizes: [Int]?

    func slice(_ year: Int) -> YearSlice { statistics.slice(year) }
  }

  @Test func howTheYearsAreSharedChangesNothing() {
    let years = YearComparisonTests.randomYears(seed: 5)
    let statistics = YearComparisonTests.statistics(years)
    let settings = ReportSettings(
      corpusPath: "c", top: 5, trendTerms: 6, generatedAt: "2026-01-01T00:00:00Z",
      tool: "test", registryVersion: "1", stopwords: "none")
    let plain = ReportBuilder.build(statistics: statistics, rejected: [], settings: settings)
    let source = StatisticsYears(statistics)
    for sizes in [
      [1, 1, 1, 1, 1, 1, 1, 50], [50, 1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0],
    ] {
      #expect(sizes.count == source.years.count)
      for width in [2, 3, 4] {
        let report = ReportBuilder.build(
          source: Sized(years: source.years, statistics: source, sizes: sizes), rejected: [],
          settings: settings, parallel: YearComparisonTests.Wide(width: width))
        #expect(report == plain, "\(sizes) on \(width)")
      }
    }
  }
}
