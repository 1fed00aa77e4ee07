import Analysis

/// Ranks terms and compares years over the statistics' term ids, without building a string or
/// a row per term: only the terms that end up in the report are spelled out.
///
/// Selection finds the k-th best score first (a bounded min-heap over integers or doubles) and
/// sorts only the candidates at or above it, so tie-breaks on the terms' bytes run on a handful of
/// terms, not on the whole vocabulary.
struct TermTable: Sendable {
  let statistics: CorpusStatistics
  let years: [Int]
  let tallies: [YearTally]
  let yearTokens: [Int]

  init(statistics: CorpusStatistics, years: [Int]) {
    self.statistics = statistics
    self.years = years
    tallies = years.map { statistics.years[$0]! }
    yearTokens = tallies.map(\.tokens)
  }

  /// A unigram (`second == -1`) or a bigram, by term ids.
  struct Key: Hashable {
    var first: Int32
    var second: Int32
    var n: Int { second < 0 ? 1 : 2 }

    /// The unigram of a ``YearTally/unigrams`` key.
    init(unigram key: UInt64) {
      first = UnigramKey.id(key)
      second = -1
    }

    /// The bigram of a ``YearTally/bigrams`` key.
    init(bigram key: UInt64) {
      let pair = BigramKey(packed: key)
      first = pair.first
      second = pair.second
    }
  }

  func bytesPrecede(_ lhs: Key, _ rhs: Key) -> Bool {
    let vocabulary = statistics.vocabulary
    let a = vocabulary.bytes(lhs.first)
    let b = vocabulary.bytes(rhs.first)
    // Words hold no byte below 0x27, so "w1 w2" orders exactly as the pair (w1, w2).
    if a != b { return a.lexicographicallyPrecedes(b) }
    if lhs.second < 0 || rhs.second < 0 { return lhs.second < rhs.second }
    return vocabulary.bytes(lhs.second).lexicographicallyPrecedes(vocabulary.bytes(rhs.second))
  }

  func text(_ key: Key) -> String {
    let first = statistics.vocabulary.string(key.first)
    return key.second < 0 ? first : first + " " + statistics.vocabulary.string(key.second)
  }

  func tally(_ key: Key, year index: Int) -> TermTally {
    key.second < 0
      ? tallies[index].unigram(key.first)
      : tallies[index].bigrams[BigramKey(key.first, key.second).packed] ?? TermTally()
  }

  /// The most frequent terms of size `n`, with rates per 10,000 tokens.
  ///
  /// Exact, without a table of every term's total: the totals of each year's `limit` most
  /// frequent terms give a lower bound `b` on the `limit`-th largest total, and a term whose
  /// total reaches `b` must reach `b / years` in at least one year (otherwise its sum over the
  /// years stays below `b`). Only those candidates are summed, so time is a pass over each year's
  /// table and memory is independent of the vocabulary.
  func top(n: Int, limit: Int, totalTokens: Int) -> [TermEntry] {
    guard limit > 0 else { return [] }
    let tables = tallies.map { n == 1 ? $0.unigrams : $0.bigrams }
    func total(_ key: UInt64) -> TermTally {
      var sum = TermTally()
      for table in tables { if let tally = table[key] { sum.add(tally) } }
      return sum
    }
    var seeds = Set<UInt64>()
    for table in tables { seeds.formUnion(Self.largest(table, keep: limit)) }
    let bound = Selection.threshold(seeds.lazy.map { Double(total($0).count) }, keep: limit)
    let yearCount = Double(tables.count)
    var totals: [Key: TermTally] = [:]
    for table in tables {
      for (key, tally) in table where Double(tally.count) * yearCount >= bound {
        let term = n == 1 ? Key(unigram: key) : Key(bigram: key)
        if totals[term] == nil { totals[term] = total(key) }
      }
    }
    let threshold = Selection.threshold(totals.values.lazy.map { Double($0.count) }, keep: limit)
    totals = totals.filter { Double($0.value.count) >= threshold }
    let ranked = totals.keys.sorted { lhs, rhs in
      let left = totals[lhs]!
      let right = totals[rhs]!
      if left.count != right.count { return left.count > right.count }
      if left.documents != right.documents { return left.documents > right.documents }
      return bytesPrecede(lhs, rhs)
    }
    return ranked.prefix(limit).map { key in
      let total = totals[key]!
      return TermEntry(
        text: text(key), n: key.n, count: total.count, documents: total.documents,
        perTenThousand: rate(total.count, totalTokens),
        years: years.indices.map { index in
          let tally = tally(key, year: index)
          return TermYear(
            year: years[index], count: tally.count, documents: tally.documents,
            perTenThousand: rate(tally.count, yearTokens[index]))
        })
    }
  }

  /// The keys of the `keep` largest counts of `table` (ties at the cut: any of them).
  static func largest(_ table: TallyTable, keep: Int) -> [UInt64] {
    let threshold = Selection.threshold(table.lazy.map { Double($0.value.count) }, keep: keep)
    var above: [UInt64] = []
    var at: [UInt64] = []
    for (key, tally) in table {
      let count = Double(tally.count)
      if count > threshold {
        above.append(key)
      } else if count == threshold && at.count < keep {
        at.append(key)
      }
    }
    return above + at.prefix(keep - above.count)
  }

  /// Keyness of `year` against `reference` over every term used in either year.
  func comparison(year: Int, reference: Int, limit: Int) -> TrendComparison {
    let target = years.firstIndex(of: year)!
    let base = years.firstIndex(of: reference)!
    let tokens = yearTokens[target]
    let referenceTokens = yearTokens[base]
    var rising: [(Double, Key)] = []
    var falling: [(Double, Key)] = []

    func consider(_ key: Key, _ count: Int, _ referenceCount: Int) {
      // Equal relative frequencies are neither rising nor falling.
      let targetRate = Double(count) * Double(referenceTokens)
      let referenceRate = Double(referenceCount) * Double(tokens)
      guard targetRate != referenceRate else { return }
      let g2 = Keyness.logLikelihood(
        count: count, tokens: tokens, referenceCount: referenceCount,
        referenceTokens: referenceTokens)
      if targetRate > referenceRate { rising.append((g2, key)) } else { falling.append((g2, key)) }
    }
    let a = tallies[target]
    let b = tallies[base]
    for (key, tally) in a.unigrams {
      consider(Key(unigram: key), tally.count, b.unigrams[key]?.count ?? 0)
    }
    for (key, tally) in b.unigrams where a.unigrams[key] == nil {
      consider(Key(unigram: key), 0, tally.count)
    }
    for (key, tally) in a.bigrams {
      consider(Key(bigram: key), tally.count, b.bigrams[key]?.count ?? 0)
    }
    for (key, tally) in b.bigrams where a.bigrams[key] == nil {
      consider(Key(bigram: key), 0, tally.count)
    }

    func strongest(_ scored: [(Double, Key)], _ direction: TrendTerm.Direction) -> [TrendTerm] {
      let threshold = Selection.threshold(scored.lazy.map(\.0), keep: limit)
      let candidates = scored.filter { $0.0 >= threshold }.sorted { lhs, rhs in
        if lhs.0 != rhs.0 { return lhs.0 > rhs.0 }
        if lhs.1.n != rhs.1.n { return lhs.1.n < rhs.1.n }
        return bytesPrecede(lhs.1, rhs.1)
      }
      return candidates.prefix(limit).map { g2, key in
        let count = tally(key, year: target).count
        let referenceCount = tally(key, year: base).count
        return TrendTerm(
          text: text(key), n: key.n, direction: direction, count: count,
          referenceCount: referenceCount, logLikelihood: g2,
          logRatio: Keyness.logRatio(
            count: count, tokens: tokens, referenceCount: referenceCount,
            referenceTokens: referenceTokens))
      }
    }
    return TrendComparison(
      year: year, reference: reference, tokens: tokens, referenceTokens: referenceTokens,
      rising: strongest(rising, .rising), falling: strongest(falling, .falling))
  }

  private func rate(_ count: Int, _ tokens: Int) -> Double {
    tokens > 0 ? Double(count) * 10_000 / Double(tokens) : 0
  }
}

/// Finds the score that the `keep`-th best item reaches.
enum Selection {
  /// The `keep`-th largest of `scores` (−∞ when there are fewer, or when `keep` is 0 the
  /// largest plus one, so nothing is kept).
  static func threshold(_ scores: some Sequence<Double>, keep: Int) -> Double {
    guard keep > 0 else { return .infinity }
    var heap = MinHeap(capacity: keep)
    for score in scores { heap.offer(score) }
    return heap.isFull ? heap.minimum : -.infinity
  }

  /// A fixed-capacity min-heap of the largest values offered.
  struct MinHeap {
    private var values: [Double] = []
    let capacity: Int
    init(capacity: Int) {
      self.capacity = capacity
      values.reserveCapacity(capacity)
    }
    var isFull: Bool { values.count == capacity }
    var minimum: Double { values[0] }

    mutating func offer(_ value: Double) {
      if values.count < capacity {
        values.append(value)
        var child = values.count - 1
        while child > 0 {
          let parent = (child - 1) / 2
          guard values[child] < values[parent] else { break }
          values.swapAt(child, parent)
          child = parent
        }
      } else if value > values[0] {
        values[0] = value
        var parent = 0
        while true {
          let left = 2 * parent + 1
          let right = left + 1
          var smallest = parent
          if left < values.count && values[left] < values[smallest] { smallest = left }
          if right < values.count && values[right] < values[smallest] { smallest = right }
          if smallest == parent { break }
          values.swapAt(parent, smallest)
          parent = smallest
        }
      }
    }
  }
}
