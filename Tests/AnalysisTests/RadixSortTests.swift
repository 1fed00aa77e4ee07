import TestSupport
import Testing

@testable import Analysis

/// The radix sort and the sorts built on it, against `sort` with a comparison (stable) on the
/// same input: keys that differ only in one digit, keys with many duplicates, inputs on both
/// sides of the size below which the radix sort hands over to `sort`.
@Suite struct RadixSortTests {
  /// Keys that share every digit but some, so that passes are skipped and others are not.
  static func keys(_ count: Int, seed: UInt64, shape: Int) -> [RadixSort.Keyed] {
    var random = SplitMix(seed: seed)
    return (0..<count).map { index in
      let key: UInt64
      switch shape {
      case 0: key = random.next()  // every digit varies
      case 1: key = UInt64(random.int(40))  // many duplicates, only the lowest digit varies
      case 2: key = UInt64(random.int(5)) << 60 | 0x1234  // only the top digit varies
      case 3: key = 0xABCD << 20  // all the same: every pass is skipped
      case 4: key = UInt64(random.int(3)) << 11 | UInt64(random.int(3)) << 44  // two digits
      // Skewed, as word prefixes are: most keys small, one in ten anything.
      default: key = random.int(10) == 0 ? random.next() : UInt64(random.int(1_000))
      }
      return RadixSort.Keyed(key: key, index: Int32(index))
    }
  }

  @Test(arguments: [0, 1, 2, 3, 4, 5], [0, 1, 255, 256, 257, 5_000, 70_000])
  func sortsLikeAStableSort(shape: Int, count: Int) {
    var sorted = Self.keys(count, seed: UInt64(count * 10 + shape), shape: shape)
    // `sort` is stable: equal keys keep the order of their indices.
    let expected = sorted.sorted { $0.key < $1.key }
    RadixSort.sort(&sorted)
    #expect(sorted == expected)
  }

  @Test(arguments: [1, 7, 12, 22, 33])
  func sortsKeysOfFewerBits(bits: Int) {
    var random = SplitMix(seed: UInt64(bits))
    var values = (0..<3_000).map { index in
      (key: random.next() & (UInt64.max >> (64 - bits)), index: index)
    }
    let expected = values.sorted { $0.key < $1.key }
    RadixSort.sort(&values, bits: bits) { $0.key }
    #expect(values.map(\.index) == expected.map(\.index))
  }

  /// Many words tied on their first eight bytes (prefixes of each other, with a NUL, with bytes
  /// above 0x7F) among random ones, enough for the radix sort to be used.
  @Test(arguments: [3, 4] as [UInt64])
  func wordsComeInByteOrder(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let stems = ["abcdefgh", "abcdefg", "междуна", "zzzzzzzzzz", "", "a\u{0}"]
    let letters = ["a", "b", "z", "'", "-", "д", "я", "1", "\u{0}"]
    let words: [[UInt8]] = (0..<4_000).map { _ in
      Array(random.pick(stems).utf8)
        + (0..<random.int(6)).flatMap { _ in Array(random.pick(letters).utf8) }
    }
    var arena: [UInt8] = []
    var starts: [Int32] = [0]
    for word in words {
      arena += word
      starts.append(Int32(arena.count))
    }
    let sorted = SortedTerms.byteOrder(arena, starts)
    // The reference: indices sorted by their words' bytes, equal words by index.
    let expected = words.indices.sorted { lhs, rhs in
      words[lhs] == words[rhs] ? lhs < rhs : words[lhs].lexicographicallyPrecedes(words[rhs])
    }
    #expect(sorted == expected)
  }

  @Test(arguments: [1, 3, 10, 300, 5_000, 100_000, 170_000, 3_000_000])
  func bigramsComeInWordOrder(words: Int) {
    var random = SplitMix(seed: UInt64(words))
    let bigrams = (0..<20_000).map { index in
      SortedTerms.Bigram(
        first: Int32(random.int(words)), second: Int32(random.int(words)),
        count: UInt32(index), documents: 1)
    }
    // Bigrams of the same words may come in any order (they are added together next).
    func inOrder(_ bigrams: [SortedTerms.Bigram]) -> [SortedTerms.Bigram] {
      bigrams.sorted { ($0.first, $0.second, $0.count) < ($1.first, $1.second, $1.count) }
    }
    var sorted = bigrams
    SortedTerms.sortByWords(&sorted, words: words)
    #expect(
      zip(sorted, sorted.dropFirst()).allSatisfy {
        ($0.first, $0.second) <= ($1.first, $1.second)
      })
    #expect(inOrder(sorted) == inOrder(bigrams))
  }

  @Test(arguments: [(1, 1), (8, 8), (8, 9), (8, 170_000), (3, 1_000_003), (8, Int(Int32.max))])
  func partsGrowWithTheWordAndStayBelowTheirNumber(parts: Int, words: Int) {
    let cuts = SortedTerms.PartCuts(parts: parts, words: words)
    var random = SplitMix(seed: UInt64(words))
    let sample =
      ([0, 1, words / 2, words - 2, words - 1] + (0..<2_000).map { _ in random.int(words) })
      .filter { $0 >= 0 && $0 < words }.sorted()
    let found = sample.map { cuts.part(Int32($0)) }
    #expect(found.first == 0)
    #expect(found.allSatisfy { $0 >= 0 && $0 < parts })
    #expect(zip(found, found.dropFirst()).allSatisfy { $0 <= $1 })
    // The exact quotient rounded down, or one less where the product rounds below it.
    for (word, part) in zip(sample, found) {
      let quotient = word * parts / words
      #expect(part == quotient || part == quotient - 1)
    }
    // Each part's first word is where the parts before it end.
    #expect(cuts.first(of: 0) == 0)
    #expect(cuts.first(of: parts) == Int32(words))
    for part in 1..<parts {
      let first = cuts.first(of: part)
      #expect(cuts.part(first) >= part)
      #expect(cuts.part(first - 1) < part)
    }
  }

  @Test func unigramsArePlacedByWord() {
    var random = SplitMix(seed: 11)
    let words = 50_000
    var seen = Set<Int32>()
    let unigrams = (0..<20_000).map { index in
      SortedTerms.Unigram(word: Int32(random.int(words)), count: UInt32(index), documents: 1)
    }.filter { seen.insert($0.word).inserted }
    let expected = unigrams.sorted { $0.word < $1.word }
    #expect(SortedTerms.placedByWord(unigrams, words: words) == expected)
    // Two unigrams of one word are sorted instead, in the order given.
    let doubled = unigrams + [SortedTerms.Unigram(word: unigrams[0].word, count: 0, documents: 0)]
    #expect(
      SortedTerms.placedByWord(doubled, words: words) == doubled.sorted { $0.word < $1.word })
  }
}
