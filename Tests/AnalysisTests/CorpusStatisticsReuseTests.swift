import Corpus
import TestSupport
import Testing

@testable import Analysis

/// Statistics emptied with ``CorpusStatistics/removeAll()`` and counted with again, as a run
/// counts one group of years after another, against new statistics for each group.
@Suite struct CorpusStatisticsReuseTests {
  /// `count` random documents of `year` from the reference test's words and separators (a
  /// small vocabulary, so that bigrams repeat across documents and a year's log holds more
  /// entries than distinct bigrams).
  static func documents(year: Int, count: Int, random: inout SplitMix) -> [Document] {
    (0..<count).map { index in
      var text = ""
      for position in 0..<(5 + random.int(60)) {
        if position > 0 { text += random.pick(ReferenceCountTests.separators).0 }
        text += random.pick(ReferenceCountTests.words + ["новый\(random.int(50))", "w\(index)"])
      }
      return Document(
        path: "\(year)-\(index).txt",
        date: CalendarDate(year: year, month: 1 + index % 12, day: 1)!,
        text: Array(text.utf8))
    }
  }

  /// Every year of `statistics`, sorted as a run packs them.
  static func takeAll(_ statistics: inout CorpusStatistics)
    -> [(
      frame: YearSlice, arena: [UInt8], starts: [Int32], unigrams: [SortedTerms.Unigram],
      bigrams: [SortedTerms.Bigram]
    )]
  {
    statistics.years.keys.sorted().compactMap { statistics.takeSortedSlice(year: $0) }.map {
      ($0.frame, $0.terms.arena, $0.terms.starts, $0.terms.unigrams, $0.terms.bigrams)
    }
  }

  /// Groups of growing and shrinking size, one of them holding two years (a file dated
  /// otherwise than its group): each group counted by emptied statistics gives exactly the
  /// sorted years new statistics give, and the room a year's bigram log left is counted in.
  @Test(arguments: [3, 4] as [UInt64])
  func emptiedStatisticsCountLikeNewOnes(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let groups = [
      Self.documents(year: 2018, count: 40, random: &random),
      Self.documents(year: 2019, count: 300, random: &random),
      Self.documents(year: 2020, count: 20, random: &random)
        + Self.documents(year: 2021, count: 15, random: &random),
      Self.documents(year: 2022, count: 200, random: &random),
    ]
    var reused = CorpusStatisticsTests.statistics([])
    for (index, group) in groups.enumerated() {
      var new = CorpusStatisticsTests.statistics([])
      for document in group {
        new.add(document)
        reused.add(document)
      }
      let expected = Self.takeAll(&new)
      let found = Self.takeAll(&reused)
      #expect(found.count == expected.count, "group \(index)")
      for (found, expected) in zip(found, expected) {
        #expect(found.frame == expected.frame, "group \(index)")
        #expect(found.arena == expected.arena && found.starts == expected.starts)
        #expect(found.unigrams == expected.unigrams, "group \(index)")
        #expect(found.bigrams == expected.bigrams, "group \(index)")
      }
      // The logs held each bigram once per document that had it: sorting left their room.
      #expect(reused.spareBigramRoom.capacity > 0, "group \(index)")
      reused.removeAll()
      #expect(reused.years.isEmpty && reused.vocabulary.count == 0)
    }
  }

  /// The bigrams a log held are moved to room of their own size when adding them together
  /// left fewer than seven in eight, and the log's room is handed back empty with its capacity:
  /// not shared with the kept bigrams (`Array(log[...])` would share it).
  @Test func sortingHandsBackTheLogsRoom() {
    var unigrams: [SortedTerms.Unigram] = []
    var bigrams: [SortedTerms.Bigram] = []
    bigrams.reserveCapacity(4_000)
    for index in 0..<4_000 {
      bigrams.append(
        SortedTerms.Bigram(
          first: Int32(index % 10), second: Int32(index % 7), count: 1, documents: 1))
    }
    let logRoom = bigrams.withUnsafeBufferPointer { $0.baseAddress }
    let room = SortedTerms.renumber(
      &unigrams, &bigrams, by: (0..<10).map { Int32(9 - $0) }, words: 10)
    // 70 distinct pairs, each logged 4,000 / 70 times or once more.
    #expect(bigrams.count == 70)
    #expect(bigrams.reduce(0) { $0 + Int($1.count) } == 4_000)
    #expect(room.isEmpty && room.capacity >= 4_000)
    #expect(room.withUnsafeBufferPointer { $0.baseAddress } == logRoom)
    #expect(bigrams.capacity < 4_000)
    // Renumbered (word w became 9 - w) and sorted by first and then second word: the first is
    // old (9, 6), logged at every index that is 69 modulo 70.
    #expect(bigrams.first == SortedTerms.Bigram(first: 0, second: 3, count: 57, documents: 57))
    #expect(
      zip(bigrams, bigrams.dropFirst()).allSatisfy { ($0.first, $0.second) < ($1.first, $1.second) }
    )
  }
}
