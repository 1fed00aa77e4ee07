import Analysis
import Corpus
import TestSupport
import Testing

/// The latest documents kept against a sort of all of them by hand.
@Suite struct LatestDocumentsTests {
  static func documents(seed: UInt64, count: Int) -> [LatestDocuments.Document] {
    var random = SplitMix(seed: seed)
    // Few dates and digests, and paths whose byte order is not their number's ("10.txt"
    // before "9.txt"); a digest above Int64.max.
    return (0..<count).map { index in
      LatestDocuments.Document(
        date: CalendarDate(year: 2020, month: 1 + random.int(2), day: 1 + random.int(2))!,
        digest: [0, 7, UInt64.max - 1][random.int(3)], path: "\(index).txt")
    }
  }

  static func sortedByHand(_ documents: [LatestDocuments.Document]) -> [LatestDocuments.Document] {
    let sorted = documents.sorted {
      if $0.date != $1.date { return $0.date > $1.date }
      if $0.digest != $1.digest { return $0.digest < $1.digest }
      return Array($0.path.utf8).lexicographicallyPrecedes($1.path.utf8)
    }
    return Array(sorted.prefix(LatestDocuments.kept))
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
  func theLatestAreKeptWhateverTheOrderAndSplit(seed: UInt64) {
    var random = SplitMix(seed: seed &* 977)
    let documents = Self.documents(seed: seed, count: Int(seed) * 7 - 6)
    let expected = Self.sortedByHand(documents)
    #expect(LatestDocuments(documents).documents == expected)
    #expect(LatestDocuments(documents.reversed()).documents == expected)
    // Split at random into two lists, merged either way round.
    var first: [LatestDocuments.Document] = []
    var second: [LatestDocuments.Document] = []
    for document in documents {
      if random.int(2) == 0 { first.append(document) } else { second.append(document) }
    }
    let (a, b) = (LatestDocuments(first), LatestDocuments(second))
    #expect(a.merging(b).documents == expected)
    #expect(b.merging(a).documents == expected)
    // A document offered again is kept once.
    #expect(a.merging(a).documents == Self.sortedByHand(first))
  }
}
