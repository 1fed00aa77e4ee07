import Analysis

/// Keyness of one year's terms against another year's (or several years' pooled), over every
/// term used in either.
///
/// Both years' terms are sorted by their bytes (``YearTerms``), so the union of their terms is
/// one merge: words are ranked across both years once (``SortedTerms/unionRanks(_:_:)``), then
/// unigrams and bigrams (read from the packed blobs) compare as integers. Only the terms that may
/// end up in the report are kept (``Strongest``) and spelled out.
struct YearComparison<Reference: ReferenceTerms> {
  /// The year compared.
  let target: YearTerms
  /// The year (or years) it is compared with.
  let reference: Reference

  /// A scored term: its words (in the target year if used there; a unigram's second is -1), its
  /// counts in both years, and the reference year that used it most.
  private struct Scored {
    var g2: Double
    var n: Int
    var inTarget: Bool
    var first: Int32
    var second: Int32
    var count: Int
    var referenceCount: Int
    var peakYear: Int
  }

  /// The `limit` most significant rising and falling terms.
  ///
  /// - Throws: What reading the reference's bigrams throws (a pooled reference reads them from
  ///   its shelf; a year's never fail).
  func trends(limit: Int) throws(Reference.Bigrams.Failure) -> TrendComparison {
    let tokens = target.tokens
    let referenceTokens = reference.tokens
    var rising = Strongest(limit: limit)
    var falling = Strongest(limit: limit)
    // The G² bound grows linearly with the uses: worked out once, for one use, with a margin
    // for rounding so that no term is lost.
    let perUse =
      Keyness.largestLogLikelihood(uses: 1, tokens: tokens, referenceTokens: referenceTokens)
      * (1 + 1e-9)

    // Once both lists are full, a term used fewer times in both years than this cannot reach
    // either: an integer test that settles most terms before any floating point.
    var fewestUses = 0
    func consider(
      n: Int, inTarget: Bool, _ first: Int32, _ second: Int32, _ count: UInt32,
      _ referenceCount: UInt32, peakYear: @autoclosure () -> Int
    ) {
      let (count, referenceCount) = (Int(count), Int(referenceCount))
      guard count + referenceCount >= fewestUses else { return }
      // Equal relative frequencies are neither rising nor falling.
      let targetRate = Double(count) * Double(referenceTokens)
      let referenceRate = Double(referenceCount) * Double(tokens)
      guard targetRate != referenceRate else { return }
      // Most terms are rare, and a rare term's G² cannot reach the list once it is full: its
      // logarithms are not worked out. (Each list is asked in place, not through a copy.)
      let bound = perUse * Double(count + referenceCount)
      let rises = targetRate > referenceRate
      guard !(rises ? rising.isBeyond(bound) : falling.isBeyond(bound)) else { return }
      let g2 = Keyness.logLikelihood(
        count: count, tokens: tokens, referenceCount: referenceCount,
        referenceTokens: referenceTokens)
      let scored = Scored(
        g2: g2, n: n, inTarget: inTarget, first: first, second: second, count: count,
        referenceCount: referenceCount, peakYear: referenceCount > 0 ? peakYear() : 0)
      if rises { rising.offer(scored) } else { falling.offer(scored) }
      fewestUses = min(rising.fewestUses(perUse: perUse), falling.fewestUses(perUse: perUse))
    }

    // Each distinct term of either year is considered once, in the order of the union.
    let (ranksHere, ranksThere) = SortedTerms.unionRanks(target.terms, reference.terms)
    let (unigramsHere, unigramsThere) = (target.terms.unigrams, reference.terms.unigrams)
    var (i, j) = (0, 0)
    while i < unigramsHere.count || j < unigramsThere.count {
      let a = i < unigramsHere.count ? ranksHere[Int(unigramsHere[i].word)] : .max
      let b = j < unigramsThere.count ? ranksThere[Int(unigramsThere[j].word)] : .max
      if a < b {
        consider(
          n: 1, inTarget: true, unigramsHere[i].word, -1, unigramsHere[i].count, 0, peakYear: 0)
        i += 1
      } else if a > b {
        consider(
          n: 1, inTarget: false, unigramsThere[j].word, -1, 0, unigramsThere[j].count,
          peakYear: reference.peakYear(ofWord: unigramsThere[j].word))
        j += 1
      } else {
        consider(
          n: 1, inTarget: true, unigramsHere[i].word, -1, unigramsHere[i].count,
          unigramsThere[j].count, peakYear: reference.peakYear(ofWord: unigramsThere[j].word))
        i += 1
        j += 1
      }
    }
    func key(_ ranks: [Int32], _ bigram: SortedTerms.Bigram?) -> UInt64 {
      guard let bigram else { return .max }
      return UInt64(UInt32(bitPattern: ranks[Int(bigram.first)])) << 32
        | UInt64(UInt32(bitPattern: ranks[Int(bigram.second)]))
    }
    var (here, there) = (target.bigrams.makeCursor(), reference.makeBigrams())
    var (a, b) = (here.next(), try there.next())
    // Each side's key is worked out when that side moves on.
    var (keyA, keyB) = (key(ranksHere, a), key(ranksThere, b))
    while a != nil || b != nil {
      if keyA < keyB, let bigram = a {
        consider(n: 2, inTarget: true, bigram.first, bigram.second, bigram.count, 0, peakYear: 0)
        a = here.next()
        keyA = key(ranksHere, a)
      } else if keyA > keyB, let bigram = b {
        // The reference's reader has read `bigram` last: its peak is this bigram's.
        consider(
          n: 2, inTarget: false, bigram.first, bigram.second, 0, bigram.count,
          peakYear: there.peakYear)
        b = try there.next()
        keyB = key(ranksThere, b)
      } else if let bigram = a, let other = b {
        consider(
          n: 2, inTarget: true, bigram.first, bigram.second, bigram.count, other.count,
          peakYear: there.peakYear)
        (a, b) = (here.next(), try there.next())
        (keyA, keyB) = (key(ranksHere, a), key(ranksThere, b))
      }
    }

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
            referenceTokens: referenceTokens),
          referencePeak: Reference.isPooled && term.referenceCount > 0 ? term.peakYear : nil)
      }
    }
    return TrendComparison(
      year: target.year, referenceYears: reference.years, tokens: tokens,
      referenceTokens: referenceTokens,
      rising: strongest(rising, .rising), falling: strongest(falling, .falling))
  }

  /// The terms offered whose G² may be among the `limit` best, found in one pass.
  private struct Strongest {
    private var heap: BoundedMinHeap<Double>
    private var kept: [Scored] = []

    init(limit: Int) { heap = BoundedMinHeap(capacity: limit) }

    /// Whether every term with a G² below `bound` is out of the list already.
    func isBeyond(_ bound: Double) -> Bool {
      heap.capacity == 0 || (heap.isFull && bound < heap.minimum)
    }

    /// The fewest uses (in both years) that a term needs for its largest possible G²,
    /// `perUse` per use, to reach the list: 0 until the list is full, and rounded down, so that
    /// every term with fewer is ``isBeyond(_:)`` (`perUse` carries a margin for rounding).
    func fewestUses(perUse: Double) -> Int {
      if heap.capacity == 0 { return .max }
      guard heap.isFull, perUse > 0 else { return 0 }
      let uses = (heap.minimum / perUse).rounded(.down)
      return uses < Double(Int.max / 2) ? Int(uses) : Int.max / 2
    }

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
    term.inTarget
      ? target.text(n: term.n, term.first, term.second)
      : reference.text(n: term.n, term.first, term.second)
  }
}
