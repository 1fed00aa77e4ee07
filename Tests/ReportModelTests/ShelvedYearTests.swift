import Analysis
import ReportModel
import Synchronization
import Testing

/// The report builder keeps the year before each year's comparison with its bigrams on a shelf
/// of the source's (``ReportModel/YearSource/makeShelf()``), not in memory, and reads them back
/// from there: every year but the last is put on a shelf of its own and read back whole, once,
/// and each comparison is still the plain reference's.
@Suite struct ShelvedYearTests {
  /// A shelf in memory that counts the bytes put on it and read from it.
  final class CountingShelf: ByteShelf {
    let shelf = MemoryShelf<Never>()
    let counts = Mutex((appended: 0, read: 0))

    func append(_ bytes: [UInt8]) -> Range<Int> {
      counts.withLock { $0.appended += bytes.count }
      return shelf.append(bytes)
    }

    func read(_ range: Range<Int>) -> [UInt8] {
      counts.withLock { $0.read += range.count }
      return shelf.read(range)
    }
  }

  /// The years of some statistics, each shelf it makes kept to be looked at.
  struct CountedSource: YearSource {
    let years: [Int]
    let statistics: StatisticsYears
    /// The shelves made, in order.
    let made = Made()

    final class Made: Sendable {
      let shelves = Mutex<[CountingShelf]>([])
    }

    init(_ statistics: CorpusStatistics) {
      self.statistics = StatisticsYears(statistics)
      years = self.statistics.years
    }

    func slice(_ year: Int) -> YearSlice { statistics.slice(year) }

    func makeShelf() -> CountingShelf {
      let shelf = CountingShelf()
      made.shelves.withLock { $0.append(shelf) }
      return shelf
    }
  }

  @Test(arguments: [1, 2, 3])
  func eachYearButTheLastIsReadBackFromAShelfOfItsOwn(width: Int) {
    let years = YearComparisonTests.randomYears(seed: UInt64(40 + width))
    let source = CountedSource(YearComparisonTests.statistics(years))
    let report = ReportBuilder.build(
      source: source, rejected: [],
      settings: ReportSettings(
        corpusPath: "c", top: 5, trendTerms: 6, generatedAt: "2026-01-01T00:00:00Z",
        tool: "test", registryVersion: "1", stopwords: "none"),
      parallel: YearComparisonTests.Wide(width: width))
    // Each comparison is the plain reference's.
    let sorted = years.keys.sorted()
    #expect(report.trends.map(\.reference) == Array(sorted.dropLast()))
    for comparison in report.trends {
      #expect(
        (comparison.rising + comparison.falling).map {
          "\($0.text) \($0.count) \($0.referenceCount) \($0.direction)"
        }
          == YearComparisonTests.reference(
            years[comparison.year]!, years[comparison.reference]!, limit: 6))
    }
    // Every year but the last on a shelf of its own (a later run's first year is unpacked
    // again, to be the reference of its second, and shelved by that run alone), its bigrams
    // read back from there, all of them, once.
    let shelves = source.made.shelves.withLock { $0 }
    #expect(shelves.count == years.count - 1)
    for shelf in shelves {
      let counts = shelf.counts.withLock { $0 }
      #expect(counts.appended > 0)
      #expect(counts.read == counts.appended)
    }
  }

  /// A year whose next year's comparison was kept with it as it is goes on no shelf: the kept
  /// comparison is used as it is. Kept for a year that changed since, the comparison is worked
  /// out again, the year before read again from the source.
  @Test(arguments: [1, 2])
  func keptComparisonsLeaveTheirReferencesOffTheShelf(width: Int) {
    let years = YearComparisonTests.randomYears(seed: UInt64(50 + width))
    let settings = ReportSettings(
      corpusPath: "c", top: 5, trendTerms: 6, generatedAt: "2026-01-01T00:00:00Z",
      tool: "test", registryVersion: "1", stopwords: "none")
    func build(_ kept: [TrendComparison]) -> (Report, shelves: Int) {
      let source = CountedSource(YearComparisonTests.statistics(years))
      let report = ReportBuilder.build(
        source: source, rejected: [], settings: settings,
        parallel: YearComparisonTests.Wide(width: width), comparisons: kept)
      return (report, source.made.shelves.withLock { $0.count })
    }
    let (fresh, shelved) = build([])
    #expect(shelved == years.count - 1)
    let (reused, none) = build(fresh.trends)
    #expect(reused == fresh)
    #expect(none == 0)
    // The second comparison kept for other target tokens (its year changed): worked out again
    // from its reference read again, the other references still off the shelf.
    var stale = fresh.trends
    stale[1].tokens += 1
    let (again, stillNone) = build(stale)
    #expect(again == fresh)
    #expect(stillNone == 0)
  }
}
