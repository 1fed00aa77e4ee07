public import Analysis
import Corpus

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
  public static let schemaVersion = "1.9"

  /// Changes whenever what a comparison of two years finds changes (G², its bounds, the
  /// tie-breaks, what counts as a term), so that comparisons kept from an earlier version
  /// (``build(source:rejected:settings:parallel:seeds:comparisons:)``) are worked out again.
  public static let comparisonVersion = "1"

  /// Builds the report from statistics in memory.
  ///
  /// - Parameters:
  ///   - statistics: Counts over every accepted document.
  ///   - rejected: Files that were not analysed, in corpus order.
  ///   - settings: What to list and how to label it.
  ///   - parallel: Runs the independent parts (each year, each comparison).
  /// - Returns: The finished report.
  public static func build(
    statistics: CorpusStatistics, rejected: [RejectedFile], settings: ReportSettings,
    parallel: any Parallel = Sequential()
  ) -> Report {
    build(
      source: StatisticsYears(statistics), rejected: rejected, settings: settings,
      parallel: parallel)
  }

  /// Builds the report, asking `source` for one year at a time: at most one year's terms per
  /// ranked-list pass and two per comparison are held by each core.
  ///
  /// - Parameters:
  ///   - source: The years and their figures.
  ///   - rejected: Files that were not analysed, in corpus order.
  ///   - settings: What to list and how to label it.
  ///   - parallel: Runs the independent parts (each year, each comparison).
  ///   - seeds: Seeds worked out ahead for some years (``TermSeeds``); those of another
  ///     `limit` than `settings.top` are not used. The report is the same with or without them.
  ///   - comparisons: Comparisons of consecutive years worked out before from the same
  ///     figures, with `settings.trendTerms` and this ``comparisonVersion`` (those the state
  ///     kept from the last report): one whose years and tokens match a pair of consecutive
  ///     years here is used as it is instead of comparing the two years again.
  /// - Returns: The finished report.
  /// - Throws: What `source` throws when a year cannot be had.
  public static func build<Source: YearSource>(
    source: Source, rejected: [RejectedFile], settings: ReportSettings,
    parallel: any Parallel = Sequential(), seeds known: [Int: TermSeeds] = [:],
    comparisons: [TrendComparison] = []
  ) throws(Source.Failure) -> Report {
    try build(
      source: source, rejected: rejected, settings: settings, parallel: parallel, seeds: known,
      comparisons: comparisons, candidateCap: nil)
  }

  /// ``build(source:rejected:settings:parallel:seeds:comparisons:)`` with another cap on the
  /// candidates for the most frequent terms than ``TopTerms/candidateCap(limit:years:)``.
  static func build<Source: YearSource>(
    source: Source, rejected: [RejectedFile], settings: ReportSettings,
    parallel: any Parallel = Sequential(), seeds known: [Int: TermSeeds] = [:],
    comparisons: [TrendComparison] = [], candidateCap: Int?
  ) throws(Source.Failure) -> Report {
    let years = source.years
    let limit = settings.top
    // First, while nothing else is held: a span of years pooled holds all its years' packed
    // terms at once.
    let chosen = try chosenComparisons(
      settings.comparisons, source: source, limit: settings.trendTerms, parallel: parallel)
    let seeds = try map(years.count, parallel) { index throws(Source.Failure) in
      if let seeds = known[years[index]], seeds.limit == limit { return seeds.lists }
      return TopTerms.seeds(in: try source.terms(years[index]), limit: limit)
    }
    let bounds = TopTerms.bounds(seeds, limit: limit)
    let cap = candidateCap ?? TopTerms.candidateCap(limit: limit, years: years.count)
    let kept = Dictionary(comparisons.map { ($0.year, $0) }) { first, _ in first }
    // Each core takes a run of consecutive years, unpacking each year once (the first of a
    // later run twice) and holding two at a time: the year, and the one before it with its
    // bigrams on a shelf. The runs are cut where their sizes come out even: later years are
    // often larger.
    let runs = runBounds(
      source.sizes ?? years.map { _ in 1 }, runs: max(1, min(parallel.width, years.count / 2)))
    let parts = try map(runs.count - 1, parallel) { run throws(Source.Failure) in
      var part: [YearPart] = []
      // The year before, its bigrams on a shelf of their own (``ShelvedYear``), unless the
      // comparison kept for this year was expected to be used.
      var previous: (year: Int, tokens: Int, shelved: ShelvedYear?)?
      let first = runs[run]
      for index in max(0, first - 1)..<runs[run + 1] {
        // The packed terms are let go as soon as they are unpacked.
        var frame = try source.slice(years[index])
        let terms = YearTerms(frame)
        frame = frame.withoutTerms
        if index >= first {
          var trends: TrendComparison?
          if let previous {
            if let comparison = kept[terms.year], comparison.reference == previous.year,
              comparison.tokens == terms.tokens,
              comparison.referenceTokens == previous.tokens
            {
              trends = comparison
            } else if let shelved = previous.shelved {
              trends = try shelfReading(source) {
                try YearComparison(target: terms, reference: shelved)
                  .trends(limit: settings.trendTerms)
              }
            } else {
              // This year changed since the comparison was kept: the year before is read again.
              trends = YearComparison(
                target: terms, reference: YearTerms(try source.slice(previous.year))
              ).trends(limit: settings.trendTerms)
            }
          }
          part.append(
            YearPart(
              frame: frame, types: terms.types,
              candidates: TopTerms.candidates(
                terms, bounds: bounds, years: years.count,
                cap: TopTerms.yearCap(cap, limit: limit, years: years.count)),
              trends: trends))
        }
        // The year is the next one's reference, its bigrams put aside (its blob goes now),
        // unless the next one's comparison was kept with this year as it is: a report from the
        // state, whose years mostly did not change, would write them aside for nothing.
        if index + 1 < runs[run + 1] {
          let keptNext = kept[years[index + 1]].map {
            $0.reference == terms.year && $0.referenceTokens == terms.tokens
          }
          previous = (
            terms.year, terms.tokens,
            keptNext == true ? nil : try ShelvedYear(terms, on: try source.makeShelf())
          )
        }
      }
      return part
    }.flatMap { $0 }
    let yearTokens = parts.map(\.frame.tokens)
    let ranking = TopTerms.Ranking(
      try TopTerms.bounded(
        parts.map(\.candidates), cap: cap, limit: limit, source: source, parallel: parallel),
      followed: settings.followedTerms)
    // The last pass finds the ranked terms' counts in every year. The organizations and pairs
    // need only the frames: they are the first piece of that pass, on one core while the other
    // takes the years, and the years go largest first, so that the cores finish together.
    let frames = parts.map(\.frame)
    // Each year against the one before, and the comparisons chosen: the years of each.
    let compared =
      years.indices.dropFirst().map { [years[$0], years[$0 - 1]] }
      + chosen.comparisons.map { [$0.year] + $0.referenceYears }
    let byWork = years.indices.sorted { (source.sizes?[$0] ?? 0) > (source.sizes?[$1] ?? 0) }
    var pieces = try map(years.count + 1, parallel) { piece throws(Source.Failure) in
      guard piece > 0 else {
        return LastPass.organizations(
          OrganizationPart(frames, settings: settings, compared: compared))
      }
      let index = byWork[piece - 1]
      return .found(index, ranking.tallies(in: try source.terms(years[index])))
    }
    guard case .organizations(let organizationPart) = pieces.removeFirst() else {
      preconditionFailure("the first piece is the organizations")
    }
    var found = [[(candidate: Int, tally: TermTally)]](repeating: [], count: years.count)
    for case .found(let index, let tallies) in pieces { found[index] = tallies }
    let frame = organizationPart.frame
    let shownPairs = organizationPart.shownPairs
    let organizationTrends = try located(organizationPart.trends, source: source, frames: frames)
    // Every candidate's figures, once for the three lists.
    let figures = ranking.figures(years: years, yearTokens: yearTokens, found: found)
    var report = Report(
      schemaVersion: schemaVersion,
      generatedAt: settings.generatedAt,
      tool: settings.tool,
      provenance: Provenance(
        tokenizerVersion: Tokenizer.version, registryVersion: settings.registryVersion,
        stopwords: settings.stopwords, top: settings.top, trendTerms: settings.trendTerms,
        pairs: settings.pairs, topOrganizations: settings.topOrganizations),
      corpus: CorpusSummary(
        path: settings.corpusPath, documents: frame.documents, rejected: rejected.count,
        tokens: yearTokens.reduce(0, +), firstDate: frame.firstDate?.description,
        lastDate: frame.lastDate?.description,
        repairedDocuments: frame.repairedDocuments),
      years: parts.map { part in
        YearSummary(
          year: part.frame.year, documents: part.frame.documents, tokens: part.frame.tokens,
          types: part.types, organizationMentions: part.frame.organizationMentions)
      },
      unigrams: ranking.entries(n: 1, limit: limit, figures: figures),
      bigrams: ranking.entries(n: 2, limit: limit, figures: figures),
      organizations: organizationPart.listed,
      cooccurrences: shownPairs,
      trends: parts.compactMap(\.trends),
      rejected: rejected, pairsCounted: organizationPart.pairsCounted,
      organizationsCounted: organizationPart.organizationsCounted)
    report.followedTerms = ranking.followedEntries(settings.followedTerms, figures: figures)
    report.chosenComparisons = chosen.comparisons
    for index in report.trends.indices {
      report.trends[index].attach(organizationTrends)
    }
    for index in report.chosenComparisons.indices {
      report.chosenComparisons[index].attach(organizationTrends)
    }
    report.leftOutComparisons = chosen.leftOut
    return report
  }

  /// A piece of the last pass (``build(source:rejected:settings:parallel:seeds:)``).
  private enum LastPass: Sendable {
    /// The ranked terms' counts in the year at this index.
    case found(Int, [(candidate: Int, tally: TermTally)])
    /// The organizations and pairs.
    case organizations(OrganizationPart)
  }

  /// The corpus's organizations and pairs, worked out from the years' frames.
  private struct OrganizationPart: Sendable {
    /// Every year's frame, added up.
    let frame: CorpusStatistics
    /// The organizations the report lists.
    let listed: [OrganizationEntry]
    /// How many organizations were found.
    let organizationsCounted: Int
    /// The pairs the report lists.
    let shownPairs: [PairEntry]
    /// How many pairs were counted.
    let pairsCounted: Int
    /// The organizations rising and falling in each comparison, by its year and then its
    /// reference's years, without their latest documents yet.
    let trends: OrganizationTrendLists

    /// The organizations and pairs of `frames`, and the organizations' trends in each of
    /// `compared` (a year, then the years it is compared with).
    init(_ frames: [YearSlice], settings: ReportSettings, compared: [[Int]]) {
      frame = CorpusStatistics(
        restoring: frames, stopwords: StopwordList(words: [], source: ""),
        matcher: OrganizationMatcher(registry: OrganizationRegistry.builtin()))
      let tallies = frame.organizations
      // Each year's word tokens, the base of its rates.
      let tokens = Dictionary(frames.map { ($0.year, $0.tokens) }) { $0 + $1 }
      (shownPairs, pairsCounted) = ReportBuilder.pairs(
        frame, organizations: tallies, limit: settings.pairs)
      listed = ReportBuilder.listed(
        ReportBuilder.organizations(tallies, yearTokens: tokens),
        top: settings.topOrganizations, pairs: shownPairs)
      organizationsCounted = tallies.count
      var trends: OrganizationTrendLists = [:]
      for years in compared where trends[years] == nil {
        let references = Array(years.dropFirst())
        trends[years] = OrganizationTrends.compare(
          year: years[0], references: references, tallies: tallies, tokens: tokens)
      }
      self.trends = trends
    }
  }

  /// Where a comparison's organizations are worked out (``OrganizationPart/trends``).
  typealias OrganizationTrendLists = [[Int]: (
    rising: [OrganizationTrend], falling: [OrganizationTrend]
  )]

  /// What the report takes from one year's terms while they are unpacked.
  private struct YearPart: Sendable {
    /// The year without its terms.
    var frame: YearSlice
    /// Distinct unigrams.
    var types: Int
    /// Its terms that may be among the most frequent overall; nil for a size with too many.
    var candidates: [[[UInt8]]?]
    /// The year against the year before, if there is one.
    var trends: TrendComparison?
  }

  /// Where each of `runs` runs of consecutive items begins, and the last ends, so that the
  /// runs' total sizes come as close to even as whole items allow (each run has an item).
  static func runBounds(_ sizes: [Int], runs: Int) -> [Int] {
    let runs = max(1, min(runs, sizes.count))
    var prefix = [0]
    for size in sizes { prefix.append(prefix.last! + max(0, size)) }
    var bounds = [0]
    for run in 1..<max(1, runs) {
      let target = Double(prefix.last!) * Double(run) / Double(runs)
      func distance(_ index: Int) -> Double { abs(Double(prefix[index]) - target) }
      var best = bounds.last! + 1
      for index in best...(sizes.count - (runs - run)) where distance(index) < distance(best) {
        best = index
      }
      bounds.append(best)
    }
    bounds.append(sizes.count)
    return bounds
  }

  /// `body(0)` … `body(count - 1)` on `parallel`, or the first error thrown.
  static func map<T: Sendable, Failure: Error>(
    _ count: Int, _ parallel: any Parallel, _ body: @Sendable (Int) throws(Failure) -> T
  ) throws(Failure) -> [T] {
    let results = parallel.map(count) { index in
      Result { () throws(Failure) -> T in try body(index) }
    }
    var values: [T] = []
    values.reserveCapacity(count)
    for result in results { values.append(try result.get()) }
    return values
  }
}
