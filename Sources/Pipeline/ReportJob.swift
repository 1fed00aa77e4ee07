import Analysis
public import Corpus
import Glibc
public import LibXML
public import Logging
import Rendering
public import ReportModel
public import Store

/// Why a run published nothing.
public enum RunError: Error, Sendable, CustomStringConvertible {
  /// The corpus folder cannot be read.
  case corpus(CorpusError)
  /// A user file given with an option cannot be used.
  case unusableFile(option: String, path: String, reason: String)
  /// The state cannot be used.
  case state(StoreError)
  /// Another run holds the lock.
  case locked(StateLock.Failure)
  /// The generated XML failed its own schema: a bug, so nothing is published.
  case invalidReport(XMLError)
  /// Writing the reports failed.
  case publish(PublishError)
  /// Counted figures could not be kept in a scratch file beside the state until stored.
  case scratch(String)
  /// `--pdf` was given and no PDF could be printed; the other reports were published.
  case pdf(PDFPrinter.Failure)
  /// The corpus folder holds no article, but the state counted `stored` documents there: more
  /// often a mount that failed than an archive emptied, so nothing is changed or published
  /// unless ``RunOptions/allowEmptyCorpus`` says it was meant.
  case emptyCorpus(path: String, stored: Int)
  /// The process may open only `limit` files at once (`ulimit -n`), fewer than the `needed`
  /// that a run is sure to work with (``OpenFileLimit/needed``); nothing was opened.
  case tooFewOpenFiles(limit: Int, needed: Int)

  /// A message for the user.
  public var description: String {
    switch self {
    case .corpus(let error): return error.description
    case .unusableFile(let option, let path, let reason): return "\(option) '\(path)': \(reason)"
    case .state(let error): return error.description
    case .locked(let failure): return failure.description
    case .invalidReport(let error):
      return "the generated report failed validation, nothing was published (a bug): \(error)"
    case .publish(let error): return error.description
    case .scratch(let detail): return detail
    case .pdf(let failure):
      return
        "\(ReportJob.pdfName) was not published (the XML, HTML and CSV reports were): \(failure)"
    case .emptyCorpus(let path, let stored):
      return "corpus folder '\(path)' holds no article (*.txt), but the state counted "
        + (stored == 1 ? "1 document" : "\(stored) documents")
        + " there; nothing was changed or published. If the folder is a mount point, is it"
        + " mounted? To publish the report of an empty corpus, run with --allow-empty-corpus"
    case .tooFewOpenFiles(let limit, let needed):
      return "this process may open only \(limit) files at once (ulimit -n), and Almanac needs"
        + " \(needed); nothing was read or changed. Raise the limit, e.g. `ulimit -n 1024`"
    }
  }
}

/// One run: lock, scan, read what changed, recount the years it touches, store, build the
/// report from the state (a full rebuild: from the counted years while they are stored),
/// render, validate, publish, archive, record the run.
public enum ReportJob {
  /// The version printed by `almanac --version` and recorded in reports.
  public static let version = "0.2.0"
  /// Changes whenever counting changes in a way the tokenizer version does not capture: 2 counts
  /// a copy of a document once (``CountedDigests``); 3 keeps the latest documents of a year
  /// naming each organization (``Analysis/LatestDocuments``).
  public static let analysisVersion = "3"
  /// Name of the published XML report.
  public static let xmlName = "almanac.xml"
  /// Name of the published HTML page.
  public static let htmlName = "almanac.html"
  /// Name of the PDF printed from the HTML page with `--pdf`.
  public static let pdfName = "almanac.pdf"

  /// What a finished run produced.
  public struct Outcome: Sendable {
    /// The published report.
    public var report: Report
    /// Where the XML was published.
    public var xmlPath: String
    /// Where the HTML was published.
    public var htmlPath: String
    /// Whether every stored figure was recounted.
    public var fullRebuild: Bool
    /// What changed in the corpus.
    public var changes: ChangeSet.Reconciliation
    /// Why `almanac.pdf` was not printed (`--pdf`), the other reports being published: the run
    /// has failed, but what it published and rejected is still to be told.
    public var pdfFailure: RunError?
  }

  /// Runs the whole job.
  ///
  /// - Parameters:
  ///   - options: Checked options.
  ///   - log: Receives progress and diagnostics at `info`/`debug` level.
  /// - Returns: The report and where it was published.
  /// - Throws: ``RunError``; when it throws, previously published reports are untouched.
  public static func run(_ options: RunOptions, log: Logger = Logger(label: "almanac"))
    throws(RunError) -> Outcome
  {
    let started = Clock.now()
    Memory.configure()
    try OpenFileLimit.ensure()
    let stopwords = try loadStopwords(options)
    let registry = try loadRegistry(options)
    let statePath = options.resolvedStatePath
    do { try Publisher.makeFolder(parent(of: statePath)) } catch { throw .publish(error) }
    let lock: StateLock
    do { lock = try StateLock.acquire(path: statePath + ".lock") } catch { throw .locked(error) }
    let folderLock: StateLock?
    do { folderLock = try StateLock.acquire(folder: options.output) } catch { throw .locked(error) }
    defer { withExtendedLifetime((lock, folderLock)) {} }
    try finishInterruptedPublish(in: options.output, log: log)

    let store: StateStore
    do {
      store =
        options.rebuildState
        ? try StateStore.rebuild(path: statePath) : try StateStore.open(path: statePath)
    } catch { throw .state(error) }
    let runID = try state { try store.beginRun(startedAt: started.timestamp) }
    // A run that fails from here on is recorded as ended with exit status 1 and what it had
    // found changed, as a finished one is (below) with its own status.
    var finished = false
    var found = (added: 0, changed: 0, removed: 0)
    defer {
      if !finished {
        try? store.finishRun(
          id: runID, endedAt: Clock.now().timestamp,
          durationMilliseconds: started.elapsedMilliseconds, added: found.added,
          changed: found.changed, removed: found.removed, rejected: 0, exitStatus: 1)
      }
    }

    let scan: CorpusScan
    var scanLap = Laps()
    do { scan = try CorpusScanner.scan(root: options.corpus) } catch { throw .corpus(error) }
    // Each folder's listing was made, copied into the scan's list and freed on the heaps of
    // the threads that listed them, in blocks too small to be mapped on their own: they stayed
    // resident for the rest of the run (three million files: 280 MB resident after the scan,
    // 177 MB with them handed back).
    Memory.release()
    scanLap.lap("scan \(scan.files.count) files", log)
    // Only a folder with nothing in it at all: one with entries the scan passed over (a folder
    // it could not open, a link) goes on, and lists them as rejected with their reasons.
    if scan.files.isEmpty && scan.skipped.isEmpty && !options.allowEmptyCorpus {
      let stored = try state { try store.acceptedDocumentCount() }
      if stored > 0 { throw .emptyCorpus(path: options.corpus, stored: stored) }
    }
    let fingerprint = fingerprint(stopwords: stopwords, registry: registry)
    let storedFingerprint = try state { try store.setting("fingerprint") }
    let fullRebuild = options.full || storedFingerprint != fingerprint
    if fullRebuild {
      // The figures stored before are replaced when the new ones are committed, not deleted
      // now: a run that fails leaves them, and what earlier reports showed, as they were.
      log.info(
        "full rebuild\(options.full ? " (--full)" : ": first run or analysis settings changed")")
    }
    let analyzer = CorpusAnalyzer(
      stopwords: stopwords, matcher: OrganizationMatcher(registry: registry),
      workers: options.workers)
    let updated = try Incremental.update(
      store: store, scan: scan, analyzer: analyzer,
      settings: [
        "fingerprint": fingerprint, Self.stopwordsSetting: stopwords.source,
        Self.registrySetting: registry.version,
      ], full: fullRebuild, seedLimit: options.top, log: log)
    let update = updated.changes
    found = (update.added, update.changed, update.removed)
    // A full rebuild's commit may still be written: what needs it written waits for it.
    let storing = updated.storing
    // Waited for on every way out, so that nothing is left working on the state.
    defer { _ = try? storing?.commit.wait() }
    // The counts are stored (in a full rebuild, being stored) and released: what the rest of
    // the run needs is read back a year at a time.
    Memory.release()
    // What the commit wrote is synced and moved from the log into the state file while the
    // report is built.
    let checkpoint = BackgroundTask {
      try storing?.commit.wait()
      try store.checkpoint()
    }
    // Waited for on every way out, so that nothing is left working on the state.
    defer { _ = try? checkpoint.wait() }
    var laps = Laps()

    let settings = reportSettings(
      options, corpusPath: options.corpus, registryVersion: registry.version,
      stopwords: stopwords.source)
    // The documents the evidence may read are listed while the report is built, on a
    // connection of their own (at 1 GB, 0.15-0.2 s that the cores otherwise spent one at a
    // time), when something changed: only then are lines read from the corpus, as a rule.
    var listing =
      update.changedYears.isEmpty
      ? nil
      : BackgroundTask { [scan] in
        try storing?.commit.wait()
        return try ReportFromState.evidenceSources(
          store: store, scan: scan, onConnectionOfItsOwn: true)
      }
    defer { _ = try? listing?.wait() }
    var built: Report
    if let storing {
      // The state will hold exactly the counted years: the report is built from them while
      // they are written, and used once they are.
      let building = Result { () throws(RunError) in
        do {
          return try ReportBuilder.build(
            source: storing.years, rejected: storing.rejected, settings: settings,
            parallel: Concurrent())
        } catch { throw .scratch("\(error)") }
      }
      try ReportJob.state { try storing.commit.wait() }
      built = try building.get()
      storing.years.forgetLastRead()
      Memory.release()
      laps.lap("store the figures and build the report", log)
    } else {
      built = try ReportFromState.build(store: store, settings: settings, seeds: updated.seeds)
      Memory.release()
      laps.lap("build the report", log)
    }
    // The copies among the documents, which the report lists and the evidence does not read:
    // looked for once the report is built, since beside the build (at its peak of memory) the
    // walk of the documents added 25-35 MB to a full run's peak in one run of three at 1 GB.
    built = built.listing(duplicates: try ReportFromState.duplicates(store: store))
    laps.lap("look for copies", log)
    ReportFromState.warnOfLeftOutComparisons(built, log: log)
    if !built.duplicates.isEmpty {
      log.info("copies of other files, accepted but not counted: \(built.duplicates.count)")
    }
    var (report, evidence) = try ReportFromState.withEvidence(
      built, store: store, changes: update,
      gatherer: EvidenceGatherer(readingAs: analyzer), log: log
    ) { () throws(RunError) in
      guard let listing else {
        return try ReportFromState.evidenceSources(store: store, scan: scan)
      }
      do { return try listing.wait() } catch let error as RunError { throw error } catch {
        throw .state(.sqlite(path: statePath, detail: "\(error)"))
      }
    }
    // The list (a record per accepted document) is not needed any more.
    listing = nil
    report.sinceLastRun = try ReportFromState.sinceLastRun(
      store: store, report: report, currentRun: runID)
    Memory.release()
    laps.lap("evidence and comparison with the last run", log)
    // The checkpoint syncs the commit to the disk: the reports published next never show
    // figures that a power cut could take back from the state. At 1 GB it is long done by now;
    // with little evidence to read, a large year's state may still be being copied, and its
    // lap says so (770 ms for a year of 149 MB of terms, timed with publishing before).
    do { try checkpoint.wait() } catch {
      // The pages stay in the log, committed; closing the store moves and syncs them.
      log.debug("checkpoint of the state left for later: \(error)")
    }
    laps.lap("sync the state", log)
    // As published: with the CSV files it lists, which are archived with it.
    report = try publish(report, in: options.output)
    laps.lap("render, validate and publish", log)
    try ReportFromState.remember(report, evidence: evidence, in: store)
    // The CSV files go with the reports that list and link them.
    let day = String(settings.generatedAt.prefix(10))
    Archive.store(
      [xmlName, htmlName] + report.exports.map(\.name), from: options.output, date: day,
      keep: options.keep, log: log)
    laps.lap("remember and archive", log)
    log.info("published \(options.output)/\(xmlName) and \(options.output)/\(htmlName)")
    var pdfFailure: RunError?
    if options.pdf {
      do {
        try publishPDF(in: options.output, log: log)
        Archive.store([pdfName], from: options.output, date: day, keep: options.keep, log: log)
      } catch { pdfFailure = error }
    }
    try? store.finishRun(
      id: runID, endedAt: Clock.now().timestamp, durationMilliseconds: started.elapsedMilliseconds,
      added: update.added, changed: update.changed, removed: update.removed,
      rejected: report.rejected.count,
      exitStatus: pdfFailure != nil ? 1 : report.rejected.isEmpty ? 0 : 3)
    finished = true
    return Outcome(
      report: report, xmlPath: options.output + "/" + xmlName,
      htmlPath: options.output + "/" + htmlName, fullRebuild: fullRebuild, changes: update,
      pdfFailure: pdfFailure)
  }

  /// Re-renders both reports from the state alone, without the corpus.
  public static func report(_ options: RunOptions, log: Logger = Logger(label: "almanac"))
    throws(RunError) -> Report
  {
    Memory.configure()
    try OpenFileLimit.ensure()
    let statePath = options.resolvedStatePath
    guard access(statePath, R_OK) == 0 else {
      throw .state(.sqlite(path: statePath, detail: "no state here; run `almanac run` first"))
    }
    let lock: StateLock
    do { lock = try StateLock.acquire(path: statePath + ".lock") } catch { throw .locked(error) }
    let folderLock: StateLock?
    do { folderLock = try StateLock.acquire(folder: options.output) } catch { throw .locked(error) }
    defer { withExtendedLifetime((lock, folderLock)) {} }
    try finishInterruptedPublish(in: options.output, log: log)
    let store: StateStore
    do { store = try StateStore.open(path: statePath) } catch { throw .state(error) }
    // The stopwords and registry the stored figures were counted with (``provenance(of:in:)``).
    let stopwords = try provenance(of: stopwordsSetting, in: store)
    let registry = try provenance(of: registrySetting, in: store)
    let settings = reportSettings(
      options, corpusPath: try state { try store.setting("corpus") } ?? options.corpus,
      registryVersion: registry, stopwords: stopwords)
    let built = try ReportFromState.build(store: store, settings: settings)
    ReportFromState.warnOfLeftOutComparisons(built, log: log)
    let evidence = try ReportJob.state { try store.evidence() }
    ReportFromState.warnOfLinesNotRead(built, evidence: evidence, log: log)
    let report = EvidencePolicy.attach(
      evidence, to: built.listing(duplicates: try ReportFromState.duplicates(store: store)))
    let published = try publish(report, in: options.output)
    if options.pdf { try publishPDF(in: options.output, log: log) }
    return published
  }

  /// Renders the reports and the CSV exports, validates the XML against the schema and
  /// publishes every file in one atomic batch.
  ///
  /// - Returns: The report as published, its ``ReportModel/Report/exports`` filled in.
  @discardableResult
  public static func publish(_ report: Report, in folder: String) throws(RunError) -> Report {
    let csv = CSVWriter.files(for: report)
    var report = report
    report.exports = CSVWriter.exports(for: csv)
    // The tree is freed once serialized, before the HTML page is built. The bytes to be
    // published are what is validated, exactly as `almanac validate` reads them (libxml2's
    // parser has limits that an in-memory tree does not).
    let xmlBytes = XMLReportWriter.document(for: report).serialized()
    do { try ReportSchema.validate(bytes: xmlBytes, name: xmlName) } catch {
      throw .invalidReport(error)
    }
    let html = HTMLReportWriter.bytes(for: report)
    let files = [(xmlName, xmlBytes), (htmlName, html)] + csv.map { ($0.name, $0.bytes) }
    do { try Publisher.publish(files, in: folder) } catch { throw .publish(error) }
    return report
  }

  /// Prints the published HTML page to `almanac.pdf` beside it (`--pdf`).
  ///
  /// Runs after the other reports are published, so a missing or failing browser costs only
  /// the PDF; the previous PDF, if any, stays until a new one is completely written.
  static func publishPDF(in folder: String, log: Logger) throws(RunError) {
    let pdf: [UInt8]
    do { pdf = try PDFPrinter.print(htmlPath: folder + "/" + htmlName) } catch { throw .pdf(error) }
    do { try Publisher.publish([(pdfName, pdf)], in: folder) } catch { throw .publish(error) }
    log.info("published \(folder)/\(pdfName)")
  }

  /// Finishes the reports that a run stopped while publishing them left half in place in
  /// `folder` (``PublishJournal``), first thing, so that even a run that fails leaves the
  /// published files of one batch.
  static func finishInterruptedPublish(in folder: String, log: Logger) throws(RunError) {
    let finished: [String]
    do { finished = try PublishJournal.finish(in: folder) } catch { throw .publish(error) }
    guard !finished.isEmpty else { return }
    let names = finished.joined(separator: ", ")
    log.warning(
      "a run was stopped while publishing in \(folder); what it published is now all in place (\(names) finished)"
    )
  }

  /// Runs a store operation, wrapping its error.
  static func state<T>(_ body: () throws -> T) throws(RunError) -> T {
    do { return try body() } catch let error as StoreError { throw .state(error) } catch {
      throw .state(.sqlite(path: "state", detail: "\(error)"))
    }
  }

  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
