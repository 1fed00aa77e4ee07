import Glibc

/// A year's terms as plain arrays in byte order: the words sorted by their bytes, unigrams by
/// word, bigrams by first and then second word. Two years compare in one merge of their arrays
/// (``unionRanks(_:_:)``), without a hash table, and a term's place is the same in every year.
///
/// Statistics are packed this way when stored (a version 3 ``TermBlob``); blobs of earlier
/// versions are sorted when read.
public struct SortedTerms: Sendable {
  /// A unigram: its word's index, count and documents.
  public struct Unigram: Sendable, Equatable {
    public var word: Int32
    public var count: UInt32
    public var documents: UInt32
  }

  /// A bigram: its words' indices, count and documents.
  public struct Bigram: Sendable, Equatable, BitwiseCopyable {
    public var first: Int32
    public var second: Int32
    public var count: UInt32
    public var documents: UInt32
  }

  /// Every word's bytes, one after another, in byte order.
  public private(set) var arena: [UInt8]
  /// Where each word starts in ``arena``, and at the end the arena's length.
  public private(set) var starts: [Int32]
  /// The unigrams, by word.
  public private(set) var unigrams: [Unigram]
  /// The bigrams, by first and then second word.
  public private(set) var bigrams: [Bigram]

  /// The number of words.
  public var wordCount: Int { starts.count - 1 }

  /// The bytes of word `index`.
  public func word(_ index: Int32) -> ArraySlice<UInt8> {
    arena[Int(starts[Int(index)])..<Int(starts[Int(index) + 1])]
  }

  /// Sorts words and terms given in any order (unless `sorted` says they are in order already);
  /// terms with a zero count are left out.
  ///
  /// The arrays are taken over, and the terms renumbered in place, so that a caller that hands
  /// them over with `consume` never has a year's terms in memory twice over while they are sorted.
  init(
    arena: consuming [UInt8], starts: consuming [Int32], unigrams: consuming [Unigram],
    bigrams: consuming [Bigram], sorted: Bool = false
  ) {
    if sorted {
      self.arena = arena
      self.starts = starts
      self.unigrams = unigrams
      self.bigrams = bigrams
      return
    }
    let count = starts.count - 1
    let order = Self.byteOrder(arena, starts)
    var renumbered = [Int32](repeating: 0, count: count)
    var sortedArena: [UInt8] = []
    sortedArena.reserveCapacity(arena.count)
    var sortedStarts: [Int32] = [0]
    sortedStarts.reserveCapacity(starts.count)
    for (position, index) in order.enumerated() {
      renumbered[index] = Int32(position)
      sortedArena += arena[Int(starts[index])..<Int(starts[index + 1])]
      sortedStarts.append(Int32(sortedArena.count))
    }
    self.arena = sortedArena
    self.starts = sortedStarts
    _ = consume arena
    Self.renumber(&unigrams, &bigrams, by: renumbered, words: count)
    self.unigrams = unigrams
    self.bigrams = bigrams
  }

  /// Renumbers the words of `unigrams` and `bigrams` by `ranks` (old index → new, below
  /// `words`), in place, leaves out terms with a zero count, sorts both by their new words, and
  /// adds together bigrams of the same words (a year's ``BigramTallies`` hands them over so).
  ///
  /// - Returns: The room `bigrams` came in, emptied, when they were moved to room of their own
  ///   size (so that a caller can count with it again); otherwise an empty array.
  @discardableResult
  static func renumber(
    _ unigrams: inout [Unigram], _ bigrams: inout [Bigram], by ranks: [Int32], words: Int
  ) -> [Bigram] {
    unigrams.removeAll { $0.count == 0 }
    ranks.withUnsafeBufferPointer { ranks in
      for index in unigrams.indices { unigrams[index].word = ranks[Int(unigrams[index].word)] }
    }
    unigrams = placedByWord(unigrams, words: words)
    bigrams.removeAll { $0.count == 0 }
    ranks.withUnsafeBufferPointer { ranks in
      for index in bigrams.indices {
        bigrams[index].first = ranks[Int(bigrams[index].first)]
        bigrams[index].second = ranks[Int(bigrams[index].second)]
      }
    }
    let logged = bigrams.count
    sortByWords(&bigrams, words: words)
    addEqualTogether(&bigrams)
    // The sorted terms are kept while the next year is counted: without the room of the
    // bigrams that were added together (at 1 GB, 1.39 million logged, 0.74 million distinct).
    guard bigrams.count < logged * 7 / 8 else { return [] }
    var room: [Bigram] = []
    swap(&room, &bigrams)
    // Copied from a buffer pointer: `Array(room[...])` would hand back the same storage, as
    // the slice spans all of it.
    bigrams = room.withUnsafeBufferPointer { Array($0) }
    room.removeAll(keepingCapacity: true)
    return room
  }

  /// The indices of the words `arena` and `starts` spell, in byte order of the words.
  static func byteOrder(_ arena: [UInt8], _ starts: [Int32]) -> [Int] {
    arena.withUnsafeBufferPointer { bytes in
      byteOrder(count: starts.count - 1) { index in
        UnsafeBufferPointer(rebasing: bytes[Int(starts[index])..<Int(starts[index + 1])])
      }.map(Int.init)
    }
  }

  /// The indices `0..<count` in byte order of the words `word(index)`.
  ///
  /// Words are ordered by their first eight bytes as one integer first (``RadixSort``), which
  /// settles most of them without reading the words again; only runs with the same eight bytes
  /// are then sorted by all their bytes.
  static func byteOrder(count: Int, _ word: (Int) -> UnsafeBufferPointer<UInt8>) -> [Int32] {
    var keyed = (0..<count).map { index in
      let bytes = word(index)
      var prefix: UInt64 = 0
      for position in 0..<min(bytes.count, 8) {
        prefix |= UInt64(bytes[position]) << (56 - 8 * UInt64(position))
      }
      return RadixSort.Keyed(key: prefix, index: Int32(index))
    }
    RadixSort.sort(&keyed)
    var start = 0
    while start < keyed.count {
      var end = start + 1
      while end < keyed.count && keyed[end].key == keyed[start].key { end += 1 }
      if end - start > 1 {
        keyed[start..<end].sort { compare(word(Int($0.index)), word(Int($1.index))) < 0 }
      }
      start = end
    }
    return keyed.map(\.index)
  }

  /// `unigrams` by word (word indices are below `words`): each put in its word's place in one
  /// pass, rather than sorted, as a word names at most one unigram; when two name the same word,
  /// they are sorted instead, and keep their order.
  static func placedByWord(_ unigrams: [Unigram], words: Int) -> [Unigram] {
    var places = [Int32](repeating: -1, count: words)
    for index in unigrams.indices {
      let word = Int(unigrams[index].word)
      guard places[word] < 0 else { return unigrams.sorted { $0.word < $1.word } }
      places[word] = Int32(truncatingIfNeeded: index)
    }
    var placed: [Unigram] = []
    placed.reserveCapacity(unigrams.count)
    for index in places where index >= 0 { placed.append(unigrams[Int(index)]) }
    return placed
  }

  /// The terms of `blob`, sorted.
  public init(_ blob: TermBlob) {
    var arena: [UInt8] = []
    var starts: [Int32] = [0]
    var unigrams: [Unigram] = []
    var bigrams: [Bigram] = []
    unigrams.reserveCapacity(blob.unigrams)
    bigrams.reserveCapacity(blob.bigrams)
    blob.forEachTermID(
      intern: { word in
        arena += word
        starts.append(Int32(arena.count))
        return Int32(starts.count - 2)
      },
      each: { n, first, second, count, documents in
        let (count, documents) = (UInt32(clamping: count), UInt32(clamping: documents))
        if n == 1 {
          unigrams.append(Unigram(word: first, count: count, documents: documents))
        } else {
          bigrams.append(
            Bigram(first: first, second: second, count: count, documents: documents))
        }
      })
    // A version 3 blob is sorted already; others (and version 1 words, spelled once per use)
    // are sorted here.
    self.init(
      arena: arena, starts: starts, unigrams: unigrams, bigrams: bigrams, sorted: blob.isSorted)
  }

  /// Packed as a version 4 blob.
  public var blob: TermBlob {
    var builder = TermBlob.Builder(terms: unigrams.count + bigrams.count, sorted: true)
    arena.withUnsafeBufferPointer { bytes in
      for index in 0..<wordCount {
        _ = builder.addWord(
          UnsafeBufferPointer(rebasing: bytes[Int(starts[index])..<Int(starts[index + 1])]))
      }
    }
    for unigram in unigrams {
      builder.addUnigram(
        Int(unigram.word), count: Int(unigram.count), documents: Int(unigram.documents))
    }
    for bigram in bigrams {
      builder.addBigram(
        Int(bigram.first), Int(bigram.second), count: Int(bigram.count),
        documents: Int(bigram.documents))
    }
    return builder.finish()
  }

  /// For each word of `a` and of `b`, its rank among the words of both: equal words get the
  /// same rank, and ranks follow byte order, so terms of the two years compare as integers.
  public static func unionRanks(_ a: SortedTerms, _ b: SortedTerms) -> ([Int32], [Int32]) {
    var ranksA = [Int32](repeating: 0, count: a.wordCount)
    var ranksB = [Int32](repeating: 0, count: b.wordCount)
    a.arena.withUnsafeBufferPointer { bytesA in
      b.arena.withUnsafeBufferPointer { bytesB in
        var (i, j, rank) = (0, 0, Int32(0))
        while i < a.wordCount || j < b.wordCount {
          let order =
            i == a.wordCount
            ? 1 : j == b.wordCount ? -1 : compare(bytesA, a.starts, i, bytesB, b.starts, j)
          if order <= 0 {
            ranksA[i] = rank
            i += 1
          }
          if order >= 0 {
            ranksB[j] = rank
            j += 1
          }
          rank += 1
        }
      }
    }
    return (ranksA, ranksB)
  }

  /// Compares word `i` of one arena with word `j` of another by their bytes (<0, 0, >0).
  private static func compare(
    _ a: UnsafeBufferPointer<UInt8>, _ startsA: [Int32], _ i: Int,
    _ b: UnsafeBufferPointer<UInt8>, _ startsB: [Int32], _ j: Int
  ) -> Int {
    compare(
      UnsafeBufferPointer(rebasing: a[Int(startsA[i])..<Int(startsA[i + 1])]),
      UnsafeBufferPointer(rebasing: b[Int(startsB[j])..<Int(startsB[j + 1])]))
  }

  /// Compares two words by their bytes (<0, 0, >0): at the first byte that differs, or by
  /// length when one is a prefix of the other.
  static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let shared = min(a.count, b.count)
    if shared > 0 {
      let order = memcmp(a.baseAddress!, b.baseAddress!, shared)
      if order != 0 { return Int(order) }
    }
    return a.count - b.count
  }
}
