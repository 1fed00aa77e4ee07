import Analysis

/// Every unigram and bigram with its counts per year, keyed for ranking and comparison.
struct TermTable {
  /// One term's figures: the text, its size and a tally per year (aligned with `years`).
  struct Row {
    var text: String
    var n: Int
    var total: TermTally
    var perYear: [TermTally]
  }

  let years: [Int]
  let yearTokens: [Int]
  private(set) var rows: [Row] = []

  init(statistics: CorpusStatistics, years: [Int]) {
    self.years = years
    yearTokens = years.map { statistics.years[$0]!.tokens }
    let vocabulary = statistics.vocabulary
    let tallies = years.map { statistics.years[$0]! }

    for id in 0..<vocabulary.count where !statistics.isStopword[id] {
      let perYear = tallies.map { $0.unigram(Int32(id)) }
      var total = TermTally()
      for tally in perYear { total.add(tally) }
      guard total.count > 0 else { continue }
      rows.append(Row(text: vocabulary.string(Int32(id)), n: 1, total: total, perYear: perYear))
    }
    var bigramKeys = Set<BigramKey>()
    for tally in tallies { bigramKeys.formUnion(tally.bigrams.keys) }
    for key in bigramKeys {
      let perYear = tallies.map { $0.bigrams[key] ?? TermTally() }
      var total = TermTally()
      for tally in perYear { total.add(tally) }
      let text = vocabulary.string(key.first) + " " + vocabulary.string(key.second)
      rows.append(Row(text: text, n: 2, total: total, perYear: perYear))
    }
  }

  /// The most frequent terms of size `n`, with rates per 10,000 tokens.
  func top(n: Int, limit: Int, totalTokens: Int) -> [TermEntry] {
    let ranked = rows.filter { $0.n == n }.sorted { lhs, rhs in
      if lhs.total.count != rhs.total.count { return lhs.total.count > rhs.total.count }
      if lhs.total.documents != rhs.total.documents {
        return lhs.total.documents > rhs.total.documents
      }
      return lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8)
    }
    return ranked.prefix(limit).map { row in
      TermEntry(
        text: row.text, n: row.n, count: row.total.count, documents: row.total.documents,
        perTenThousand: rate(row.total.count, totalTokens),
        years: zip(years.indices, years).map { index, year in
          TermYear(
            year: year, count: row.perYear[index].count,
            documents: row.perYear[index].documents,
            perTenThousand: rate(row.perYear[index].count, yearTokens[index]))
        })
    }
  }

  /// Keyness of `year` against `reference` over every term used in either.
  func comparison(year: Int, reference: Int, limit: Int) -> TrendComparison {
    let target = years.firstIndex(of: year)!
    let base = years.firstIndex(of: reference)!
    let tokens = yearTokens[target]
    let referenceTokens = yearTokens[base]
    var rising: [TrendTerm] = []
    var falling: [TrendTerm] = []
    for row in rows {
      let count = row.perYear[target].count
      let referenceCount = row.perYear[base].count
      guard count + referenceCount > 0 else { continue }
      let g2 = Keyness.logLikelihood(
        count: count, tokens: tokens, referenceCount: referenceCount,
        referenceTokens: referenceTokens)
      let ratio = Keyness.logRatio(
        count: count, tokens: tokens, referenceCount: referenceCount,
        referenceTokens: referenceTokens)
      // Equal relative frequencies (G² = 0) are neither rising nor falling.
      let targetRate = Double(count) * Double(referenceTokens)
      let referenceRate = Double(referenceCount) * Double(tokens)
      guard targetRate != referenceRate else { continue }
      let term = TrendTerm(
        text: row.text, n: row.n, direction: targetRate > referenceRate ? .rising : .falling,
        count: count, referenceCount: referenceCount, logLikelihood: g2, logRatio: ratio)
      if term.direction == .rising { rising.append(term) } else { falling.append(term) }
    }
    func strongest(_ terms: [TrendTerm]) -> [TrendTerm] {
      Array(
        terms.sorted { lhs, rhs in
          if lhs.logLikelihood != rhs.logLikelihood { return lhs.logLikelihood > rhs.logLikelihood }
          if lhs.n != rhs.n { return lhs.n < rhs.n }
          return lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8)
        }.prefix(limit))
    }
    return TrendComparison(
      year: year, reference: reference, tokens: tokens, referenceTokens: referenceTokens,
      rising: strongest(rising), falling: strongest(falling))
  }

  private func rate(_ count: Int, _ tokens: Int) -> Double {
    tokens > 0 ? Double(count) * 10_000 / Double(tokens) : 0
  }
}
