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
