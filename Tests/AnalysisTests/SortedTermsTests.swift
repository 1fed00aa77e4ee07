import Corpus
import TestSupport
import Testing

@testable import Analysis

/// Terms in byte order: every blob version reads back sorted with the same terms, statistics
/// are stored sorted, and two years' words rank together in byte order.
@Suite struct SortedTermsTests {
  static func randomTerms(seed: UInt64) -> [YearSlice.Term] {
    var generator = SplitMix(seed: seed)
    let words = (0..<40).map { index in
      generator.pick(["", "a", "ab", "союз", "it's", "well-known", "z"]) + "\(index % 13)"
    }
    var seen = Set<String>()
    var terms: [YearSlice.Term] = []
    for _ in 0..<150 {
      let n = 1 + generator.int(2)
      let text =
        n == 1 ? generator.pick(words) : generator.pick(words) + " " + generator.pick(words)
      guard seen.insert(text).inserted else { continue }
      terms.append(
        YearSlice.Term(
          n: n, text: text, count: 1 + generator.int(99), documents: 1 + generator.int(9)))
    }
    return terms
  }

  /// The terms of `sorted` as values, in their order.
  static func terms(_ sorted: SortedTerms) -> [YearSlice.Term] {
    func word(_ index: Int32) -> String { String(decoding: sorted.word(index), as: UTF8.self) }
    return sorted.unigrams.map {
      YearSlice.Term(
        n: 1, text: word($0.word), count: Int($0.count), documents: Int($0.documents))
    }
      + sorted.bigrams.map {
        YearSlice.Term(
          n: 2, text: word($0.first) + " " + word($0.second), count: Int($0.count),
          documents: Int($0.documents))
      }
  }

  static func isInByteOrder(_ sorted: SortedTerms) -> Bool {
    let words = (0..<sorted.wordCount).map { Array(sorted.word(Int32($0))) }
    return zip(words, words.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) }
      && zip(sorted.unigrams, sorted.unigrams.dropFirst()).allSatisfy { $0.word < $1.word }
      && zip(sorted.bigrams, sorted.bigrams.dropFirst()).allSatisfy {
        ($0.first, $0.second) < ($1.first, $1.second)
      }
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func anyBlobReadsBackSortedWithTheSameTerms(seed: UInt64) throws {
    let terms = Self.randomTerms(seed: seed)
    let unsorted = TermBlob(terms)
    #expect(!unsorted.isSorted)
    let sorted = SortedTerms(unsorted)
    #expect(Self.isInByteOrder(sorted))
    #expect(Set(Self.terms(sorted)) == Set(terms))
    // Text order is the order of the sorted terms, unigrams first.
    let expected =
      terms.filter { $0.n == 1 }.map(\.text).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      + terms.filter { $0.n == 2 }.map(\.text).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    #expect(Self.terms(sorted).map(\.text) == expected)
    // Packed again it is version 3, and reads back as it was.
    let packed = sorted.blob
    #expect(packed.isSorted)
    #expect(try TermBlob(validating: packed.bytes).terms == Self.terms(sorted))
    #expect(Self.terms(SortedTerms(packed)) == Self.terms(sorted))
  }

  /// Words that tie on their first eight bytes, are prefixes of each other, hold bytes above
  /// 0x7F or a NUL, and bigrams sharing first words, in shuffled order.
  @Test(arguments: [7, 8, 9] as [UInt64])
  func wordsTiedOnTheirFirstEightBytesSortByAllTheirBytes(seed: UInt64) {
    var generator = SplitMix(seed: seed)
    let words = [
      "abcdefgh", "abcdefghi", "abcdefgh\u{0}", "abcdefg", "abcdefgha", "abcdefghz",
      "международный", "международная", "междун", "a", "", "zzzzzzzzzzzz", "zzzzzzzz",
    ]
    var terms: [YearSlice.Term] = []
    for (index, word) in words.enumerated() {
      terms.append(YearSlice.Term(n: 1, text: word, count: 1 + index, documents: 1))
    }
    for first in words where !first.isEmpty {
      for second in words where !second.isEmpty && generator.int(2) == 0 {
        terms.append(YearSlice.Term(n: 2, text: first + " " + second, count: 2, documents: 1))
      }
    }
    var shuffled: [YearSlice.Term] = []
    while !terms.isEmpty { shuffled.append(terms.remove(at: generator.int(terms.count))) }
    let sorted = SortedTerms(TermBlob(shuffled))
    #expect(Self.isInByteOrder(sorted))
    #expect(Set(Self.terms(sorted)) == Set(shuffled))
  }

  /// Two sets of terms merged as sorted lists: in byte order, each term's count and documents
  /// the sums of a plain dictionary, terms of one side only kept as they were.
  @Test(arguments: [(1, 2), (3, 3), (4, 5)] as [(UInt64, UInt64)])
  func mergedTermsAreTheSumsOfBothSides(seeds: (UInt64, UInt64)) {
    let a = Self.randomTerms(seed: seeds.0)
    let b = Self.randomTerms(seed: seeds.1)
    var expected: [String: YearSlice.Term] = [:]
    for term in a + b {
      var sum =
        expected[term.text] ?? YearSlice.Term(n: term.n, text: term.text, count: 0, documents: 0)
      sum.count += term.count
      sum.documents += term.documents
      expected[term.text] = sum
    }
    let merged = SortedTerms.merged(SortedTerms(TermBlob(a)), SortedTerms(TermBlob(b)))
    #expect(Self.isInByteOrder(merged))
    #expect(Set(Self.terms(merged)) == Set(expected.values))
    #expect(Self.terms(SortedTerms.merged(merged, SortedTerms(TermBlob([])))) == Self.terms(merged))

    // Packed as it merges: a sorted (version 3) blob of the same terms, byte for byte the blob
    // of the merged arrays.
    let packed = SortedTerms.mergedBlob(SortedTerms(TermBlob(a)), SortedTerms(TermBlob(b)))
    #expect(packed.isSorted)
    #expect(Set(Self.terms(SortedTerms(packed))) == Set(expected.values))
    #expect(packed.bytes == merged.blob.bytes)
  }

  @Test func statisticsAreStoredInByteOrder() throws {
    var statistics = CorpusStatistics(
      stopwords: StopwordList(words: ["the"], source: "test"),
      matcher: OrganizationMatcher(registry: OrganizationRegistry.builtin()))
    statistics.add(
      Document(
        path: "a.txt", date: CalendarDate(year: 2020, month: 1, day: 1)!,
        text: Array("Zebra trade grows. The союз and the EAEU trade; well-known zebra.".utf8)))
    let blob = statistics.slice(year: 2020)!.packedTerms
    #expect(blob.isSorted)
    #expect(Self.isInByteOrder(SortedTerms(blob)))
    #expect(Self.terms(SortedTerms(blob)).first { $0.text == "trade" }?.count == 2)
  }

  @Test func wordsOfTwoYearsRankTogetherInByteOrder() {
    let a = SortedTerms(TermBlob(Self.randomTerms(seed: 5)))
    let b = SortedTerms(TermBlob(Self.randomTerms(seed: 6)))
    let (ranksA, ranksB) = SortedTerms.unionRanks(a, b)
    let all =
      (0..<a.wordCount).map { (ranksA[$0], Array(a.word(Int32($0)))) }
      + (0..<b.wordCount).map { (ranksB[$0], Array(b.word(Int32($0)))) }
    for x in all {
      for y in all {
        #expect((x.0 == y.0) == (x.1 == y.1))
        #expect((x.0 < y.0) == x.1.lexicographicallyPrecedes(y.1))
      }
    }
  }

  /// Terms named by vocabulary ids sort to exactly what the arena path makes of the same terms
  /// with their words copied out (in first-use order, as counting used to): words no term names
  /// are left out, and so are terms with a zero count.
  @Test(arguments: [21, 22, 23] as [UInt64])
  func termsOfAVocabularySortLikeTheirWordsCopiedOut(seed: UInt64) {
    var random = SplitMix(seed: seed)
    var vocabulary = Vocabulary()
    let letters = ["a", "b", "z", "'", "-", "д", "я", "1"]
    for _ in 0..<300 {
      _ = vocabulary.intern(Array((0...random.int(9)).flatMap { _ in random.pick(letters).utf8 }))
    }
    // Only some of the words are named, so that the others must be left out.
    let named = (0..<vocabulary.count).filter { _ in random.int(3) > 0 }.map { Int32($0) }
    let unigrams = (0..<200).map { _ in
      SortedTerms.Unigram(
        word: random.pick(named), count: UInt32(random.int(4)), documents: UInt32(random.int(3)))
    }
    var seenUnigrams = Set<Int32>()
    let distinctUnigrams = unigrams.filter { seenUnigrams.insert($0.word).inserted }
    var seenPairs = Set<[Int32]>()
    let bigrams = (0..<800).map { _ in
      SortedTerms.Bigram(
        first: random.pick(named), second: random.pick(named), count: UInt32(random.int(4)),
        documents: 1)
    }.filter { seenPairs.insert([$0.first, $0.second]).inserted }

    // The reference: words copied out as the terms first name them, then sorted.
    var local: [Int32: Int32] = [:]
    var arena: [UInt8] = []
    var starts: [Int32] = [0]
    func copied(_ id: Int32) -> Int32 {
      if let index = local[id] { return index }
      arena += vocabulary.bytes(id)
      starts.append(Int32(arena.count))
      local[id] = Int32(starts.count - 2)
      return local[id]!
    }
    var copiedUnigrams = distinctUnigrams
    for index in copiedUnigrams.indices {
      copiedUnigrams[index].word = copied(copiedUnigrams[index].word)
    }
    var copiedBigrams = bigrams
    for index in copiedBigrams.indices {
      copiedBigrams[index].first = copied(copiedBigrams[index].first)
      copiedBigrams[index].second = copied(copiedBigrams[index].second)
    }
    let expected = SortedTerms(
      arena: arena, starts: starts, unigrams: copiedUnigrams, bigrams: copiedBigrams)

    var leftover: [SortedTerms.Bigram] = []
    let sorted = SortedTerms(
      vocabulary: vocabulary, unigrams: distinctUnigrams, bigrams: bigrams, leftover: &leftover)
    #expect(sorted.arena == expected.arena)
    #expect(sorted.starts == expected.starts)
    #expect(sorted.unigrams == expected.unigrams)
    #expect(sorted.bigrams == expected.bigrams)
    #expect(Self.isInByteOrder(sorted))
    #expect(sorted.wordCount < vocabulary.count)
    #expect(sorted.unigrams.allSatisfy { $0.count > 0 })
  }

  /// Sorted bigrams with runs of the same words, of every length from one up, added together:
  /// against a dictionary's sums, in the same order.
  @Test(arguments: [0, 1, 2, 3, 17, 5_000] as [Int])
  func equalBigramsAreAddedTogether(count: Int) {
    var random = SplitMix(seed: UInt64(count) + 31)
    var bigrams = (0..<count).map { _ in
      SortedTerms.Bigram(
        first: Int32(random.int(40)), second: Int32(random.int(3)),
        count: UInt32(1 + random.int(1_000)), documents: UInt32(1 + random.int(5)))
    }.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    var sums: [BigramKey: (count: UInt32, documents: UInt32)] = [:]
    var order: [BigramKey] = []
    for bigram in bigrams {
      let key = BigramKey(bigram.first, bigram.second)
      if let sum = sums[key] {
        sums[key] = (sum.count + bigram.count, sum.documents + bigram.documents)
      } else {
        sums[key] = (bigram.count, bigram.documents)
        order.append(key)
      }
    }
    let expected = order.map { key in
      SortedTerms.Bigram(
        first: key.first, second: key.second, count: sums[key]!.count,
        documents: sums[key]!.documents)
    }
    SortedTerms.addEqualTogether(&bigrams)
    #expect(bigrams == expected)
    if count == 5_000 { #expect(bigrams.count < count) }
  }
}
