import Corpus
import TestSupport
import Testing

@testable import Pipeline

/// The digests a year's closed documents are found again by (``CountedDigests``) are those of
/// the outcomes that counted a document of that year.
@Suite struct FileOutcomesCountedTests {
  /// Random outcomes (with or without a digest and a date, rejected or not, with each flag or
  /// not), some of them not recorded: the digests in each year are those of the recorded
  /// outcomes read, dated in it, and neither rejected, the same as stored nor a copy, in order.
  @Test(arguments: [3, 8, 21])
  func theDigestsCountedInAYearAreThoseOfItsCountedDocuments(seed: UInt64) {
    var generator = SplitMix(seed: seed)
    let outcomes = (0..<400).map { index in
      CorpusAnalyzer.FileOutcome(
        file: CorpusFile(path: "file-\(index).txt", fullPath: "/corpus/file-\(index).txt", size: 9),
        digest: generator.int(5) == 0 ? nil : generator.next(),
        date: generator.int(5) == 0
          ? nil
          : CalendarDate(year: 2019 + generator.int(3), month: 12, day: 1 + generator.int(31)),
        rejection: generator.int(6) == 0 ? .emptyBody : nil, repaired: generator.int(2) == 0,
        sameAsStored: generator.int(6) == 0, isCopy: generator.int(6) == 0)
    }
    var held = CorpusAnalyzer.FileOutcomes(files: outcomes.map(\.file))
    var recorded: Set<Int> = []
    for index in outcomes.indices.shuffled(using: &generator) where generator.int(4) != 0 {
      held.record(outcomes[index], at: index)
      recorded.insert(index)
    }
    var found = 0
    for year in [2018, 2019, 2020, 2021] {
      let expected = outcomes.indices.compactMap { index -> UInt64? in
        let outcome = outcomes[index]
        guard recorded.contains(index), let digest = outcome.digest,
          outcome.date?.year == year, outcome.rejection == nil, !outcome.sameAsStored,
          !outcome.isCopy
        else { return nil }
        return digest
      }
      found += expected.count
      #expect(held.countedDigests(in: year) == expected, "\(year)")
      #expect(held.counted.digests(in: year) == expected, "\(year)")
    }
    #expect(found > 50)
  }
}
