import Analysis

/// The organizations and pairs a report lists, ranked and bounded.
extension ReportBuilder {
  /// `trends` with each organization's latest documents in the year its lines come from,
  /// asked of `source` for those organizations only: a source may leave them out of its
  /// `frames` (the years' slices without their terms) and read them apart.
  static func located<Source: YearSource>(
    _ trends: OrganizationTrendLists, source: Source, frames: [YearSlice]
  ) throws(Source.Failure) -> OrganizationTrendLists {
    func reference(_ years: [Int]) -> Int { years.dropFirst().first ?? years[0] }
    var wanted: [Int: Set<String>] = [:]
    for (years, lists) in trends {
      wanted.merge(
        OrganizationTrends.wanted(lists, year: years[0], reference: reference(years))
      ) { $0.union($1) }
    }
    let latest = try source.latestDocuments(wanted, frames: frames)
    return trends.reduce(into: [:]) { located, entry in
      located[entry.key] = OrganizationTrends.locating(
        entry.value, year: entry.key[0], reference: reference(entry.key), in: latest)
    }
  }

  /// Every organization of `tallies`, mentioned most first, each year's rate per 10,000 of
  /// that year's word tokens (`yearTokens`).
  static func organizations(_ tallies: [String: OrganizationTally], yearTokens: [Int: Int])
    -> [OrganizationEntry]
  {
    tallies.map { id, tally in
      OrganizationEntry(
        id: id, name: tally.name, registered: tally.registered, count: tally.total.count,
        documents: tally.total.documents,
        aliases: tally.aliases.map { AliasCount(text: $0.key, count: $0.value) }.sorted {
          $0.count != $1.count
            ? $0.count > $1.count : $0.text.precedesInByteOrder($1.text)
        },
        years: tally.years.keys.sorted().map { year in
          let figures = tally.years[year]!
          return OrganizationYear(
            year: year, count: figures.count, documents: figures.documents,
            perTenThousand: Report.perTenThousand(figures.count, of: yearTokens[year] ?? 0))
        })
    }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.id.precedesInByteOrder($1.id)
    }
  }

  /// The organizations a report lists, in the order of `organizations`: the first `top`, every
  /// registered one and every one named in `pairs` (so that each listed pair's organizations
  /// are listed). Their number is bounded by the registry, `top` and the pairs listed, not by
  /// the corpus: a corpus of 1 GB has about 11,650 organizations, most discovered and rare.
  static func listed(
    _ organizations: [OrganizationEntry], top: Int, pairs: [PairEntry]
  ) -> [OrganizationEntry] {
    var paired = Set<String>()
    for pair in pairs {
      paired.insert(pair.a)
      paired.insert(pair.b)
    }
    return organizations.enumerated().filter { index, organization in
      index < top || organization.registered || paired.contains(organization.id)
    }.map(\.element)
  }

  /// The `limit` pairs named together in the most documents, as entries, and how many pairs
  /// there are in all.
  ///
  /// Only the pairs shown are spelled out as entries (a corpus of 1 GB has about 96,000 pairs):
  /// pairs are added up over the years as bare counts, only those that can be shown (counts
  /// from the `limit`-th largest up) are ranked by ids, and each organization's display name is
  /// worked out once.
  static func pairs(
    _ statistics: CorpusStatistics, organizations: [String: OrganizationTally], limit: Int
  ) -> (shown: [PairEntry], count: Int) {
    let documents = statistics.documents
    let years = statistics.years.keys.sorted()
    // Each year's pairs are spelled out once (``YearTally/pairs`` builds them).
    let yearPairs = years.map { statistics.years[$0]!.pairs }
    var totals: [OrganizationPair: Int] = [:]
    totals.reserveCapacity(yearPairs.map(\.count).max() ?? 0)
    for pairs in yearPairs {
      for (pair, count) in pairs { totals[pair, default: 0] += count }
    }
    let limit = max(0, limit)
    // The limit-th largest count: no pair below it can be shown.
    let counts = totals.values.sorted(by: >)
    let threshold = limit == 0 ? Int.max : counts.count < limit ? 0 : counts[limit - 1]
    let ranked = totals.filter { $0.value >= threshold }.map { (pair: $0.key, documents: $0.value) }
      .sorted {
        if $0.documents != $1.documents { return $0.documents > $1.documents }
        if !$0.pair.a.hasSameBytes($1.pair.a) { return $0.pair.a.precedesInByteOrder($1.pair.a) }
        return $0.pair.b.precedesInByteOrder($1.pair.b)
      }
    var names: [String: String] = [:]
    func name(_ id: String) -> String {
      if let known = names[id] { return known }
      let name = organizations[id]!.name
      names[id] = name
      return name
    }
    let shown = ranked.prefix(limit).map { pair, both in
      let first = organizations[pair.a]!.total.documents
      let second = organizations[pair.b]!.total.documents
      return PairEntry(
        a: pair.a, b: pair.b, aName: name(pair.a), bName: name(pair.b), documents: both,
        npmi: Association.npmi(both: both, first: first, second: second, documents: documents),
        logLikelihood: Association.logLikelihood(
          both: both, first: first, second: second, documents: documents),
        years: zip(years, yearPairs).compactMap { year, pairs in
          pairs[pair].map { PairYear(year: year, documents: $0) }
        })
    }
    return (shown, totals.count)
  }
}
