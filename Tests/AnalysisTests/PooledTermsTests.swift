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

  /// Every term of `pooled`, unigrams by word then bigrams as the cursor reads them (`pieceBytes`
  /// of each part at a time), each with the part that peaks for it.
  static func read(_ pooled: PooledTerms, pieceBytes: Int = ShelvedBigrams.pieceBytes) throws
    -> [(term: YearSlice.Term, peak: Int?)]
  {
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
    var cursor = pooled.makeCursor(pieceBytes: pieceBytes)
    while let bigram = try cursor.next() {
      read.append(
        (
          term: YearSlice.Term(
            n: 2, text: word(bigram.first) + " " + word(bigram.second),
            count: Int(bigram.count), documents: Int(bigram.documents)),
          peak: Optional(cursor.peak)
        ))
    }
    #expect(try cursor.next() == nil)
    return read
  }

  @Test(arguments: [1, 2, 3, 5, 8] as [Int])
  func pooledTermsAreTheSumsOfTheYearsInByteOrder(years: Int) throws {
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
    let read = try Self.read(pooled)
    // Read a piece of each year at a time, the years' bigrams merge the same.
    let inPieces = try Self.read(pooled, pieceBytes: 64)
    #expect(inPieces.map(\.term) == read.map(\.term))
    #expect(inPieces.map(\.peak) == read.map(\.peak))
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

  @Test func noYearsPoolToNoTerms() throws {
    let pooled = Self.pooled([])
    #expect(pooled.terms.wordCount == 0)
    #expect(try Self.read(pooled).isEmpty)
  }

  /// Counts beyond what a year's unsigned 32-bit count holds stop at its largest value rather
  /// than wrapping round to a small one.
  @Test func sumsBeyondThirtyTwoBitsStopAtTheLargest() throws {
    let big = Int(UInt32.max) - 5
    let part = [
      YearSlice.Term(n: 1, text: "a", count: big, documents: 1),
      YearSlice.Term(n: 2, text: "a b", count: big, documents: 1),
    ]
    let read = try Self.read(Self.pooled([part, part]))
    #expect(read.map(\.term.count) == [Int(UInt32.max), Int(UInt32.max)])
    #expect(read.map(\.term.documents) == [2, 2])
    #expect(read.map(\.peak) == [1, 1])
  }

  /// A shelf that fails to keep or give back bytes (a full disk, a failing read).
  final class FailingShelf: ByteShelf, @unchecked Sendable {
    struct Failed: Error, Equatable { var step: String }
    let inner = MemoryShelf<Failed>()
    let failsAppending: Bool
    init(failsAppending: Bool) { self.failsAppending = failsAppending }
    func append(_ bytes: [UInt8]) throws(Failed) -> Range<Int> {
      if failsAppending { throw Failed(step: "append") }
      return try inner.append(bytes)
    }
    func read(_ range: Range<Int>) throws(Failed) -> [UInt8] { throw Failed(step: "read") }
  }

  /// A shelf's failure, putting bigrams aside or reading them back, is thrown to the caller,
  /// not taken for the end of the bigrams.
  @Test func aShelfsFailureIsThrown() {
    let blobs = [1, 2].map { TermBlob(SortedTermsTests.randomTerms(seed: $0)) }
    #expect(throws: FailingShelf.Failed(step: "append")) {
      try PooledTerms(count: 2, shelf: FailingShelf(failsAppending: true)) {
        index throws(FailingShelf.Failed) in blobs[index]
      }
    }
    #expect(throws: FailingShelf.Failed(step: "read")) {
      let pooled = try PooledTerms(count: 2, shelf: FailingShelf(failsAppending: false)) {
        index throws(FailingShelf.Failed) in blobs[index]
      }
      _ = try Self.read(pooled)
    }
  }
}
