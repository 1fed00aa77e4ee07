public import Analysis

/// Turns counted statistics into the finished ``Report``: selects, ranks and computes the rates
/// and statistics that the writers show.
///
/// Tie-breaks, so that the same input always gives the same report:
/// - terms: count (descending), then documents (descending), then the term's bytes (ascending);
/// - organizations: mentions (descending), then id (bytes ascending); aliases: count
///   (descending), then text; pairs: documents (descending), then `a`, then `b`;
/// - trend terms: G² (descending), then n-gram size (unigrams first), then the term's bytes.
public enum ReportBuilder {
  /// The version of the XML schema the report follows.
  public static let schemaVersion = "1.2"

  /// Builds the report.
  ///
  /// - Parameters:
  ///   - statistics: Counts over every accepted document.
  ///   - rejected: Files that were not analysed, in corpus order.
  ///   - settings: What to list and how to label it.
  ///   - parallel: Runs the independent parts (the two ranked lists and each comparison).
  /// - Returns: The finished report.
  public static func build(
    statistics: CorpusStatistics, rejected: [RejectedFile], settings: ReportSettings,
    parallel: any Parallel = Sequential()
  ) -> Report {
    let years = statistics.years.keys.sorted()
    let terms = TermTable(statistics: statistics, years: years)
    let totalTokens = years.reduce(0) { $0 + statistics.years[$1]!.tokens }
    let organizationTallies = statistics.organizations
    let allPairs = pairs(statistics, organizations: organizationTallies)
    let ranked = parallel.map(2) { index in
      terms.top(n: index + 1, limit: settings.top, totalTokens: totalTokens)
    }
    let compared = Array(zip(years.dropFirst(), years))
    let trends = parallel.map(compared.count) { index in
      terms.comparison(
        year: compared[index].0, reference: compared[index].1, limit: settings.trendTerms)
    }

    return Report(
      schemaVersion: schemaVersion,
      generatedAt: settings.generatedAt,
      tool: settings.tool,
      provenance: Provenance(
        tokenizerVersion: Tokenizer.version, registryVersion: settings.registryVersion,
        stopwords: settings.stopwords, top: settings.top, trendTerms: settings.trendTerms,
        pairs: settings.pairs),
      corpus: CorpusSummary(
        path: settings.corpusPath, documents: statistics.documents, rejected: rejected.count,
        tokens: totalTokens, firstDate: statistics.firstDate?.description,
        lastDate: statistics.lastDate?.description,
        repairedDocuments: statistics.repairedDocuments),
      years: years.map { year in
        let tally = statistics.years[year]!
        return YearSummary(
          year: year, documents: tally.documents, tokens: tally.tokens, types: tally.types,
          organizationMentions: tally.organizationMentions)
      },
      unigrams: ranked[0],
      bigrams: ranked[1],
      organizations: organizations(organizationTallies),
      cooccurrences: Array(allPairs.prefix(settings.pairs)),
      trends: trends,
      rejected: rejected, pairsCounted: allPairs.count)
  }

  static func organizations(_ tallies: [String: OrganizationTally]) -> [OrganizationEntry] {
    tallies.map { id, tally in
      OrganizationEntry(
        id: id, name: tally.name, registered: tally.registered, count: tally.total.count,
        documents: tally.total.documents,
        aliases: tally.aliases.map { AliasCount(text: $0.key, count: $0.value) }.sorted {
          $0.count != $1.count
            ? $0.count > $1.count : $0.text.utf8.lexicographicallyPrecedes($1.text.utf8)
        },
        years: tally.years.keys.sorted().map { year in
          OrganizationYear(
            year: year, count: tally.years[year]!.count, documents: tally.years[year]!.documents)
        })
    }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8)
    }
  }

  static func pairs(
    _ statistics: CorpusStatistics, organizations: [String: OrganizationTally]
  ) -> [PairEntry] {
    let documents = statistics.documents
    return statistics.pairs.map { pair, tally in
      let first = organizations[pair.a]!
      let second = organizations[pair.b]!
      return PairEntry(
        a: pair.a, b: pair.b, aName: first.name, bName: second.name, documents: tally.documents,
        npmi: Association.npmi(
          both: tally.documents, first: first.total.documents, second: second.total.documents,
          documents: documents),
        logLikelihood: Association.logLikelihood(
          both: tally.documents, first: first.total.documents, second: second.total.documents,
          documents: documents),
        years: tally.years.keys.sorted().map { PairYear(year: $0, documents: tally.years[$0]!) })
    }.sorted {
      if $0.documents != $1.documents { return $0.documents > $1.documents }
      if $0.a != $1.a { return $0.a.utf8.lexicographicallyPrecedes($1.a.utf8) }
      return $0.b.utf8.lexicographicallyPrecedes($1.b.utf8)
    }
  }
}
