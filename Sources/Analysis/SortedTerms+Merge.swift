import CPrefetch

extension SortedTerms {
  /// The terms of `a` and `b` together, counts and documents added: the figures of two sets of
  /// disjoint documents of one year, in byte order like each of them.
  ///
  /// One merge of the two sorted word lists, then of the two sorted unigram and bigram lists;
  /// no hash table, and memory for the result only.
  public static func merged(_ a: SortedTerms, _ b: SortedTerms) -> SortedTerms {
    var result = Collected(reserving: a, b)
    merge(a, b, into: &result)
    return SortedTerms(
      arena: result.arena, starts: result.starts, unigrams: result.unigrams,
      bigrams: result.bigrams, sorted: true)
  }

  /// Like ``merged(_:_:)``, but packed as a version 4 blob as the merge goes, so that the merged
  /// terms are never held unpacked: the blob of a year is several times smaller than its arrays.
  public static func mergedBlob(_ a: SortedTerms, _ b: SortedTerms) -> TermBlob {
    // Room for the sum of both, an upper bound of the union: growing would copy what is written.
    var builder = TermBlob.Builder(
      words: a.wordCount + b.wordCount, wordBytes: a.arena.count + b.arena.count,
      unigrams: a.unigrams.count + b.unigrams.count, bigrams: a.bigrams.count + b.bigrams.count)
    merge(a, b, into: &builder)
    return builder.finish()
  }

  /// Merges `a` and `b` into `sink`: the words of both in byte order, each once, then the
  /// unigrams and bigrams in order, numbered by those words and added up where they are equal.
  private static func merge<Sink: TermSink>(
    _ a: SortedTerms, _ b: SortedTerms, into sink: inout Sink
  ) {
    let (ranksA, ranksB) = unionRanks(a, b)

    // The union of the words, in rank (so byte) order: a word's rank is its index.
    a.arena.withUnsafeBufferPointer { bytesA in
      b.arena.withUnsafeBufferPointer { bytesB in
        var (i, j) = (0, 0)
        while i < a.wordCount || j < b.wordCount {
          if i < a.wordCount && (j == b.wordCount || ranksA[i] <= ranksB[j]) {
            sink.take(word: Self.bytes(of: i, bytesA, a.starts))
            if j < b.wordCount && ranksB[j] == ranksA[i] { j += 1 }
            i += 1
          } else {
            sink.take(word: Self.bytes(of: j, bytesB, b.starts))
            j += 1
          }
        }
      }
    }

    // Unigrams are in word order, so their ranks are read in order too.
    mergeSorted(
      a.unigrams, b.unigrams,
      key: { UInt64(UInt32(bitPattern: ranksA[Int($0.word)])) },
      otherKey: { UInt64(UInt32(bitPattern: ranksB[Int($0.word)])) },
      ahead: { _ in }, otherAhead: { _ in },
      emit: { unigram, key in
        unigram.word = Int32(truncatingIfNeeded: key)
        sink.take(unigram)
      })
    // A bigram's second word's rank is anywhere in the ranks: it is asked for as the bigram
    // comes within ``rankDistance`` of the head of its list.
    ranksA.withUnsafeBufferPointer { ranksA in
      ranksB.withUnsafeBufferPointer { ranksB in
        mergeSorted(
          a.bigrams, b.bigrams,
          key: { Self.pairKey(ranksA[Int($0.first)], ranksA[Int($0.second)]) },
          otherKey: { Self.pairKey(ranksB[Int($0.first)], ranksB[Int($0.second)]) },
          ahead: { almanac_prefetch(ranksA.baseAddress! + Int($0.second)) },
          otherAhead: { almanac_prefetch(ranksB.baseAddress! + Int($0.second)) },
          emit: { bigram, key in
            bigram.first = Int32(truncatingIfNeeded: key >> 32)
            bigram.second = Int32(truncatingIfNeeded: key)
            sink.take(bigram)
          })
      }
    }
  }

  /// How many terms ahead of the head of each list a merge asks for what their key needs.
  static let rankDistance = 16

  /// The bytes of word `index` of an arena.
  private static func bytes(
    of index: Int, _ arena: UnsafeBufferPointer<UInt8>, _ starts: [Int32]
  ) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: arena[Int(starts[index])..<Int(starts[index + 1])])
  }

  /// Two word ranks as one integer that orders by the first, then the second.
  private static func pairKey(_ first: Int32, _ second: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
  }

  /// Merges two lists sorted by `key` and `otherKey`, handing each element to `emit` with its
  /// key (to be renumbered by), the counts and documents of elements with equal keys added up.
  /// `ahead` and `otherAhead` are called with each element ``rankDistance`` before its key is
  /// (to ask for what the key reads).
  private static func mergeSorted<Element: Counted>(
    _ a: [Element], _ b: [Element], key: (Element) -> UInt64, otherKey: (Element) -> UInt64,
    ahead: (Element) -> Void, otherAhead: (Element) -> Void,
    emit: (inout Element, UInt64) -> Void
  ) {
    let distance = rankDistance
    for index in 0..<min(distance, a.count) { ahead(a[index]) }
    for index in 0..<min(distance, b.count) { otherAhead(b[index]) }
    var (i, j) = (0, 0)
    while i < a.count || j < b.count {
      let keyA = i < a.count ? key(a[i]) : UInt64.max
      let keyB = j < b.count ? otherKey(b[j]) : UInt64.max
      var element: Element
      if i < a.count && keyA <= keyB {
        element = a[i]
        if i + distance < a.count { ahead(a[i + distance]) }
        i += 1
        if j < b.count && keyB == keyA {
          element.count &+= b[j].count
          element.documents &+= b[j].documents
          if j + distance < b.count { otherAhead(b[j + distance]) }
          j += 1
        }
        emit(&element, keyA)
      } else {
        element = b[j]
        if j + distance < b.count { otherAhead(b[j + distance]) }
        j += 1
        emit(&element, keyB)
      }
    }
  }
}

/// Where a merge of sorted terms goes: words in byte order, then unigrams and bigrams in order.
private protocol TermSink {
  mutating func take(word bytes: UnsafeBufferPointer<UInt8>)
  mutating func take(_ unigram: SortedTerms.Unigram)
  mutating func take(_ bigram: SortedTerms.Bigram)
}

/// A merge held as the arrays of a ``SortedTerms``.
private struct Collected: TermSink {
  var arena: [UInt8] = []
  var starts: [Int32] = [0]
  var unigrams: [SortedTerms.Unigram] = []
  var bigrams: [SortedTerms.Bigram] = []

  /// Room for at least the larger of `a` and `b`.
  init(reserving a: SortedTerms, _ b: SortedTerms) {
    arena.reserveCapacity(max(a.arena.count, b.arena.count))
    starts.reserveCapacity(max(a.wordCount, b.wordCount) + 1)
    unigrams.reserveCapacity(max(a.unigrams.count, b.unigrams.count))
    bigrams.reserveCapacity(max(a.bigrams.count, b.bigrams.count))
  }

  mutating func take(word bytes: UnsafeBufferPointer<UInt8>) {
    arena.append(contentsOf: bytes)
    starts.append(Int32(arena.count))
  }
  mutating func take(_ unigram: SortedTerms.Unigram) { unigrams.append(unigram) }
  mutating func take(_ bigram: SortedTerms.Bigram) { bigrams.append(bigram) }
}

/// A merge packed as it goes.
extension TermBlob.Builder: TermSink {
  fileprivate mutating func take(word bytes: UnsafeBufferPointer<UInt8>) { _ = addWord(bytes) }
  fileprivate mutating func take(_ unigram: SortedTerms.Unigram) {
    addUnigram(Int(unigram.word), count: Int(unigram.count), documents: Int(unigram.documents))
  }
  fileprivate mutating func take(_ bigram: SortedTerms.Bigram) {
    addBigram(
      Int(bigram.first), Int(bigram.second), count: Int(bigram.count),
      documents: Int(bigram.documents))
  }
}

/// A unigram or a bigram: something with a count and a document count to add up.
private protocol Counted {
  var count: UInt32 { get set }
  var documents: UInt32 { get set }
}

extension SortedTerms.Unigram: Counted {}
extension SortedTerms.Bigram: Counted {}
