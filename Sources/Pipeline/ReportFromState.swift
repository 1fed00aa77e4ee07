import Analysis
import Corpus
import Logging
import ReportModel
import Store

/// Builds reports from the stored figures alone: the same code serves an incremental run and
/// `almanac report`, so both show exactly what the state holds. (A full rebuild builds its
/// report from the counted years while it stores them: the years and rejected files the state
/// then holds, and `FullRebuildTests` checks that `almanac report` gives the same.)
enum ReportFromState {
  /// Builds the report from the stored figures, one year at a time, with `seeds` worked out
  /// ahead for some years and the comparisons the state kept from the last report for years
  /// not changed since (the report is the same without either).
  static func build(
    store: StateStore, settings: ReportSettings, seeds: [Int: TermSeeds] = [:]
  ) throws(RunError) -> Report {
    let rejected = Self.rejected(try ReportJob.state { try store.documents(accepted: false) })
    let comparisons = try ReportJob.state {
      try store.comparisons(
        trendTerms: settings.trendTerms, version: ReportBuilder.comparisonVersion)
    }
    let source = try ReportJob.state { try StoredYears(store, checked: seeds.mapValues(\.checked)) }
    return try ReportBuilder.build(
      source: source, rejected: rejected, settings: settings, parallel: Concurrent(),
      seeds: seeds, comparisons: comparisons)
  }

  /// Says on stderr which comparisons asked for (`--compare`) `report` leaves out, a year of
  /// theirs having no documents: the reports say so too, and the run goes on.
  static func warnOfLeftOutComparisons(_ report: Report, log: Logger) {
    for asked in report.leftOutComparisons {
      let dates = report.yearsWithoutDocuments(asked).joined(separator: " or ")
      log.warning("--compare \(asked) is left out: no documents are dated \(dates)")
    }
  }

  /// Says on stderr how many of the terms, organizations and pairs `report` shows have no lines in
  /// `evidence`, the lines the last run read: `almanac report` reads no corpus, so a comparison
  /// chosen since the last run (`--compare`) shows its terms without lines until a run reads
  /// them.
  static func warnOfLinesNotRead(
    _ report: Report, evidence: [EvidenceFinder.Target: [Evidence]], log: Logger
  ) {
    let missing = EvidencePolicy.targetsWithoutLines(of: report, in: evidence)
    guard !missing.isEmpty else { return }
    var (terms, organizations, pairs) = (0, 0, 0)
    for target in missing {
      switch target {
      case .term: terms += 1
      case .organization: organizations += 1
      case .pair: pairs += 1
      }
    }
    let counted = [
      (terms, "term", "terms"), (organizations, "organization", "organizations"),
      (pairs, "pair", "pairs"),
    ]
    .filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
    let what =
      counted.count > 1
      ? counted.dropLast().joined(separator: ", ") + " and " + counted.last! : counted.joined()
    let one = missing.count == 1
    let message =
      what + " shown " + (one ? "has" : "have") + " no lines where "
      + (one ? "it was" : "they were")
      + " used" + (organizations > 0 ? " or named" : "")
      + ": almanac report shows the lines the last run read, and a run with the same "
      + "options reads the rest"
    log.warning("\(message)")
  }

  /// The files of the state accepted but not counted, as copies of others.
  static func duplicates(store: StateStore) throws(RunError) -> [DuplicateFile] {
    DuplicateFile.listed(try ReportJob.state { try store.documentsSharingTheirBytes() })
  }

  /// The rejected files of the report: `documents`, each a record of a rejected file, as
  /// listed.
  static func rejected(_ documents: [StoredDocument]) -> [RejectedFile] {
    documents.map { RejectedFile(path: $0.path, reason: $0.reason ?? "rejected") }
  }

  /// Compares the report with what earlier runs of this state published: the documents are
  /// those the state's commits changed since the last published report (this run's and those
  /// of runs that failed after storing theirs).
  static func sinceLastRun(store: StateStore, report: Report, currentRun: Int64)
    throws(RunError) -> SinceLastRun
  {
    let previous = try ReportJob.state { try store.runs(limit: 20) }.first {
      $0.id != currentRun && ($0.exitStatus == 0 || $0.exitStatus == 3)
    }
    var rates: [SinceLastRunBuilder.TermKey: Double] = [:]
    for term in try ReportJob.state({ try store.publishedTerms() }) {
      rates[SinceLastRunBuilder.TermKey(n: term.n, text: term.text)] = term.perTenThousand
    }
    let changes = try ReportJob.state { try store.unreportedChanges() }
    return SinceLastRunBuilder.build(
      report: report, previousRunAt: previous?.endedAt, newDocuments: changes.newDocumentsPerYear,
      removedDocuments: changes.removedDocuments, addedCopies: changes.addedCopies,
      removedCopies: changes.removedCopies,
      seenOrganizations: try ReportJob.state { try store.seen(kind: "organization") },
      seenPairs: try ReportJob.state { try store.seen(kind: "pair") }, previousRates: rates)
  }

  /// `report` with its evidence lines: the stored ones that are still up to date, the rest
  /// read from `sources` (``evidenceSources(store:scan:onConnectionOfItsOwn:)``), asked only
  /// when some line is to be read.
  static func withEvidence(
    _ report: Report, store: StateStore, changes: ChangeSet.Reconciliation,
    gatherer: EvidenceGatherer, log: Logger,
    sources: () throws(RunError) -> EvidenceGatherer.Sources
  ) throws(RunError) -> (report: Report, evidence: [EvidenceFinder.Target: [Evidence]]) {
    // A copy is not read for lines: they would be its original's, quoted twice.
    let copies = Set(report.duplicates.map(\.path))
    // Lines cut by another version of the cut are read again, as if their years had changed.
    let stored = try ReportJob.state { () throws(StoreError) in
      try store.evidenceVersion() == KeywordInContext.version ? try store.evidence() : [:]
    }
    let evidence = try gatherer.gather(
      for: report, stored: stored,
      changedYears: changes.changedYears, log: log
    ) { () throws(RunError) in
      let all = try sources()
      return copies.isEmpty ? all : all.filter { !copies.contains($0.path) }
    }
    return (EvidencePolicy.attach(evidence, to: report), evidence)
  }

  /// The accepted documents of the state that are among the scanned files, with their dates:
  /// what the evidence may read again.
  ///
  /// - Parameter ownConnection: Read the state on a connection of its own, so that the list
  ///   can be made beside the report's reads of the state.
  static func evidenceSources(
    store: StateStore, scan: CorpusScan, onConnectionOfItsOwn ownConnection: Bool = false
  ) throws(RunError) -> EvidenceGatherer.Sources {
    // The stored documents and the scanned files are both in byte order of their paths: one
    // walk pairs them, with no table of every path.
    // The documents are handed over one at a time, not listed first: at a million documents
    // their paths took 64 MB more.
    let files = scan.files
    var next = 0
    // Room for every file, of which only those written take memory.
    var sources = EvidenceGatherer.Sources(of: files, capacity: files.count)
    try ReportJob.state {
      try store.forEachAcceptedDate(onConnectionOfItsOwn: ownConnection) { path, date in
        while next < files.count && files[next].comparedPath(with: path) < 0 { next += 1 }
        guard next < files.count, files[next].comparedPath(with: path) == 0 else { return }
        sources.append(next, date: date)
      }
    }
    return sources
  }

  /// Remembers what this report published, for the next run's comparison, that it showed the
  /// changes stored so far, and its comparisons of consecutive years (``KeptComparisons``).
  ///
  /// The number of copies the report lists is remembered too, so that the next runs skip
  /// looking for copies as long as the state says there are none (``StateChange/copies``).
  static func remember(
    _ report: Report, evidence: [EvidenceFinder.Target: [Evidence]], in store: StateStore
  ) throws(RunError) {
    try ReportJob.state { try store.replaceEvidence(evidence) }
    var seen: [(kind: String, key: String)] = report.organizations.map { ("organization", $0.id) }
    seen += report.cooccurrences.map { ("pair", SinceLastRunBuilder.pairKey($0.a, $0.b)) }
    let terms = (report.unigrams + report.bigrams).map {
      PublishedTerm(n: $0.n, text: $0.text, perTenThousand: $0.perTenThousand)
    }
    // Kept without their evidence lines, which are kept apart.
    let kept = KeptComparisons(
      trendTerms: report.provenance.trendTerms, version: ReportBuilder.comparisonVersion,
      comparisons: report.trends.map(\.withoutEvidence))
    try ReportJob.state {
      try store.commit(
        StateChange(
          seen: seen, publishedTerms: terms, reported: true, comparisons: kept,
          copies: report.duplicates.count))
    }
  }
}
