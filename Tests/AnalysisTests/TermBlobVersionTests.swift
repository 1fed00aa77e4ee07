import Analysis
import TestSupport
import Testing

/// Sorted blobs are written as version 4 (a bigram's words as steps from the bigram before's)
/// and read the same as the version 3 blobs that earlier releases stored, which still read.
@Suite struct TermBlobVersionTests {
  static func varint(_ value: Int, _ bytes: inout [UInt8]) {
    var rest = UInt64(value)
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Version 3 as documented: `ATB3`, the words, the unigrams and the bigrams of `terms`, every
  /// word index written as itself.
  static func version3(_ terms: SortedTerms) -> [UInt8] {
    var bytes = Array("ATB3".utf8)
    varint(terms.wordCount, &bytes)
    for index in 0..<terms.wordCount {
      let word = terms.arena[Int(terms.starts[index])..<Int(terms.starts[index + 1])]
      varint(word.count, &bytes)
      bytes += word
    }
    varint(terms.unigrams.count, &bytes)
    for unigram in terms.unigrams {
      for number in [Int(unigram.word), Int(unigram.count), Int(unigram.documents)] {
        varint(number, &bytes)
      }
    }
    varint(terms.bigrams.count, &bytes)
    for bigram in terms.bigrams {
      for number in [
        Int(bigram.first), Int(bigram.second), Int(bigram.count), Int(bigram.documents),
      ] {
        varint(number, &bytes)
      }
    }
    return bytes
  }

  static func bigrams(_ blob: TermBlob) -> [SortedTerms.Bigram] {
    var read: [SortedTerms.Bigram] = []
    PackedBigrams.unpacking(blob).bigrams.forEachBigram { read.append($0) }
    return read
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func version4ReadsAsVersion3Does(seed: UInt64) throws {
    let sorted = SortedTerms(TermBlob(PackedBigramsTests.terms(seed: seed)))
    let new = sorted.blob
    #expect(Array(new.bytes.prefix(4)) == Array("ATB4".utf8))
    let old = try TermBlob(validating: Self.version3(sorted))
    #expect(old.isSorted && new.isSorted)
    #expect(try TermBlob(validating: new.bytes) == new)
    #expect(new.terms == old.terms)
    #expect(Self.bigrams(new) == sorted.bigrams)
    #expect(Self.bigrams(old) == sorted.bigrams)
    #expect(new.largest(limit: 5) == old.largest(limit: 5))
    #expect(SortedTerms(new).bigrams == sorted.bigrams)
    // A step is never longer than the index it stands for.
    #expect(new.bytes.count <= old.bytes.count)
  }

  @Test func stepsTakeOneByteWhereIndicesTookTwo() {
    // 300 words, each followed by the next: from word 128 on, an index takes two bytes, and the
    // first word's step (1) one; the second word follows a new first word, so it is written as
    // itself in both versions.
    let words = (0..<300).map { "w" + String(1000 + $0).dropFirst() }
    let terms = (0..<299).map {
      YearSlice.Term(n: 2, text: words[$0] + " " + words[$0 + 1], count: 1, documents: 1)
    }
    let sorted = SortedTerms(TermBlob(terms))
    let new = sorted.blob
    let old = Self.version3(sorted)
    #expect(new.terms == terms)
    #expect(Self.bigrams(new) == sorted.bigrams)
    // One byte less for each of the 171 bigrams whose first word is word 128 or later.
    #expect(old.count - new.bytes.count == 171)
  }

  @Test func stepsBeyondTheWordsAreRefused() {
    // One word, "a"; no unigrams; one bigram, then its count and documents.
    let head = Array("ATB4".utf8) + [1, 1, 0x61, 0, 1]
    #expect(throws: Never.self) { try TermBlob(validating: head + [0, 0, 1, 1]) }
    var largest: [UInt8] = []
    Self.varint(Int.max, &largest)
    let bad: [[UInt8]] = [
      head + [0, 1, 1, 1],  // the second word one step past the only word
      head + [1, 0, 1, 1],  // the first word one step past it
      head + largest + [0, 1, 1],  // a step that would overflow
      head + [0] + largest + [1, 1],
    ]
    for bytes in bad {
      #expect(throws: TermBlob.Malformed.self, "\(bytes)") { try TermBlob(validating: bytes) }
    }
    // Two bigrams of word 0 and 0: the second's step of 0 keeps the same words.
    let twice = Array("ATB4".utf8) + [1, 1, 0x61, 0, 2, 0, 0, 3, 1, 0, 0, 4, 1]
    #expect(throws: Never.self) { try TermBlob(validating: twice) }
    #expect((try? TermBlob.decode(twice))?.map(\.text) == ["a a", "a a"])
  }
}
