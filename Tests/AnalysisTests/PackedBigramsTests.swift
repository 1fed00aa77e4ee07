import Analysis
import TestSupport
import Testing

/// Bigrams read from the packed blob are the bigrams the blob unpacks to, and its words and
/// unigrams unpack as they would with the bigrams.
@Suite struct PackedBigramsTests {
  /// Terms with counts of one to five varint bytes, so every length of number is read.
  static func terms(seed: UInt64) -> [YearSlice.Term] {
    var generator = SplitMix(seed: seed)
    let counts = [1, 127, 128, 16_383, 16_384, 2_097_152, 300_000_000]
    return SortedTermsTests.randomTerms(seed: seed).map { term in
      var term = term
      term.count = generator.pick(counts)
      term.documents = generator.pick(counts)
      return term
    }
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func readsTheBigramsTheBlobUnpacksTo(seed: UInt64) throws {
    let unsorted = TermBlob(Self.terms(seed: seed))
    let whole = SortedTerms(unsorted)
    // A blob of an earlier version is sorted first; a sorted one is read as it is.
    for blob in [unsorted, whole.blob] {
      let (words, bigrams) = PackedBigrams.unpacking(blob)
      #expect(words.bigrams.isEmpty)
      #expect(words.arena == whole.arena)
      #expect(words.starts == whole.starts)
      #expect(words.unigrams == whole.unigrams)
      #expect(bigrams.count == whole.bigrams.count)
      var read: [SortedTerms.Bigram] = []
      bigrams.forEachBigram { read.append($0) }
      #expect(read == whole.bigrams)
      // Put on a shelf after other bytes, they read the same a piece at a time, whatever the
      // size of the pieces (the smallest holds one bigram at most; a piece ends inside a
      // number at every size).
      let shelf = MemoryShelf<Never>()
      _ = shelf.append(Array(repeating: 0xFF, count: 13))
      let shelved = bigrams.shelved(on: shelf)
      #expect(shelved.count == bigrams.count)
      for pieceBytes in [1, 41, 97, 4096, ShelvedBigrams.pieceBytes] {
        var cursor = shelved.makeCursor(pieceBytes: pieceBytes)
        var pieces: [SortedTerms.Bigram] = []
        while let bigram = try cursor.next() { pieces.append(bigram) }
        #expect(pieces == whole.bigrams, "pieces of \(pieceBytes) bytes")
        #expect(try cursor.next() == nil)
      }
      // A cursor stops after the last one, and keeps saying so.
      var cursor = bigrams.makeCursor()
      for _ in 0..<bigrams.count { _ = cursor.next() }
      #expect(cursor.next() == nil)
      #expect(cursor.next() == nil)
    }
  }

  @Test func aBlobWithoutBigramsHasNone() {
    let blob = SortedTerms(TermBlob([YearSlice.Term(n: 1, text: "a", count: 2, documents: 1)])).blob
    let (words, bigrams) = PackedBigrams.unpacking(blob)
    #expect(words.unigrams.count == 1)
    #expect(bigrams.count == 0)
    var any = false
    bigrams.forEachBigram { _ in any = true }
    #expect(!any)
  }
}
