extension SortedTerms {
  /// Sorts terms whose words are term ids of `vocabulary`: the same as copying each word the
  /// terms name into an arena and sorting that (``init(arena:starts:unigrams:bigrams:sorted:)``),
  /// but the words are ordered where the vocabulary holds them and copied once, in byte order.
  ///
  /// Words that no term names are left out; terms with a zero count are left out too.
  /// `leftover` is given the room the bigrams came in, emptied, when they are moved out of it
  /// (``renumber(_:_:by:words:)``), or an empty array.
  init(
    vocabulary: Vocabulary, unigrams: consuming [Unigram], bigrams: consuming [Bigram],
    leftover: inout [Bigram]
  ) {
    // Term id → the word's index among the year's words, in byte order; -1 when unnamed.
    var ranks = [Int32](repeating: -1, count: vocabulary.count)
    // By index: a `for` over the arrays would consume them.
    for index in unigrams.indices { ranks[Int(unigrams[index].word)] = 0 }
    for index in bigrams.indices {
      ranks[Int(bigrams[index].first)] = 0
      ranks[Int(bigrams[index].second)] = 0
    }
    var ids: [Int32] = []
    for id in ranks.indices where ranks[id] == 0 { ids.append(Int32(id)) }
    let (arena, starts) = vocabulary.withStorage { storage in
      func word(_ id: Int32) -> UnsafeBufferPointer<UInt8> { storage[Int(id)] }
      let order = Self.byteOrder(count: ids.count) { word(ids[$0]) }
      var arena: [UInt8] = []
      arena.reserveCapacity(ids.reduce(0) { $0 + word($1).count })
      var starts: [Int32] = [0]
      starts.reserveCapacity(ids.count + 1)
      for (position, index) in order.enumerated() {
        let id = ids[Int(index)]
        ranks[Int(id)] = Int32(position)
        arena.append(contentsOf: word(id))
        starts.append(Int32(arena.count))
      }
      return (arena, starts)
    }
    leftover = Self.renumber(&unigrams, &bigrams, by: ranks, words: ids.count)
    self.init(arena: arena, starts: starts, unigrams: unigrams, bigrams: bigrams, sorted: true)
  }
}
