import Corpus
import Testing

@testable import Pipeline

/// The list of documents the evidence may read, held as places and dates: each reads back as
/// the source made from its file and date.
@Suite struct EvidenceGathererSourcesTests {
  static let files = (0..<7).map {
    CorpusFile(
      path: "\(2000 + $0)/статья-\($0).txt", fullPath: "/c/\(2000 + $0)/статья-\($0).txt",
      size: 1 << (5 * $0), modified: Int64($0))
  }

  /// The calendar's ends and days between, one per file.
  static let dates = [
    (1, 1, 1), (9999, 12, 31), (2020, 2, 29), (1970, 1, 1), (2024, 12, 31), (2, 2, 2),
    (1999, 7, 15),
  ].map { CalendarDate(year: $0.0, month: $0.1, day: $0.2)! }

  /// Every pairing of a file and a date, in an order that is neither the files' nor the dates'.
  static var listed: [(index: Int, date: CalendarDate)] {
    // The i-th takes file 3i mod 7 and date (i / 7 + i) mod 7: each file with each date once.
    (0..<files.count * dates.count).map {
      ($0 * 3 % files.count, dates[($0 / files.count + $0) % dates.count])
    }
  }

  static func expectSame(_ sources: EvidenceGatherer.Sources, _ expected: [EvidenceGatherer.Source])
  {
    #expect(sources.count == expected.count)
    for (source, wanted) in zip(sources, expected) {
      #expect(source.file == wanted.file && source.path == wanted.path)
      #expect(source.fullPath == wanted.fullPath && source.size == wanted.size)
      #expect(source.date == wanted.date)
    }
  }

  @Test func eachDocumentReadsBackAsItsFileAndDate() {
    #expect(
      Set(Self.listed.map { "\($0.index) \($0.date)" }).count == Self.files.count * Self.dates.count
    )
    var sources = EvidenceGatherer.Sources(of: Self.files)
    for (index, date) in Self.listed { sources.append(index, date: date) }
    Self.expectSame(
      sources,
      Self.listed.map { EvidenceGatherer.Source(files: Self.files, index: $0.index, date: $0.date) }
    )
    #expect(Array(sources.indices) == Array(0..<Self.listed.count))
  }

  @Test func sourcesOfTheirOwnListsAreListedInTheirOrder() {
    let alone = Self.listed.map {
      EvidenceGatherer.Source(file: Self.files[$0.index], date: $0.date)
    }
    Self.expectSame(EvidenceGatherer.Sources(alone), alone)
    Self.expectSame(EvidenceGatherer.Sources([]), [])
  }

  @Test func aFilteredListKeepsTheDocumentsAcceptedInOrder() {
    var sources = EvidenceGatherer.Sources(of: Self.files, capacity: 3)
    for (index, date) in Self.listed { sources.append(index, date: date) }
    let all = Array(sources)
    for kept in [
      { (source: EvidenceGatherer.Source) in source.date.year > 2000 },
      { $0.path.hasSuffix("-3.txt") }, { _ in false }, { _ in true },
    ] {
      let filtered: EvidenceGatherer.Sources = sources.filter(kept)
      Self.expectSame(filtered, all.filter(kept))
    }
  }
}
