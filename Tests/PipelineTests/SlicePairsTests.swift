import Analysis
import Corpus
import Testing

@testable import Pipeline

/// Slices made two at a time are the slices made one at a time, whatever the order of requests.
@Suite struct SlicePairsTests {
  static func statistics(years: [Int]) -> CorpusStatistics {
    var statistics = CorpusStatistics(
      stopwords: StopwordList.builtin(),
      matcher: OrganizationMatcher(registry: OrganizationRegistry.builtin()))
    for (index, year) in years.enumerated() {
      statistics.add(
        Document(
          path: "\(year).txt", date: CalendarDate(year: year, month: 5, day: 1)!,
          text: Array("Trade number \(index) grows; the EAEU meets in year \(year).".utf8)))
    }
    return statistics
  }

  @Test(arguments: [[2001], [2001, 2002], [2001, 2002, 2003, 2004, 2005]])
  func inOrderEveryYearComesOutOnce(years: [Int]) {
    let statistics = Self.statistics(years: years)
    let pairs = SlicePairs(statistics, years: years)
    for year in years {
      #expect(pairs.slice(year) == statistics.slice(year: year)!)
    }
  }

  @Test func aYearAskedOutOfTurnIsStillRight() {
    let years = [2001, 2002, 2003, 2004]
    let statistics = Self.statistics(years: years)
    let pairs = SlicePairs(statistics, years: years)
    for year in [2003, 2001, 2004, 2002, 2002] {
      #expect(pairs.slice(year) == statistics.slice(year: year)!)
    }
  }
}
