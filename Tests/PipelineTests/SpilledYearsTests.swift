import Analysis
import Corpus
import Foundation
import TestSupport
import Testing

@testable import Pipeline

/// A year whose bigrams outgrow a worker's room is put aside as it is counted and pooled back
/// (``SpilledYears``): the years counted so equal those of counting everything at once.
@Suite struct SpilledYearsTests {
  /// A threshold of 1 puts a year aside after each document with a bigram: over a year of 150
  /// documents, parts are pooled on the way at two levels (8 and 64 parts).
  @Test(arguments: [(1, 1), (1, 5), (12, 5), (40, 2)] as [(Int, Int)])
  func yearsPutAsideEqualAllAtOnce(threshold: Int, years: Int) throws {
    let (root, files) = try CountedYearsTests.corpus(150, seed: 21, years: years)
    defer { try? FileManager.default.removeItem(at: root) }
    let reference = CountedYearsTests.analyzer.analyze(files)
    let counted = try CountedYears(
      analyzer: CountedYearsTests.analyzer, folder: root.path, spillThreshold: threshold)
    let outcomes = try counted.count(files, years: ExpectedYears.peek(files))
    #expect(counted.spillCount > 0)
    #expect(outcomes.map(\.hash) == reference.outcomes.map(\.hash))
    try CountedYearsTests.expectSameYears(counted, reference)
  }

  /// A year counted in several groups (files expected in other years, or in two passes) is
  /// pooled with what was counted of it before.
  @Test func aYearPutAsideInSeveralGroupsIsPooledWithWhatWasCountedBefore() throws {
    let (root, files) = try CountedYearsTests.corpus(90, seed: 22)
    defer { try? FileManager.default.removeItem(at: root) }
    let reference = CountedYearsTests.analyzer.analyze(files)
    let counted = try CountedYears(
      analyzer: CountedYearsTests.analyzer, folder: root.path, spillThreshold: 3)
    // Every third file expected in no year, the rest in a year that is not theirs.
    let years = files.indices.map { $0 % 3 == 0 ? nil : 2000 + $0 % 7 }
    _ = try counted.count(Array(files[..<40]), years: years[..<40])
    _ = try counted.count(Array(files[40...]), years: years[40...])
    #expect(counted.spillCount > 0)
    try CountedYearsTests.expectSameYears(counted, reference)
  }

  /// A worker that puts aside the only year it holds forgets the words it interned, so that
  /// its vocabulary holds a part's words rather than the whole year's; one that holds another
  /// year keeps them, as that year's terms name them.
  @Test func aWorkerForgetsItsWordsWithTheOnlyYearItPutAside() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-spill-words-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    func document(_ year: Int, _ text: String) -> Document {
      Document(
        path: "\(year).txt", date: CalendarDate(year: year, month: 3, day: 1)!,
        text: Array(text.utf8))
    }
    // Every word distinct, stopwords too: a vocabulary interns them all.
    let first = "alpha beta gamma delta of the"
    let second = "epsilon zeta eta"
    let spilled = SpilledYears(folder: root.path, threshold: 3)
    var statistics = CountedYearsTests.analyzer.emptyStatistics()
    statistics.add(document(2020, first))
    #expect(statistics.vocabulary.count == 6)
    spilled.spillIfFull(&statistics, year: 2020)
    #expect(spilled.spills == 1)
    #expect(statistics.vocabulary.count == 0)
    statistics.add(document(2020, second))
    #expect(statistics.vocabulary.count == 3)

    // A year under the threshold is held beside the one put aside: no word is forgotten.
    var two = CountedYearsTests.analyzer.emptyStatistics()
    two.add(document(2019, "kappa lambda"))
    two.add(document(2020, first))
    spilled.spillIfFull(&two, year: 2020)
    #expect(spilled.spills == 2)
    #expect(two.years.keys.sorted() == [2019])
    #expect(two.vocabulary.count == 8)
  }

  /// The default threshold puts nothing aside for a small corpus: its years are packed as
  /// before.
  @Test func smallYearsAreNotPutAside() throws {
    let (root, files) = try CountedYearsTests.corpus(60, seed: 23)
    defer { try? FileManager.default.removeItem(at: root) }
    let counted = try CountedYears(analyzer: CountedYearsTests.analyzer, folder: root.path)
    _ = try counted.count(files, years: ExpectedYears.peek(files))
    #expect(counted.spillCount == 0)
    try CountedYearsTests.expectSameYears(counted, CountedYearsTests.analyzer.analyze(files))
  }

  /// When the scratch file for the parts cannot be made, counting fails rather than leave the
  /// parts out of the year's figures.
  @Test func aPartThatCannotBePutAsideFailsTheCount() throws {
    let (root, files) = try CountedYearsTests.corpus(30, seed: 24)
    defer { try? FileManager.default.removeItem(at: root) }
    let state = root.appendingPathComponent("state")
    try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    let counted = try CountedYears(
      analyzer: CountedYearsTests.analyzer, folder: state.path, spillThreshold: 1)
    // The counted years' own scratch file is open already; the parts' has nowhere to go.
    try FileManager.default.removeItem(at: state)
    #expect(throws: ScratchFile.Failure.self) {
      try counted.count(files, years: ExpectedYears.peek(files))
    }
  }

  /// Threads appending at once each get their bytes back where they were put.
  @Test func scratchAppendsFromSeveralThreadsKeepTheirBytes() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-scratch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let scratch = try ScratchFile(folder: root.path)
    let chunks = (0..<200).map { index in [UInt8](repeating: UInt8(index), count: 1 + index * 37) }
    let ranges = Shared([Range<Int>?](repeating: nil, count: chunks.count))
    DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
      let range = try? scratch.append(chunks[index])
      ranges.withLock { $0[index] = range }
    }
    for (chunk, range) in zip(chunks, ranges.value) {
      #expect(try range.map(scratch.read) == chunk)
    }
    #expect(ranges.value.compactMap { $0 }.reduce(0) { $0 + $1.count } == chunks.joined().count)
  }
}
