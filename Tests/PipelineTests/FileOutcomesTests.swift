import Corpus
import Pipeline
import TestSupport
import Testing

/// ``CorpusAnalyzer/FileOutcomes`` gives back every outcome as it was recorded, whatever the
/// order they were recorded in.
@Suite struct FileOutcomesTests {
  /// Every combination of the flags, with and without a digest, a date and each kind of
  /// rejection, each for a file of its own.
  static func outcomes() -> [CorpusAnalyzer.FileOutcome] {
    let rejections: [Rejection?] = [
      nil, .empty, .missingHeader(found: "Dear"), .impossibleDate(text: "2021-02-30"),
      .dateOutOfRange(text: "1700-01-01"), .emptyBody, .notText(detail: "NUL at byte 3"),
      .unreadable(errno: 2, detail: "No such file or directory"),
    ]
    let digests: [UInt64?] = [nil, 0, 1, 0x0123_4567_89ab_cdef, .max]
    let dates = [
      nil, CalendarDate(year: 2020, month: 2, day: 29), CalendarDate(year: 1800, month: 1, day: 1),
    ]
    var outcomes: [CorpusAnalyzer.FileOutcome] = []
    for flags in 0..<8 {
      for (index, rejection) in rejections.enumerated() {
        let count = outcomes.count
        outcomes.append(
          CorpusAnalyzer.FileOutcome(
            file: CorpusFile(
              path: "\(2000 + count % 7)/file-\(count).txt", fullPath: "/corpus/file-\(count).txt",
              size: count * 100, modified: Int64(count) - 50),
            digest: digests[(flags + index) % digests.count], date: dates[(flags + index) % 3],
            rejection: rejection, repaired: flags & 1 != 0, sameAsStored: flags & 2 != 0,
            isCopy: flags & 4 != 0))
      }
    }
    return outcomes
  }

  /// The fields of `outcome`, compared one by one.
  static func fields(_ outcome: CorpusAnalyzer.FileOutcome) -> String {
    "\(outcome.file.path) \(outcome.file.fullPath) \(outcome.file.size) \(outcome.file.modified) "
      + "\(String(describing: outcome.digest)) \(outcome.hash) \(String(describing: outcome.date)) "
      + "\(String(describing: outcome.rejection)) \(outcome.repaired) \(outcome.sameAsStored) "
      + "\(outcome.isCopy)"
  }

  @Test(arguments: [1, 7, 42])
  func outcomesRecordedInAnyOrderReadBackAsRecorded(seed: UInt64) {
    let expected = Self.outcomes()
    var held = CorpusAnalyzer.FileOutcomes(files: expected.map(\.file))
    var generator = SplitMix(seed: seed)
    for index in expected.indices.shuffled(using: &generator) {
      held.record(expected[index], at: index)
    }
    #expect(held.count == expected.count)
    #expect(held.files == expected.map(\.file))
    #expect(held.map(Self.fields) == expected.map(Self.fields))
    #expect(CorpusAnalyzer.FileOutcomes(expected).map(Self.fields) == expected.map(Self.fields))
  }

  /// A date held beside the flags keeps every bit: the first and last days a date can be, with
  /// every flag set and with none.
  @Test func theCalendarsEndsAreHeldBesideEveryFlag() throws {
    let dates = [
      try #require(CalendarDate(year: 1, month: 1, day: 1)),
      try #require(CalendarDate(year: 9999, month: 12, day: 31)),
    ]
    var expected: [CorpusAnalyzer.FileOutcome] = []
    for date in dates {
      for all in [false, true] {
        expected.append(
          CorpusAnalyzer.FileOutcome(
            file: CorpusFile(path: "\(expected.count).txt", fullPath: "x", size: 1),
            digest: all ? .max : nil, date: date,
            rejection: all ? .impossibleDate(text: "\(date)") : nil, repaired: all,
            sameAsStored: all, isCopy: all))
      }
    }
    let held = CorpusAnalyzer.FileOutcomes(expected)
    #expect(held.map(Self.fields) == expected.map(Self.fields))
    #expect(
      held.map { $0.date?.description } == ["0001-01-01", "0001-01-01", "9999-12-31", "9999-12-31"])
  }

  /// Recorded again, a file's outcome is the last one, its rejection and flags gone with the
  /// first.
  @Test func aFileRecordedAgainHasItsLastOutcome() {
    let outcomes = Self.outcomes()
    let rejected = outcomes.first { $0.rejection != nil && $0.isCopy && $0.repaired }!
    var held = CorpusAnalyzer.FileOutcomes(files: [rejected.file])
    held.record(rejected, at: 0)
    #expect(held.map(Self.fields) == [rejected].map(Self.fields))
    var later = rejected
    (later.rejection, later.isCopy, later.repaired) = (nil, false, false)
    (later.digest, later.date) = (99, CalendarDate(year: 2024, month: 12, day: 31))
    held.record(later, at: 0)
    #expect(held.map(Self.fields) == [later].map(Self.fields))
    #expect(held[0].rejection == nil && !held[0].isCopy && !held[0].repaired)
  }
}
