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
  fileprivate struct Part: Sendable {
    let bigrams: ShelvedBigrams
    let ranks: [Int32]
  }

  /// The words of every part, in byte order, and their unigrams, counts and documents added up
  /// (no bigrams: those are read through ``makeCursor()``).
  public let terms: SortedTerms
  private let parts: [Part]
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
    try self.init(
      count: count,
      words: { index throws(Shelf.Failure) in
        PackedBigrams.unpacking(try blob(index)).words
      },
      part: { index throws(Shelf.Failure) in
        let (words, bigrams) = PackedBigrams.unpacking(try blob(index))
        return (words, try bigrams.shelved(on: shelf))
      })
  }

  /// Pools the sorted blobs that `parts` put on shelves (counted parts of one year, put aside
  /// as they were counted): each part's words and unigrams are read a piece at a time, and its
  /// bigrams where they lie, so that no part is held whole
  /// (``TermBlob/Shelved/unpackingHead(pieceBytes:)``).
  ///
  /// - Throws: What a part's shelf throws, or ``TermBlob/Malformed`` when a part's bytes are
  ///   not a sorted blob.
  public init(shelved parts: [TermBlob.Shelved]) throws {
    try self.init(
      count: parts.count, words: { try parts[$0].unpackingHead().words },
      part: { try parts[$0].unpackingHead() })
  }

  /// Pools `count` parts: `words(i)` gives part `i`'s words (unigrams and bigrams aside), and
  /// `part(i)` its words and unigrams, and its bigrams on a shelf.
  private init<Failure: Error>(
    count: Int, words partWords: (Int) throws(Failure) -> SortedTerms,
    part: (Int) throws(Failure) -> (words: SortedTerms, bigrams: ShelvedBigrams)
  ) throws(Failure) {
    // The union of the words, one year added at a time.
    var words = SortedTerms(arena: [], starts: [0], unigrams: [], bigrams: [], sorted: true)
    for index in 0..<count {
      let part = try partWords(index)
      words = SortedTerms.merged(
        words,
        SortedTerms(
          arena: part.arena, starts: part.starts, unigrams: [], bigrams: [], sorted: true))
    }

    var counts = [UInt64](repeating: 0, count: words.wordCount)
    var documents = [UInt64](repeating: 0, count: words.wordCount)
    var peaks = [Int32](repeating: -1, count: words.wordCount)
    var most = [UInt32](repeating: 0, count: words.wordCount)
    var pooled: [Part] = []
    pooled.reserveCapacity(count)
    for index in 0..<count {
      let (part, bigrams) = try part(index)
      // Every word of the part is a pooled word, so its rank among both is its pooled index.
      let ranks = SortedTerms.unionRanks(words, part).1
      for unigram in part.unigrams {
        let word = Int(ranks[Int(unigram.word)])
        counts[word] += UInt64(unigram.count)
        documents[word] += UInt64(unigram.documents)
        // Parts come oldest first: on equal uses the later part is the peak.
        if unigram.count >= most[word] {
          most[word] = unigram.count
          peaks[word] = Int32(index)
        }
      }
      pooled.append(Part(bigrams: bigrams, ranks: ranks))
    }
    var unigrams: [SortedTerms.Unigram] = []
    for word in 0..<words.wordCount where counts[word] > 0 {
      unigrams.append(
        SortedTerms.Unigram(
          word: Int32(word), count: UInt32(clamping: counts[word]),
          documents: UInt32(clamping: documents[word])))
    }
    terms = SortedTerms(
      arena: words.arena, starts: words.starts, unigrams: unigrams, bigrams: [], sorted: true)
    self.parts = pooled
    unigramPeaks = peaks
  }

  /// The part that used the unigram of pooled word `word` most (the later of equals), or nil
  /// when no part has it as a unigram.
  public func peak(ofWord word: Int32) -> Int? {
    let part = unigramPeaks[Int(word)]
    return part < 0 ? nil : Int(part)
  }

  /// A cursor at the first pooled bigram, reading `pieceBytes` of each part's bigrams from the
  /// shelf at a time.
  public func makeCursor(pieceBytes: Int = ShelvedBigrams.pieceBytes) -> Cursor {
    Cursor(parts, pieceBytes: pieceBytes)
  }

  /// Reads the pooled bigrams in order (by first and then second pooled word): the bigrams of
  /// every part merged, counts and documents of equal ones added up.
  public struct Cursor {
    private var cursors: [ShelvedBigrams.Cursor]
    private let ranks: [[Int32]]
    /// Each part's next bigram, in pooled words, and its key (first word, then second).
    private var heads: [SortedTerms.Bigram]
    private var keys: [UInt64]
    /// The parts with bigrams left, as a min-heap on ``keys``.
    private var heap: [Int] = []
    /// The part that used the last bigram read most (the later of equals).
    public private(set) var peak = 0

    /// Reads the first bigram of each part: the shelf may fail there already, so the cursor
    /// does not start until ``next()`` is first called.
    private var started = false
    private let parts: Int

    fileprivate init(_ parts: [Part], pieceBytes: Int) {
      cursors = parts.map { $0.bigrams.makeCursor(pieceBytes: pieceBytes) }
      ranks = parts.map(\.ranks)
      heads = Array(
        repeating: SortedTerms.Bigram(first: 0, second: 0, count: 0, documents: 0),
        count: parts.count)
      keys = Array(repeating: .max, count: parts.count)
      self.parts = parts.count
    }

    /// The next pooled bigram, or nil after the last.
    /// - Throws: What the shelf throws reading a part's bigrams back.
    public mutating func next() throws -> SortedTerms.Bigram? {
      if !started {
        started = true
        for part in 0..<parts where try advance(part) { heap.append(part) }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
      }
      guard let top = heap.first else { return nil }
      let key = keys[top]
      var (count, documents, most, peak) = (UInt64(0), UInt64(0), UInt32(0), -1)
      while let part = heap.first, keys[part] == key {
        let head = heads[part]
        count += UInt64(head.count)
        documents += UInt64(head.documents)
        if head.count > most || (head.count == most && part > peak) {
          most = head.count
          peak = part
        }
        if try advance(part) {
          siftDown(0)
        } else {
          heap[0] = heap[heap.count - 1]
          heap.removeLast()
          if !heap.isEmpty { siftDown(0) }
        }
      }
      self.peak = peak
      return SortedTerms.Bigram(
        first: Int32(truncatingIfNeeded: key >> 32), second: Int32(truncatingIfNeeded: key),
        count: UInt32(clamping: count), documents: UInt32(clamping: documents))
    }

    /// Reads `part`'s next bigram into ``heads`` and ``keys``; false after its last.
    private mutating func advance(_ part: Int) throws -> Bool {
      guard let bigram = try cursors[part].next() else {
        keys[part] = .max
        return false
      }
      let first = ranks[part][Int(bigram.first)]
      let second = ranks[part][Int(bigram.second)]
      heads[part] = SortedTerms.Bigram(
        first: first, second: second, count: bigram.count, documents: bigram.documents)
      keys[part] = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
      return true
    }

    /// Restores the heap order below `index`.
    private mutating func siftDown(_ index: Int) {
      var index = index
      while true {
        let (left, right) = (2 * index + 1, 2 * index + 2)
        var smallest = index
        if left < heap.count && keys[heap[left]] < keys[heap[smallest]] { smallest = left }
        if right < heap.count && keys[heap[right]] < keys[heap[smallest]] { smallest = right }
        guard smallest != index else { return }
        heap.swapAt(index, smallest)
        index = smallest
      }
    }
  }
}

extension PooledTerms {
  /// The pooled terms packed as one sorted blob (version 4) and put on `shelf`: for parts that
  /// are disjoint documents of one year, the blob counting all of them at once would give.
  ///
  /// The packed bigrams are put aside on `aside` every `asideBytes` bytes, and read back from
  /// there as the blob is written: a year's packed bigrams (90 MB for the bench's 1 GB corpus
  /// dated in one year) are never held whole.
  ///
  /// - Throws: What a part's shelf throws reading its bigrams back, or `shelf` or `aside`
  ///   putting bytes aside.
  public func packed(
    onto shelf: some WritableShelf, asideOn aside: (any ByteShelf)? = nil,
    asideBytes: Int = 4 << 20
  ) throws -> TermBlob.Shelved {
    // Room for every part's bigrams, an upper bound of the pooled ones: room never written
    // takes no memory.
    var builder = TermBlob.Builder(
      words: terms.wordCount, wordBytes: terms.arena.count, unigrams: terms.unigrams.count,
      bigrams: parts.reduce(0) { $0 + $1.bigrams.count })
    terms.arena.withUnsafeBufferPointer { arena in
      for index in 0..<terms.wordCount {
        let word = Int(terms.starts[index])..<Int(terms.starts[index + 1])
        _ = builder.addWord(UnsafeBufferPointer(rebasing: arena[word]))
      }
    }
    for unigram in terms.unigrams {
      builder.addUnigram(
        Int(unigram.word), count: Int(unigram.count), documents: Int(unigram.documents))
    }
    var cursor = makeCursor()
    while let bigram = try cursor.next() {
      builder.addBigram(
        Int(bigram.first), Int(bigram.second), count: Int(bigram.count),
        documents: Int(bigram.documents))
      if let aside, builder.heldBigramBytes >= asideBytes {
        try builder.putBigramsAside(on: aside)
      }
    }
    return try builder.finish(onto: shelf)
  }

  /// Pools the terms packed in `blobs`, one a year, oldest first, their bigrams kept in
  /// memory.
  public init(_ blobs: [TermBlob]) {
    self.init(count: blobs.count, shelf: MemoryShelf<Never>()) { blobs[$0] }
  }
}
