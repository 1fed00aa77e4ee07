import Testing

@testable import Analysis

/// The pooled bigrams read a span of first words at a time: each span reads the bigrams whose
/// first word is in it, and nothing else, as the whole merge reads them.
@Suite struct PooledTermsCursorTests {
  /// Every bigram a cursor over `firstWords` reads, with the part that peaks for it.
  static func read(
    _ pooled: PooledTerms, firstWords: Range<Int32> = 0..<Int32.max, pieceBytes: Int = 64
  ) throws -> [(bigram: SortedTerms.Bigram, peak: Int)] {
    var cursor = pooled.makeCursor(pieceBytes: pieceBytes, firstWords: firstWords)
    var read: [(bigram: SortedTerms.Bigram, peak: Int)] = []
    while let bigram = try cursor.next() { read.append((bigram, cursor.peak)) }
    #expect(try cursor.next() == nil)
    return read
  }

  /// Random years, one of them empty, pooled as a report pools them.
  static func pooled(years: Int) -> PooledTerms {
    PooledTermsTests.pooled(
      (0..<years).map { year in
        year == 1 ? [] : SortedTermsTests.randomTerms(seed: UInt64(300 + 10 * years + year))
      })
  }

  @Test(arguments: [1, 2, 3, 6] as [Int])
  func aSpanOfFirstWordsReadsTheirBigramsAlone(years: Int) throws {
    let pooled = Self.pooled(years: years)
    let all = try Self.read(pooled, pieceBytes: ShelvedBigrams.pieceBytes)
    let words = Int32(pooled.terms.wordCount)
    #expect(words > 20 && all.count > 50)
    // Spans starting at every word and past the last, ending at several places after.
    for lower in 0...words + 1 {
      let uppers = [lower, lower + 1, lower + 2, lower + words / 3, words, words + 1, .max]
      for upper in Set(uppers) where upper >= lower {
        let expected = all.filter { lower <= $0.bigram.first && $0.bigram.first < upper }
        let read = try Self.read(pooled, firstWords: lower..<upper)
        #expect(read.map(\.bigram) == expected.map(\.bigram), "\(lower)..<\(upper)")
        #expect(read.map(\.peak) == expected.map(\.peak), "\(lower)..<\(upper)")
      }
    }
  }

  @Test(arguments: [1, 2, 3, 4, 7] as [Int])
  func theSpansOfFirstWordsTakeEveryBigramOnceInAboutEvenShares(count: Int) throws {
    let pooled = Self.pooled(years: 5)
    let spans = pooled.firstWordSpans(count)
    #expect(spans.count == count)
    #expect(spans.first?.lowerBound == 0 && spans.last?.upperBound == .max)
    #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    let all = try Self.read(pooled)
    let bySpan = try spans.flatMap { try Self.read(pooled, firstWords: $0) }
    #expect(bySpan.map(\.bigram) == all.map(\.bigram))
    #expect(bySpan.map(\.peak) == all.map(\.peak))
    // Each span's unigram uses are within the largest word's uses of an even share.
    let unigrams = pooled.terms.unigrams
    let total = unigrams.reduce(0) { $0 + Int($1.count) }
    let largest = unigrams.map { Int($0.count) }.max() ?? 0
    for span in spans {
      let uses = unigrams.filter { span.contains($0.word) }.reduce(0) { $0 + Int($1.count) }
      #expect(abs(uses * count - total) <= largest * count, "\(span)")
    }
  }

  @Test func noWordsAreOneSpanPerCore() throws {
    let pooled = PooledTermsTests.pooled([])
    let spans = pooled.firstWordSpans(2)
    #expect(spans.count == 2 && spans.first?.lowerBound == 0 && spans.last?.upperBound == .max)
    #expect(try spans.allSatisfy { try Self.read(pooled, firstWords: $0).isEmpty })
  }
}
