import Analysis

/// Keyness of one year's terms against another year's, over every term used in either year.
///
/// Both years' terms are sorted by their bytes (``YearTerms``), so the union of their terms is
/// one merge of the two arrays: words are ranked across both years once
/// (``SortedTerms/unionRanks(_:_:)``), then unigrams and bigrams compare as integers. Only the
/// terms that may end up in the report are kept (``Strongest``) and spelled out.
struct YearComparison {
  /// The year compared.
  let target: YearTerms
  /// The year it is compared with.
  let reference: YearTerms

  /// A scored term: where it is (in the target year if used there) and its counts in both years.
  private struct Scored {
    var g2: Double
    var n: Int
    var inTarget: Bool
    var index: Int
    var count: Int
    var referenceCount: Int
  }

  /// The `limit` most significant rising and falling terms.
  func trends(limit: Int) -> TrendComparison {
    let tokens = target.tokens
    let referenceTokens = reference.tokens
    var rising = Strongest(limit: limit)
    var falling = Strongest(limit: limit)

    func consider(n: Int, inTarget: Bool, _ index: Int, _ count: Int, _ referenceCount: Int) {
      // Equal relative frequencies are neither rising nor falling.
      let targetRate = Double(count) * Double(referenceTokens)
      let referenceRate = Double(referenceCount) * Double(tokens)
      guard targetRate != referenceRate else { return }
      let g2 = Keyness.logLikelihood(
        count: count, tokens: tokens, referenceCount: referenceCount,
        referenceTokens: referenceTokens)
      let scored = Scored(
        g2: g2, n: n, inTarget: inTarget, index: index, count: count,
        referenceCount: referenceCount)
      if targetRate > referenceRate { rising.offer(scored) } else { falling.offer(scored) }
    }

    /// Merges two sorted runs of keys, calling `consider` once per distinct key.
    func merge(
      n: Int, _ here: Int, _ there: Int, key: (Bool, Int) -> UInt64, counts: (Bool, Int) -> Int
    ) {
      var (i, j) = (0, 0)
      while i < here || j < there {
        let a = i < here ? key(true, i) : .max
        let b = j < there ? key(false, j) : .max
        if a < b {
          consider(n: n, inTarget: true, i, counts(true, i), 0)
          i += 1
        } else if a > b {
          consider(n: n, inTarget: false, j, 0, counts(false, j))
          j += 1
        } else {
          consider(n: n, inTarget: true, i, counts(true, i), counts(false, j))
          i += 1
          j += 1
        }
      }
    }

    let (ranksHere, ranksThere) = SortedTerms.unionRanks(target.terms, reference.terms)
    let (unigramsHere, unigramsThere) = (target.terms.unigrams, reference.terms.unigrams)
    merge(
      n: 1, unigramsHere.count, unigramsThere.count,
      key: { here, index in
        UInt64(
          here
            ? ranksHere[Int(unigramsHere[index].word)] : ranksThere[Int(unigramsThere[index].word)])
      },
      counts: { here, index in Int(here ? unigramsHere[index].count : unigramsThere[index].count) })
    let (bigramsHere, bigramsThere) = (target.terms.bigrams, reference.terms.bigrams)
    merge(
      n: 2, bigramsHere.count, bigramsThere.count,
      key: { here, index in
        let (ranks, bigram) =
          here ? (ranksHere, bigramsHere[index]) : (ranksThere, bigramsThere[index])
        return UInt64(ranks[Int(bigram.first)]) << 32 | UInt64(ranks[Int(bigram.second)])
      },
      counts: { here, index in Int(here ? bigramsHere[index].count : bigramsThere[index].count) })

    func strongest(_ scored: Strongest, _ direction: TrendTerm.Direction) -> [TrendTerm] {
      let candidates = scored.candidates.map { ($0, text($0)) }.sorted { lhs, rhs in
        if lhs.0.g2 != rhs.0.g2 { return lhs.0.g2 > rhs.0.g2 }
        if lhs.0.n != rhs.0.n { return lhs.0.n < rhs.0.n }
        return lhs.1.lexicographicallyPrecedes(rhs.1)
      }
      return candidates.prefix(limit).map { term, text in
        TrendTerm(
          text: String(decoding: text, as: UTF8.self), n: term.n, direction: direction,
          count: term.count, referenceCount: term.referenceCount, logLikelihood: term.g2,
          logRatio: Keyness.logRatio(
            count: term.count, tokens: tokens, referenceCount: term.referenceCount,
            referenceTokens: referenceTokens))
      }
    }
    return TrendComparison(
      year: target.year, reference: reference.year, tokens: tokens,
      referenceTokens: referenceTokens,
      rising: strongest(rising, .rising), falling: strongest(falling, .falling))
  }

  /// The terms offered whose G² may be among the `limit` best, found in one pass.
  private struct Strongest {
    private var heap: Selection.MinHeap
    private var kept: [Scored] = []

    init(limit: Int) { heap = Selection.MinHeap(capacity: limit) }

    mutating func offer(_ term: Scored) {
      guard heap.capacity > 0 else { return }
      // The heap's minimum only grows, so what is below it now stays out of the final list.
      if !heap.isFull || term.g2 >= heap.minimum { kept.append(term) }
      heap.offer(term.g2)
    }

    /// Every term at or above the `limit`-th best G².
    var candidates: [Scored] {
      guard heap.isFull else { return kept }
      return kept.filter { $0.g2 >= heap.minimum }
    }
  }

  private func text(_ term: Scored) -> [UInt8] {
    (term.inTarget ? target : reference).text(n: term.n, term.index)
  }
}
