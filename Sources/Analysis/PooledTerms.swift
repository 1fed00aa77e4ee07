import Corpus

/// Several years' terms as one: every word of any of them in byte order, their unigrams added up,
/// and their bigrams added up as they are read, in order, from each year's packed blob.
///
/// What a year is compared with when the reference is a span of years (quanteda's keyness of a
/// target against all other documents, Kibana's significant terms against a background): the
/// pooled bigrams are never held unpacked: the packed bytes of each year's bigrams are put on a
/// shelf (a scratch file, in a run) and merged as a reader asks for them (``Cursor``), a piece
/// of each year read at a time. Each pooled term also says which of the parts used it most, so
/// that its lines can come from there.
public struct PooledTerms: Sendable {
  /// One part: a year's packed bigrams, and each of its words' index among the pooled words.
  struct Part: Sendable {
    let bigrams: ShelvedBigrams
    let ranks: [Int32]
  }

  /// The words of every part, in byte order, and their unigrams, counts and documents added up
  /// (no bigrams: those are read through ``makeCursor()``).
  public let terms: SortedTerms
  let parts: [Part]
  /// For each pooled word, the part whose unigram of it has the most uses (-1: no unigram).
  private let unigramPeaks: [Int32]

  /// Pools the terms packed in `count` years' blobs, oldest first, `blob(i)` giving the blob
  /// of year `i`, and puts their bigrams on `shelf`.
  ///
  /// Each blob is asked for twice and let go each time: once to gather the pooled words, once
  /// more to number the year's words among them and shelve its bigrams. Only one year's blob is
  /// held whole at a time; what is kept of a year in memory is the pooled number of each of its
  /// words.
  public init<Shelf: ByteShelf>(
    count: Int, shelf: Shelf, blob: (Int) throws(Shelf.Failure) -> TermBlob
  ) throws(Shelf.Failure) {
    // The union of the words, one year added at a time.
    var words = SortedTerms(arena: [], starts: [0], unigrams: [], bigrams: [], sorted: true)
    for index in 0..<count {
      let part = PackedBigrams.unpacking(try blob(index)).words
      words = SortedTerms.merged(
        words,
        SortedTerms(
          arena: part.arena, starts: part.starts, unigrams: [], bigrams: [], sorted: true))
    }

    var sums = UnigramSums(words: words.wordCount)
    var pooled: [Part] = []
    pooled.reserveCapacity(count)
    for index in 0..<count {
      let (part, bigrams) = PackedBigrams.unpacking(try blob(index))
      // Every word of the part is a pooled word, so its rank among both is its pooled index.
      let ranks = SortedTerms.unionRanks(words, part).1
      for unigram in part.unigrams {
        sums.add(unigram, word: Int(ranks[Int(unigram.word)]), part: index)
      }
      pooled.append(Part(bigrams: try bigrams.shelved(on: shelf), ranks: ranks))
    }
    terms = SortedTerms(
      arena: words.arena, starts: words.starts, unigrams: sums.unigrams(), bigrams: [],
      sorted: true)
    self.parts = pooled
    unigramPeaks = sums.peaks
  }

  /// Pools the sorted blobs that `parts` put on shelves (counted parts of one year, put aside
  /// as they were counted), reading `pieceBytes` of each at a time (``ShelvedHead``): the words of
  /// every part side by side into their union, in one pass, then each part's unigrams, and its
  /// bigrams where they lie. No part is held whole, and the union is made once: added to one
  /// part at a time, it was copied once a part and held twice while it was (the largest holder
  /// when a large year's parts were pooled).
  ///
  /// - Throws: What a part's shelf throws, or ``TermBlob/Malformed`` when a part's bytes are
  ///   not a sorted blob.
  public init(
    shelved parts: [TermBlob.Shelved], pieceBytes: Int = ShelvedBigrams.pieceBytes
  ) throws {
    var heads = try parts.map { try ShelvedHead($0, pieceBytes: pieceBytes) }
    let (arena, starts, ranks) = try Self.unionOfWords(&heads)
    var sums = UnigramSums(words: starts.count - 1)
    var pooled: [Part] = []
    pooled.reserveCapacity(heads.count)
    for index in heads.indices {
      while let unigram = try heads[index].nextUnigram() {
        sums.add(unigram, word: Int(ranks[index][Int(unigram.word)]), part: index)
      }
      pooled.append(Part(bigrams: try heads[index].bigrams(), ranks: ranks[index]))
    }
    terms = SortedTerms(
      arena: arena, starts: starts, unigrams: sums.unigrams(), bigrams: [], sorted: true)
    self.parts = pooled
    unigramPeaks = sums.peaks
  }

  /// Reads the words of `heads` side by side into their union, in byte order: each word once,
  /// and for each part the index of each of its words among them.
  private static func unionOfWords(_ heads: inout [ShelvedHead]) throws -> (
    arena: [UInt8], starts: [Int32], ranks: [[Int32]]
  ) {
    var arena: [UInt8] = []
    var starts: [Int32] = [0]
    // At least as many as the largest part's.
    starts.reserveCapacity((heads.map(\.wordCount).max() ?? 0) + 1)
    var ranks = heads.map { head in
      var ranks: [Int32] = []
      ranks.reserveCapacity(head.wordCount)
      return ranks
    }
    // Each part's next word; nil after its last.
    var next: [ArraySlice<UInt8>?] = []
    for index in heads.indices { next.append(try heads[index].nextWord()) }
    while true {
      // The first part with the least word: the parts before it have none equal to it.
      var least = -1
      for index in next.indices {
        guard let word = next[index] else { continue }
        if least < 0 || order(word, next[least]!) < 0 { least = index }
      }
      guard least >= 0 else { break }
      let word = next[least]!
      let rank = Int32(starts.count - 1)
      arena.append(contentsOf: word)
      starts.append(Int32(arena.count))
      for index in least..<next.count {
        guard let other = next[index], index == least || order(other, word) == 0 else {
          continue
        }
        ranks[index].append(rank)
        next[index] = try heads[index].nextWord()
      }
    }
    return (arena, starts, ranks)
  }

  /// The order of two words' bytes (<0, 0, >0), as ``SortedTerms`` orders its words.
  private static func order(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
    a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { a.comparedInByteOrder(with: $0) } }
  }

  /// The unigrams of parts added up by pooled word, with the part that used each most.
  private struct UnigramSums {
    var counts: [UInt64]
    var documents: [UInt64]
    /// For each pooled word, the part whose unigram of it has the most uses (-1: none).
    var peaks: [Int32]
    var most: [UInt32]

    init(words: Int) {
      counts = [UInt64](repeating: 0, count: words)
      documents = [UInt64](repeating: 0, count: words)
      peaks = [Int32](repeating: -1, count: words)
      most = [UInt32](repeating: 0, count: words)
    }

    /// Adds `unigram` of part `part`, its word pooled word `word`. Parts come oldest first: on
    /// equal uses the later part is the peak.
    mutating func add(_ unigram: SortedTerms.Unigram, word: Int, part: Int) {
      counts[word] += UInt64(unigram.count)
      documents[word] += UInt64(unigram.documents)
      if unigram.count >= most[word] {
        most[word] = unigram.count
        peaks[word] = Int32(part)
      }
    }

    /// The pooled unigrams, by word.
    func unigrams() -> [SortedTerms.Unigram] {
      var unigrams: [SortedTerms.Unigram] = []
      for word in counts.indices where counts[word] > 0 {
        unigrams.append(
          SortedTerms.Unigram(
            word: Int32(word), count: UInt32(clamping: counts[word]),
            documents: UInt32(clamping: documents[word])))
      }
      return unigrams
    }
  }

  /// The part that used the unigram of pooled word `word` most (the later of equals), or nil
  /// when no part has it as a unigram.
  public func peak(ofWord word: Int32) -> Int? {
    let part = unigramPeaks[Int(word)]
    return part < 0 ? nil : Int(part)
  }

  /// A cursor at the first pooled bigram, reading `pieceBytes` of each part's bigrams from the
  /// shelf at a time; of the bigrams whose first word is in `firstWords` (pooled words) only,
  /// so that cursors over spans that do not overlap can merge the pooled bigrams side by side.
  public func makeCursor(
    pieceBytes: Int = ShelvedBigrams.pieceBytes, firstWords: Range<Int32> = 0..<Int32.max
  ) -> Cursor {
    Cursor(parts, pieceBytes: pieceBytes, firstWords: firstWords)
  }

  /// The pooled words cut in `count` spans of about as many uses each, as unigrams: spans of
  /// first words whose bigrams take about as long to merge.
  public func firstWordSpans(_ count: Int) -> [Range<Int32>] {
    let total = terms.unigrams.reduce(0) { $0 + Int($1.count) }
    var cuts: [Int32] = [0]
    var sum = 0
    for unigram in terms.unigrams where cuts.count < count {
      sum += Int(unigram.count)
      if sum * count >= total * cuts.count { cuts.append(unigram.word + 1) }
    }
    while cuts.count < count { cuts.append(Int32(terms.wordCount)) }
    cuts.append(.max)
    return zip(cuts, cuts.dropFirst()).map { $0..<max($0, $1) }
  }
}
