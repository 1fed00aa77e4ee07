import Analysis

/// Keyness of one year's terms against another year's, over every term used in either year.
///
/// Each year comes unpacked on its own (``YearTerms``); a term is matched across the two by its
/// words' bytes, each word looked up once. Only the terms that end up in the report are spelled
/// out: selection finds the `limit`-th best G² first (a bounded min-heap) and sorts only the
/// terms at or above it, so tie-breaks on bytes run on a handful of terms.
struct YearComparison {
  /// The year compared.
  let target: YearTerms
  /// The year it is compared with.
  let reference: YearTerms

  /// A scored term: its ids in the year it was found in first, and its counts in both years.
  private struct Scored {
    var g2: Double
    var key: YearTerms.Key
    var inTarget: Bool
    var count: Int
    var referenceCount: Int
  }

  /// The `limit` most significant rising and falling terms.
  func trends(limit: Int) -> TrendComparison {
    let tokens = target.tokens
    let referenceTokens = reference.tokens
    // Only terms that may still be among the `limit` strongest are kept: a term whose G² is
    // below the `limit`-th best seen so far can never make the list.
    var rising = Strongest(limit: limit)
    var falling = Strongest(limit: limit)

    func consider(_ key: YearTerms.Key, inTarget: Bool, _ count: Int, _ referenceCount: Int) {
      // Equal relative frequencies are neither rising nor falling.
      let targetRate = Double(count) * Double(referenceTokens)
      let referenceRate = Double(referenceCount) * Double(tokens)
      guard targetRate != referenceRate else { return }
      let g2 = Keyness.logLikelihood(
        count: count, tokens: tokens, referenceCount: referenceCount,
        referenceTokens: referenceTokens)
      let scored = Scored(
        g2: g2, key: key, inTarget: inTarget, count: count, referenceCount: referenceCount)
      if targetRate > referenceRate { rising.offer(scored) } else { falling.offer(scored) }
    }
    let toReference = target.ids(in: reference)
    let toTarget = reference.ids(in: target)
    for (packed, tally) in target.tally.unigrams {
      let key = YearTerms.Key(unigram: packed)
      let there = YearTerms.translate(key, toReference).map { reference.tally($0).count } ?? 0
      consider(key, inTarget: true, tally.count, there)
    }
    for (packed, tally) in target.tally.bigrams {
      let key = YearTerms.Key(bigram: packed)
      let there = YearTerms.translate(key, toReference).map { reference.tally($0).count } ?? 0
      consider(key, inTarget: true, tally.count, there)
    }
    // Terms of the reference year that the target year never uses.
    for (packed, tally) in reference.tally.unigrams {
      let key = YearTerms.Key(unigram: packed)
      if let here = YearTerms.translate(key, toTarget), target.tally(here).count > 0 { continue }
      consider(key, inTarget: false, 0, tally.count)
    }
    for (packed, tally) in reference.tally.bigrams {
      let key = YearTerms.Key(bigram: packed)
      if let here = YearTerms.translate(key, toTarget), target.tally(here).count > 0 { continue }
      consider(key, inTarget: false, 0, tally.count)
    }

    func strongest(_ scored: Strongest, _ direction: TrendTerm.Direction) -> [TrendTerm] {
      let candidates = scored.candidates.map { ($0, bytes($0)) }.sorted {
        lhs, rhs in
        if lhs.0.g2 != rhs.0.g2 { return lhs.0.g2 > rhs.0.g2 }
        if lhs.0.key.n != rhs.0.key.n { return lhs.0.key.n < rhs.0.key.n }
        return lhs.1.lexicographicallyPrecedes(rhs.1)
      }
      return candidates.prefix(limit).map { term, text in
        TrendTerm(
          text: String(decoding: text, as: UTF8.self), n: term.key.n, direction: direction,
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

  private func bytes(_ term: Scored) -> [UInt8] {
    term.inTarget ? target.bytes(term.key) : reference.bytes(term.key)
  }
}
