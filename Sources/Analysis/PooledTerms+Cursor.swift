extension PooledTerms {
  /// Reads the pooled bigrams in order (by first and then second pooled word): the bigrams of
  /// every part merged, counts and documents of equal ones added up; those of a span of first
  /// words only, when it is asked for one (``PooledTerms/makeCursor(pieceBytes:firstWords:)``).
  public struct Cursor {
    private var cursors: [ShelvedBigrams.Cursor]
    private let ranks: [[Int32]]
    /// For each part, the first of its words whose pooled word is in the span of first words
    /// (its bigrams with an earlier first word are passed over), and the first past it (its
    /// bigrams from there on are not read).
    private let partFirstWords: [Range<Int32>]
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

    init(_ parts: [Part], pieceBytes: Int, firstWords: Range<Int32>) {
      cursors = parts.map { $0.bigrams.makeCursor(pieceBytes: pieceBytes) }
      ranks = parts.map(\.ranks)
      partFirstWords = parts.map { part in
        let below = { Self.wordsBelow($0, in: part.ranks) }
        return below(firstWords.lowerBound)..<below(firstWords.upperBound)
      }
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
      // A part's bigrams are in order of their first words: those before the span are passed
      // over (the first time only), and the part ends where the span does.
      var read = try cursors[part].next()
      while let bigram = read, bigram.first < partFirstWords[part].lowerBound {
        read = try cursors[part].next()
      }
      guard let bigram = read, bigram.first < partFirstWords[part].upperBound else {
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

    /// How many of a part's words, numbered `ranks` among the pooled words (ascending), are
    /// numbered below `pooled`.
    private static func wordsBelow(_ pooled: Int32, in ranks: [Int32]) -> Int32 {
      var (low, high) = (0, ranks.count)
      while low < high {
        let middle = (low + high) / 2
        if ranks[middle] < pooled { low = middle + 1 } else { high = middle }
      }
      return Int32(low)
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
