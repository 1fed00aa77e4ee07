import TestSupport
import Testing

@testable import Analysis

/// Several years pooled: every term's count and documents are the sums over the years of a
/// plain dictionary, in byte order, and its peak is the last year with the most uses.
@Suite struct PooledTermsTests {
  /// Pools the packed terms of `parts` as a report does.
  static func pooled(_ parts: [[YearSlice.Term]]) -> PooledTerms {
    // Sorted blobs, as stored, and a blob of the first version, sorted as it is read.
    PooledTerms(
      parts.enumerated().map { $0 == 0 ? TermBlob($1) : SortedTerms(TermBlob($1)).blob })
  }

  /// Every term of `pooled`, unigrams by word then bigrams as the cursor reads them, each with
  /// the part that peaks for it.
  static func read(_ pooled: PooledTerms) -> [(term: YearSlice.Term, peak: Int?)] {
    let terms = pooled.terms
    func word(_ index: Int32) -> String { String(decoding: terms.word(index), as: UTF8.self) }
    var read = terms.unigrams.map { unigram in
      (
        term: YearSlice.Term(
          n: 1, text: word(unigram.word), count: Int(unigram.count),
          documents: Int(unigram.documents)),
        peak: pooled.peak(ofWord: unigram.word)
      )
    }
    var cursor = pooled.makeCursor()
    while let bigram = cursor.next() {
      read.append(
        (
          term: YearSlice.Term(
            n: 2, text: word(bigram.first) + " " + word(bigram.second),
            count: Int(bigram.count), documents: Int(bigram.documents)),
          peak: Optional(cursor.peak)
        ))
    }
    #expect(cursor.next() == nil)
    return read
  }

  @Test(arguments: [1, 2, 3, 5, 8] as [Int])
  func pooledTermsAreTheSumsOfTheYearsInByteOrder(years: Int) {
    // Each year's terms are random, with a year without terms among them; counts of 1 to 99
    // tie often, so the peak's tie rule is tried.
    let parts = (0..<years).map { year in
      year == 1 ? [] : SortedTermsTests.randomTerms(seed: UInt64(100 * years + year))
    }
    var expected: [String: YearSlice.Term] = [:]
    var peaks: [String: (count: Int, part: Int)] = [:]
    for (part, terms) in parts.enumerated() {
      for term in terms {
        var sum =
          expected[term.text] ?? YearSlice.Term(n: term.n, text: term.text, count: 0, documents: 0)
        sum.count += term.count
        sum.documents += term.documents
        expected[term.text] = sum
        if term.count >= peaks[term.text, default: (0, -1)].count {
          peaks[term.text] = (term.count, part)
        }
      }
    }

    let pooled = Self.pooled(parts)
    let read = Self.read(pooled)
    #expect(read.count == expected.count)
    #expect(Set(read.map(\.term)) == Set(expected.values))
    for (term, peak) in read {
      #expect(peak == peaks[term.text]?.part, "\(term.text)")
    }
    // In byte order: words, unigrams by word, bigrams by first and then second word.
    let words = (0..<pooled.terms.wordCount).map { Array(pooled.terms.word(Int32($0))) }
    #expect(zip(words, words.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
    let bigrams = read.filter { $0.term.n == 2 }.map { $0.term.text.split(separator: " ") }
    #expect(
      zip(bigrams, bigrams.dropFirst()).allSatisfy { lhs, rhs in
        lhs.map { Array($0.utf8) }.lexicographicallyPrecedes(rhs.map { Array($0.utf8) }) {
          $0.lexicographicallyPrecedes($1)
        }
      })
    // Every word of a year is a pooled word, and none other.
    let yearWords = Set(parts.joined().flatMap { $0.text.split(separator: " ").map(String.init) })
    #expect(Set(words.map { String(decoding: $0, as: UTF8.self) }) == yearWords)
  }

  @Test func noYearsPoolToNoTerms() {
    let pooled = Self.pooled([])
    #expect(pooled.terms.wordCount == 0)
    #expect(Self.read(pooled).isEmpty)
  }

  /// Counts beyond what a year's unsigned 32-bit count holds stop at its largest value rather
  /// than wrapping round to a small one.
  @Test func sumsBeyondThirtyTwoBitsStopAtTheLargest() {
    let big = Int(UInt32.max) - 5
    let part = [
      YearSlice.Term(n: 1, text: "a", count: big, documents: 1),
      YearSlice.Term(n: 2, text: "a b", count: big, documents: 1),
    ]
    let read = Self.read(Self.pooled([part, part]))
    #expect(read.map(\.term.count) == [Int(UInt32.max), Int(UInt32.max)])
    #expect(read.map(\.term.documents) == [2, 2])
    #expect(read.map(\.peak) == [1, 1])
  }
}
