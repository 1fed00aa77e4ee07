import TestSupport
import Testing

@testable import Analysis

/// A year counted in parts, each part's blob put on a shelf as it was counted and the parts
/// pooled back into one blob (``PooledTerms/init(shelved:pieceBytes:)``,
/// ``PooledTerms/packed(onto:asideOn:asideBytes:)``), packs to the very bytes of the blob of
/// all its terms counted at once.
@Suite struct PooledTermsPackedTests {
  /// The blob of `parts` counted at once: each term's counts summed in a dictionary, then
  /// packed and sorted as a year's terms are stored.
  static func expected(_ parts: [[YearSlice.Term]]) -> TermBlob {
    var sums: [String: YearSlice.Term] = [:]
    for term in parts.joined() {
      sums[term.text, default: YearSlice.Term(n: term.n, text: term.text, count: 0, documents: 0)]
        .count += term.count
      sums[term.text]!.documents += term.documents
    }
    return SortedTerms(TermBlob(Array(sums.values))).blob
  }

  @Test(arguments: [1, 2, 3, 8] as [Int])
  func partsPutAsideAndPooledPackAsTheirSums(parts count: Int) throws {
    // Random terms over words with Cyrillic, apostrophes and hyphens; a part without terms.
    let parts = (0..<count).map { part in
      part == 1 ? [] : SortedTermsTests.randomTerms(seed: UInt64(700 + 10 * count + part))
    }
    let shelf = MemoryShelf<Never>()
    // Bytes before the first blob and between the others: each is read where it lies.
    _ = shelf.append([9, 9, 9])
    let shelved = parts.map { part in
      defer { _ = shelf.append([7]) }
      return TermBlob.Shelved(SortedTerms(TermBlob(part)).blob, on: shelf)
    }
    let packed = try PooledTerms(shelved: shelved).packed(onto: shelf).read()
    let expected = Self.expected(parts)
    #expect(packed.bytes == expected.bytes)
    #expect(packed.unigrams == expected.unigrams)
    #expect(packed.bigrams == expected.bigrams)
    #expect(try TermBlob(validating: packed.bytes) == packed)
  }

  /// The parts' words read side by side a few bytes at a time, so that a word read from one
  /// part lies across two of its pieces while the other parts' words wait: parts that share
  /// every word (one twice), some (a part of another's terms) or none (an empty one) pool to
  /// the blob of their sums, and each pooled word's peak is the part that used it most.
  @Test(arguments: [64, 97, 1 << 18] as [Int])
  func wordsReadSideBySideInSmallPiecesPoolAsTheirSums(pieceBytes: Int) throws {
    let first = SortedTermsTests.randomTerms(seed: 1001)
    let second = SortedTermsTests.randomTerms(seed: 1002)
    let parts = [first, second, [], Array(first.prefix(first.count / 3)), second]
    let shelf = MemoryShelf<Never>()
    let shelved = parts.map { TermBlob.Shelved(SortedTerms(TermBlob($0)).blob, on: shelf) }
    let pooled = try PooledTerms(shelved: shelved, pieceBytes: pieceBytes)
    #expect(try pooled.packed(onto: shelf).read().bytes == Self.expected(parts).bytes)
    // The peak of a unigram: the part with the most uses, the later of equals.
    for unigram in pooled.terms.unigrams {
      let word = pooled.terms.arena[
        Int(
          pooled.terms.starts[Int(unigram.word)])..<Int(pooled.terms.starts[Int(unigram.word) + 1])]
      let text = String(decoding: word, as: UTF8.self)
      let uses = parts.map { part in part.first { $0.n == 1 && $0.text == text }?.count ?? -1 }
      let most = uses.max()!
      #expect(pooled.peak(ofWord: unigram.word) == uses.lastIndex(of: most))
    }
  }

  /// The pooled bigrams put aside as they are packed, every few bytes, read back into the blob
  /// as it is written.
  @Test(arguments: [1, 40, 1000] as [Int])
  func bigramsPutAsideAsTheyArePackedComeBackInPlace(asideBytes: Int) throws {
    let parts = (0..<4).map { SortedTermsTests.randomTerms(seed: UInt64(800 + $0)) }
    let shelf = MemoryShelf<Never>()
    let aside = MemoryShelf<Never>()
    _ = aside.append([5, 5])
    let shelved = parts.map { TermBlob.Shelved(SortedTerms(TermBlob($0)).blob, on: shelf) }
    let packed = try PooledTerms(shelved: shelved)
      .packed(onto: shelf, asideOn: aside, asideBytes: asideBytes)
    #expect(try packed.read().bytes == Self.expected(parts).bytes)
    #expect(try aside.read(0..<2) == [5, 5])
  }

  /// A builder whose bigrams were put aside in pieces of more than the megabyte it reads back
  /// at a time writes the bytes of one that held them all.
  @Test func aBuilderWithBigramsAsideFinishesAsOneThatHeldThem() throws {
    var generator = SplitMix(seed: 11)
    var held = TermBlob.Builder(sorted: true)
    var spilling = TermBlob.Builder(sorted: true)
    for word in ["a", "b", "c", "ёж"] {
      var word = word
      _ = word.withUTF8 { held.addWord($0) }
      _ = word.withUTF8 { spilling.addWord($0) }
    }
    held.addUnigram(1, count: 3, documents: 2)
    spilling.addUnigram(1, count: 3, documents: 2)
    let aside = MemoryShelf<Never>()
    for first in 0..<4 {
      for second in 0..<4 {
        for _ in 0..<100_000 {
          let (count, documents) = (1 + generator.int(1 << 20), 1 + generator.int(1 << 14))
          held.addBigram(first, second, count: count, documents: documents)
          spilling.addBigram(first, second, count: count, documents: documents)
        }
        if spilling.heldBigramBytes > 1_500_000 { spilling.putBigramsAside(on: aside) }
      }
    }
    let expected = held.finish()
    #expect(expected.bytes.count > 3 << 20)
    let shelf = MemoryShelf<Never>()
    let written = try spilling.finish(onto: shelf)
    #expect(try written.read() == expected)
    #expect(try held.finish(onto: shelf).read() == expected)
  }

  /// The words and unigrams of a sorted blob on a shelf, read through ``ShelvedHead`` `pieceBytes`
  /// at a time, and where its bigrams lie.
  static func head(of shelved: TermBlob.Shelved, pieceBytes: Int = ShelvedBigrams.pieceBytes)
    throws -> (words: SortedTerms, bigrams: ShelvedBigrams)
  {
    var head = try ShelvedHead(shelved, pieceBytes: pieceBytes)
    var arena: [UInt8] = []
    var starts: [Int32] = [0]
    while let word = try head.nextWord() {
      arena += word
      starts.append(Int32(arena.count))
    }
    #expect(starts.count == head.wordCount + 1)
    var unigrams: [SortedTerms.Unigram] = []
    while let unigram = try head.nextUnigram() { unigrams.append(unigram) }
    let words = SortedTerms(
      arena: arena, starts: starts, unigrams: unigrams, bigrams: [], sorted: true)
    return (words, try head.bigrams())
  }

  /// A blob's words and unigrams read from its shelf a few bytes at a time are those of the
  /// blob unpacked in memory, and its bigrams read where they lie are its bigrams.
  @Test(arguments: [1, 64, 1 << 18] as [Int])
  func aShelvedBlobsHeadReadInPiecesIsItsWordsAndUnigrams(pieceBytes: Int) throws {
    let shelf = MemoryShelf<Never>()
    for seed in 0..<4 as Range<UInt64> {
      _ = shelf.append([UInt8](repeating: 3, count: Int(seed)))
      let blob = SortedTerms(TermBlob(SortedTermsTests.randomTerms(seed: 40 + seed))).blob
      let shelved = TermBlob.Shelved(blob, on: shelf)
      let (words, bigrams) = try Self.head(of: shelved, pieceBytes: pieceBytes)
      let expected = PackedBigrams.unpacking(blob)
      #expect(words.arena == expected.words.arena)
      #expect(words.starts == expected.words.starts)
      #expect(words.unigrams == expected.words.unigrams)
      var read: [SortedTerms.Bigram] = []
      var cursor = bigrams.makeCursor()
      while let bigram = try cursor.next() { read.append(bigram) }
      var all: [SortedTerms.Bigram] = []
      expected.bigrams.forEachBigram { all.append($0) }
      #expect(read == all)
      #expect(!read.isEmpty)
    }
  }

  /// A blob of an unsorted version is not taken for a sorted one.
  @Test func anUnsortedBlobsHeadIsRefused() {
    let shelf = MemoryShelf<Never>()
    let shelved = TermBlob.Shelved(TermBlob(SortedTermsTests.randomTerms(seed: 6)), on: shelf)
    #expect(throws: TermBlob.Malformed.self) { try ShelvedHead(shelved) }
  }

  /// A unigram naming a word past the blob's last is not taken for one of its words, in a part
  /// read on its own or pooled.
  @Test func aUnigramOfNoWordIsRefused() throws {
    // `ATB4`, one word "a", one unigram of word 1 (there is only word 0), no bigrams.
    let bytes = Array("ATB4".utf8) + [1, 1, UInt8(ascii: "a"), 1, 1, 1, 1, 0]
    let shelf = MemoryShelf<Never>()
    let shelved = TermBlob.Shelved(
      shelf: shelf, range: shelf.append(bytes),
      checked: TermBlob.Checked(byteCount: bytes.count, unigrams: 1, bigrams: 0))
    var head = try ShelvedHead(shelved)
    #expect(try head.nextWord().map(Array.init) == Array("a".utf8))
    #expect(try head.nextWord() == nil)
    #expect(throws: TermBlob.Malformed.self) { try head.nextUnigram() }
    #expect(throws: TermBlob.Malformed.self) { try PooledTerms(shelved: [shelved, shelved]) }
  }

  @Test func partsOnSeveralShelvesPoolToo() throws {
    let parts = (0..<3).map { SortedTermsTests.randomTerms(seed: UInt64(900 + $0)) }
    let shelved = parts.map { part in
      TermBlob.Shelved(SortedTerms(TermBlob(part)).blob, on: MemoryShelf<Never>())
    }
    let packed = try PooledTerms(shelved: shelved).packed(onto: MemoryShelf<Never>()).read()
    #expect(packed.bytes == Self.expected(parts).bytes)
  }

  /// Bytes read back that are not as many as were put aside are not taken for the blob.
  @Test func aBlobReadBackShortIsRefused() throws {
    let shelf = MemoryShelf<Never>()
    let blob = SortedTerms(TermBlob(SortedTermsTests.randomTerms(seed: 5))).blob
    let put = TermBlob.Shelved(blob, on: shelf)
    #expect(try put.read() == blob)
    let short = TermBlob.Shelved(
      shelf: shelf, range: put.range.dropLast(), checked: put.checked)
    #expect(throws: TermBlob.Malformed.self) { try short.read() }
  }
}
