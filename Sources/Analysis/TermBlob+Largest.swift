extension TermBlob {
  /// A term of ``largest(limit:)``: its text (a bigram's two words joined by one space) and count.
  public struct Counted: Sendable, Equatable {
    /// The term's bytes.
    public var text: [UInt8]
    /// Its occurrences.
    public var count: Int
  }

  /// The `limit` unigrams (`[0]`) and the `limit` bigrams (`[1]`) with the largest counts, in no
  /// particular order; of terms tied at the cut, any may be kept.
  ///
  /// One pass over the numbers that spells out only the terms kept: most terms are rare, and a
  /// term whose count does not beat the smallest kept costs its numbers' bytes and one
  /// comparison. (Reading every term through ``forEachTerm(_:)`` took 5 s over the 26 years of
  /// a 1 GB corpus.)
  public func largest(limit: Int) -> [[Counted]] {
    guard limit > 0 else { return [[], []] }
    return bytes.withUnsafeBufferPointer { all in
      var reader = Reader(bytes: all, index: 4)
      // The bytes were checked (or written here), so reading cannot fail.
      if all.starts(with: Self.magic1) {
        // The old format spells every term out: all are taken, and the largest kept.
        var terms: [[Counted]] = [[], []]
        forEachTerm { n, first, second, count, _ in
          terms[n - 1].append(Counted(text: Self.text(n, first, second), count: count))
        }
        return terms.map { Array($0.sorted { $0.count > $1.count }.prefix(limit)) }
      }
      var words: [Range<Int>] = []
      let wordCount = try! reader.varint()
      words.reserveCapacity(wordCount)
      for _ in 0..<wordCount { words.append(try! reader.text()) }
      var unigrams = BoundedMinHeap<Ranked>(capacity: limit)
      for _ in 0..<(try! reader.varint()) {
        let first = try! reader.varint()
        let count = try! reader.varint()
        _ = try! reader.varint()
        unigrams.offer(Ranked(count: count, first: first, second: -1))
      }
      var bigrams = BoundedMinHeap<Ranked>(capacity: limit)
      let stepped = hasBigramSteps
      var steps = BigramSteps()
      for _ in 0..<(try! reader.varint()) {
        var (first, second) = (try! reader.varint(), try! reader.varint())
        if stepped { (first, second) = steps.decode(first, second) }
        let count = try! reader.varint()
        _ = try! reader.varint()
        bigrams.offer(Ranked(count: count, first: first, second: second))
      }
      return [unigrams, bigrams].map { kept in
        kept.elements.map { entry in
          Counted(
            text: Self.text(
              entry.second < 0 ? 1 : 2, UnsafeBufferPointer(rebasing: all[words[entry.first]]),
              entry.second < 0
                ? UnsafeBufferPointer(start: nil, count: 0)
                : UnsafeBufferPointer(rebasing: all[words[entry.second]])),
            count: entry.count)
        }
      }
    }
  }

  /// A term's text from its words.
  static func text(
    _ n: Int, _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>
  ) -> [UInt8] {
    n == 1 ? Array(first) : Array(first) + [0x20] + Array(second)
  }

  /// A term offered to ``largest(limit:)``: its count and the indices of its words (a unigram's
  /// second is -1), ordered by the count alone.
  private struct Ranked: Comparable {
    var count: Int
    var first: Int
    var second: Int

    static func < (lhs: Ranked, rhs: Ranked) -> Bool { lhs.count < rhs.count }
    static func == (lhs: Ranked, rhs: Ranked) -> Bool { lhs.count == rhs.count }
  }
}
