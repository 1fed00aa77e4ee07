extension SortedTerms {
  /// The terms of `a` and `b` together, counts and documents added: the figures of two sets of
  /// disjoint documents of one year, in byte order like each of them.
  ///
  /// One merge of the two sorted word lists, then of the two sorted unigram and bigram lists;
  /// no hash table, and memory for the result only.
  public static func merged(_ a: SortedTerms, _ b: SortedTerms) -> SortedTerms {
    let (ranksA, ranksB) = unionRanks(a, b)

    // The union of the words, in rank (so byte) order.
    var arena: [UInt8] = []
    arena.reserveCapacity(max(a.arena.count, b.arena.count))
    var starts: [Int32] = [0]
    starts.reserveCapacity(max(a.wordCount, b.wordCount) + 1)
    var (i, j) = (0, 0)
    while i < a.wordCount || j < b.wordCount {
      let takeA = i < a.wordCount && (j == b.wordCount || ranksA[i] <= ranksB[j])
      if takeA {
        arena += a.word(Int32(i))
        if j < b.wordCount && ranksB[j] == ranksA[i] { j += 1 }
        i += 1
      } else {
        arena += b.word(Int32(j))
        j += 1
      }
      starts.append(Int32(arena.count))
    }

    let unigrams = mergeSorted(
      a.unigrams, b.unigrams,
      key: { UInt64(UInt32(bitPattern: ranksA[Int($0.word)])) },
      otherKey: { UInt64(UInt32(bitPattern: ranksB[Int($0.word)])) },
      renumber: { unigram, key in unigram.word = Int32(truncatingIfNeeded: key) })
    let bigrams = mergeSorted(
      a.bigrams, b.bigrams,
      key: { Self.pairKey(ranksA[Int($0.first)], ranksA[Int($0.second)]) },
      otherKey: { Self.pairKey(ranksB[Int($0.first)], ranksB[Int($0.second)]) },
      renumber: { bigram, key in
        bigram.first = Int32(truncatingIfNeeded: key >> 32)
        bigram.second = Int32(truncatingIfNeeded: key)
      })
    return SortedTerms(
      arena: arena, starts: starts, unigrams: unigrams, bigrams: bigrams, sorted: true)
  }

  /// Two word ranks as one integer that orders by the first, then the second.
  private static func pairKey(_ first: Int32, _ second: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
  }

  /// Merges two lists sorted by `key` and `otherKey`, renumbering every element to its key and
  /// adding up the counts and documents of elements whose keys are equal.
  private static func mergeSorted<Element: Counted>(
    _ a: [Element], _ b: [Element], key: (Element) -> UInt64, otherKey: (Element) -> UInt64,
    renumber: (inout Element, UInt64) -> Void
  ) -> [Element] {
    var result: [Element] = []
    result.reserveCapacity(max(a.count, b.count))
    var (i, j) = (0, 0)
    while i < a.count || j < b.count {
      let keyA = i < a.count ? key(a[i]) : UInt64.max
      let keyB = j < b.count ? otherKey(b[j]) : UInt64.max
      var element: Element
      if i < a.count && keyA <= keyB {
        element = a[i]
        i += 1
        if j < b.count && keyB == keyA {
          element.count &+= b[j].count
          element.documents &+= b[j].documents
          j += 1
        }
        renumber(&element, keyA)
      } else {
        element = b[j]
        j += 1
        renumber(&element, keyB)
      }
      result.append(element)
    }
    return result
  }
}

/// A unigram or a bigram: something with a count and a document count to add up.
private protocol Counted {
  var count: UInt32 { get set }
  var documents: UInt32 { get set }
}

extension SortedTerms.Unigram: Counted {}
extension SortedTerms.Bigram: Counted {}
