import Analysis
import Foundation
import TestSupport
import Testing

@testable import Store

/// A year's terms written into their row a piece at a time (``StateStore/insertTerms(year:_:in:piecesAbove:)``)
/// read back as the bytes they were, as when they are bound whole.
@Suite struct TermPiecesTests {
  /// A blob of `count` random unigrams and bigrams over words with Cyrillic, apostrophes and
  /// hyphens: about 2.4 MB for 400,000 terms, more than two of the megabyte pieces.
  static func blob(terms count: Int, seed: UInt64) -> TermBlob {
    var generator = SplitMix(seed: seed)
    let stems = ["trade", "союз", "it's", "well-known", "ёж", "a"]
    var builder = TermBlob.Builder()
    for index in 0..<5000 {
      var word = generator.pick(stems) + String(index)
      _ = word.withUTF8 { builder.addWord($0) }
    }
    for _ in 0..<count {
      if generator.int(3) == 0 {
        builder.addUnigram(generator.int(5000), count: 1 + generator.int(1000), documents: 1)
      } else {
        builder.addBigram(
          generator.int(5000), generator.int(5000), count: 1 + generator.int(1_000_000),
          documents: 1 + generator.int(50))
      }
    }
    return builder.finish()
  }

  @Test(arguments: [0, 1 << 20, 16 << 20])
  func termsWrittenInPiecesReadBackAsTheyWere(piecesAbove: Int) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    let large = Self.blob(terms: 400_000, seed: 1)
    let small = Self.blob(terms: 10, seed: 2)
    #expect(large.bytes.count > 2 << 20)
    let slices = [(2020, large), (1999, small), (2021, TermBlob([]))].map { year, terms in
      var slice = Sample.slice(year)
      slice.packedTerms = terms
      return slice
    }
    try store.writing { db in
      for slice in slices { try StateStore.insert(slice, in: db, piecesAbove: piecesAbove) }
    }
    #expect(try store.terms(year: 2020) == large)
    #expect(try store.terms(year: 1999) == small)
    #expect(try store.terms(year: 2021) == TermBlob([]))
    #expect(try store.slices() == slices.sorted { $0.year < $1.year })
  }

  /// A year whose row is there already is refused, in pieces as when bound whole, and the
  /// transaction leaves the state as it was.
  @Test func aSecondRowOfAYearIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    let first = Self.blob(terms: 1000, seed: 3)
    var slice = Sample.slice(2020)
    slice.packedTerms = first
    try store.writing { db in try StateStore.insert(slice, in: db, piecesAbove: 0) }
    #expect(throws: StoreError.self) {
      try store.writing { db in
        try StateStore.insertTerms(
          year: 2020, Self.blob(terms: 1000, seed: 4), in: db, piecesAbove: 0)
      }
    }
    #expect(try store.terms(year: 2020) == first)
  }
}
