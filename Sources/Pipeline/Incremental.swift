import Analysis
import Corpus
import Logging
import ReportModel
import Store

/// Brings the stored per-year figures up to date with the corpus, reading as little as it can.
enum Incremental {
  /// Reads new and changed files, recounts every year they touch from all of that year's
  /// documents, and commits documents and figures in one transaction. The counts are released
  /// when it returns and the report is built from the state; but a full rebuild (or a run that
  /// found every file changed, so counted them all) returns while its commit is written, with
  /// the counted years to build the report from meanwhile.
  ///
  /// - Parameters:
  ///   - settings: What the commit stores beside the figures (the analysis' fingerprint, what
  ///     the report is to say they were counted with); the corpus folder is added.
  ///   - full: Every file is read and every year recounted, and the figures stored before are
  ///     replaced in the same commit; the documents stored before still tell which files are
  ///     new, changed or gone since the last run.
  ///   - seedLimit: How many terms the report lists: while the recounted years are stored,
  ///     their ``ReportModel/TermSeeds`` for that many are worked out on another core (not in a
  ///     full rebuild, whose report builder works them out itself while the commit is written).
  /// - Returns: What changed, and the seeds of the recounted years; for a full rebuild, or a
  ///   run that counted every file, the commit still being written (``Update/storing``).
  static func update(
    store: StateStore, scan: CorpusScan, analyzer: CorpusAnalyzer, settings: [String: String],
    full: Bool, seedLimit: Int, log: Logger
  ) throws(RunError) -> Update {
    var laps = Laps()
    let skipped = scan.skipped.map {
      StoredDocument(
        path: $0.path, size: 0, modified: 0, hash: "", date: nil, accepted: false,
        reason: $0.reason.description, repaired: false)
    }
    let skippedPaths = skipped.map(\.path)
    // The scan compared with the stored documents, streamed in the order of their paths: the
    // comparison keeps 12 bytes of each file (`ChangeSet.Known`), and the index of an unchanged
    // one, never the records (115 MB at 1 GB; with the counting tables, 365 MB when every file
    // changed and they were kept).
    func compare(readingAll: Bool) throws(RunError) -> ChangeSet {
      try ReportJob.state {
        try ChangeSet(files: scan.files, skipped: skippedPaths, readingAll: readingAll) {
          try store.forEachDocument($0)
        }
      }
    }
    // A full rebuild reads and counts every file whatever the state holds, so it compares only
    // once the files are counted, to tell which are new: compared before, its files would come
    // with their stored digests, and a file found as stored would not be counted.
    var changes =
      full
      ? ChangeSet(files: scan.files, skipped: skippedPaths, readingAll: true) { _ in }
      : try compare(readingAll: false)
    func compared() {
      log.info(
        "\(scan.files.count) files: \(changes.toRead.count) to read, \(changes.unchanged.count) unchanged, \(changes.missing.count) gone"
      )
      laps.lap("compare \(scan.files.count) files with the state", log)
    }
    // The walk of every stored document filled the connection's cache, which counting does not
    // need (16 MB at 1 GB).
    store.releaseCache()
    Memory.release()
    if !full { compared() }

    // Pass 1: every new or modified file, read once, counted as it is read, a year at a time.
    let counted: CountedYears
    let first: CorpusAnalyzer.FileOutcomes
    do {
      counted = try CountedYears(analyzer: analyzer, folder: ReportJob.parent(of: store.path))
      let total = changes.toRead.count
      // A known file is counted only if its bytes changed: a touched one's year is recounted
      // only if something else changed in it.
      first = try counted.count(
        changes.toRead, years: ExpectedYears.runs(of: changes.toRead),
        stored: changes.known.isEmpty ? nil : changes.known
      ) { done in log.debug("read \(done)/\(total) new or changed files") }
    } catch { throw .scratch("\(error)") }
    if counted.spillCount > 0 {
      log.debug("put a year's bigrams aside \(counted.spillCount) times, grown past a core's room")
    }
    laps.lap("read and count \(changes.toRead.count) files", log)
    if full {
      changes = try compare(readingAll: true)
      store.releaseCache()
      compared()
    }
    // Every file read and counted (as when every file changed): what was counted is all the
    // state will hold, as in a full rebuild, and there is nothing to recount.
    let countedAll = changes.unchanged.isEmpty && !first.contains { $0.sameAsStored }
    let written: CorpusAnalyzer.FileOutcomes? = full || countedAll ? first : nil
    // The record of every file read but a touched one is written from its outcome as it is
    // written, not listed: the outcomes take 12 bytes a file beside the files read, where a
    // record took 80 and its path's own (half the files of three million changed, the listed
    // records held 180 MB, and the run peaked at 522 MB).
    var reconciliation = changes.reconcile(first, listingReads: false)
    // In a run that counts every file, every copy was told apart in pass 1.
    let copiesCounted = first.reduce(0) { $0 + ($1.isCopy ? 1 : 0) }
    let reads = StateChange.DocumentSource(count: first.count - reconciliation.touched) {
      [first] write in
      for index in first.indices {
        let outcome = first[index]
        if !outcome.sameAsStored { try write(StoredDocument(outcome)) }
      }
    }
    _ = consume first
    if reconciliation.touched > 0 {
      log.info("files touched but not changed, not counted again: \(reconciliation.touched)")
    }

    // Pass 2: the documents not counted in pass 1 (unchanged, or touched but not changed) of
    // every year whose counts pass 1 changed; then, as long as some were found dated in another
    // year than the one stored (changed since the scan), the documents of those years too.
    // What the recount needs of the comparison is `unchanged` (16 bytes a file): the rest goes
    // before it, which holds a year's tables.
    let unchanged = changes.unchanged
    (changes.toRead, changes.known, changes.unchanged, changes.missing) = ([], [], [], [])
    Memory.release()
    var toRecount = reconciliation.affectedYears
    while !toRecount.isEmpty {
      func recounted(_ year: Int?) -> Bool { year.map(toRecount.contains) == true }
      // Each with the year it is expected in and the digest it is expected to have.
      var files: [(year: Int?, digest: UInt64?, file: CorpusFile)] = []
      for (index, known) in unchanged where known.accepted && recounted(known.year) {
        files.append((known.year, known.digest, scan.files[index]))
      }
      for (file, known) in reconciliation.refreshed where known.accepted && recounted(known.year) {
        files.append((known.year, known.digest, file))
      }
      if files.isEmpty { break }
      log.info("recounting \(files.count) unchanged documents of \(toRecount.count) touched years")
      let outcomes: CorpusAnalyzer.FileOutcomes
      do { outcomes = try counted.count(files.map(\.file), years: files.map(\.year)) } catch {
        throw .scratch("\(error)")
      }
      laps.lap("recount \(files.count) unchanged files", log)
      // A file that changed since the scan is recorded as it is now (the outcomes are in the
      // order of the files counted); one now dated in a year not recounted yet was counted
      // there, and that year's other documents are counted next.
      // The recounted documents that hold an added file's or a removed document's bytes.
      for (outcome, expected) in zip(outcomes, files)
      where reconciliation.copies.isPending && outcome.rejection == nil {
        guard let digest = outcome.digest else { continue }
        reconciliation.noteRecounted(digest: digest, unchanged: digest == expected.digest)
      }
      toRecount = []
      for (outcome, expected) in zip(outcomes, files)
      where outcome.rejection != nil || outcome.digest != expected.digest {
        let record = StoredDocument(outcome)
        reconciliation.upserts.append(record)
        if record.accepted, let year = record.year, !reconciliation.affectedYears.contains(year) {
          toRecount.insert(year)
        }
      }
      reconciliation.affectedYears.formUnion(toRecount)
    }
    reconciliation.upserts += skipped
    counted.doneCounting()
    // The counts are packed away; what they occupied goes back before the state is written.
    Memory.release()

    if let written {
      // Everything stored is replaced by what was counted: the report can be built from the
      // counted years while they are written, on the cores the commit leaves (it keeps one
      // busy, half of it inserting the documents' records, one at a time).
      let rejected = ReportFromState.rejected(
        (written.lazy.filter { $0.rejection != nil }.map(StoredDocument.init)
          + reconciliation.upserts.filter { !$0.accepted })
          .sorted { $0.path.precedesInByteOrder($1.path) })
      // The change is handed over whole, so that the commit holds the only copy of the outcomes
      // and lets them go once their records are written, before the years (a quarter of a
      // million at 1 GB, held while the report is built beside the commit).
      let change = Shared<StateChange?>(
        StateChange(
          upsertDocuments: reconciliation.upserts, documentSource: reads,
          touchSource: reconciliation.touchSource,
          removeDocuments: reconciliation.removals,
          replaceYears: reconciliation.affectedYears, replaceAllYears: true,
          sliceSource: StateChange.SliceSource(years: counted.years) { try counted.slice($0) },
          settings: settings.merging(["corpus": scan.root]) { $1 },
          unreported: reconciliation.unreported, copies: copiesCounted))
      reconciliation.releaseUpserts()
      let commit = BackgroundTask { try store.commit(change.withLock { $0.take()! }) }
      return Update(
        changes: reconciliation, seeds: [:],
        storing: Storing(years: counted, rejected: rejected, commit: commit))
    }
    // Storing keeps one core busy. The other reads each counted year back from the scratch file
    // and checks it, hands it over to be stored, and then works out the report's first pass
    // over it (its seeds) while the next year is stored.
    let years = Handoff<Result<YearSlice, any Error>>()
    let change = StateChange(
      upsertDocuments: reconciliation.upserts, documentSource: reads,
      touchSource: reconciliation.touchSource,
      removeDocuments: reconciliation.removals,
      replaceYears: reconciliation.affectedYears, replaceAllYears: full,
      sliceSource: StateChange.SliceSource(years: counted.years) { year in
        let slice = try years.take().get()
        precondition(slice.year == year, "year \(slice.year) handed over for \(year)")
        return slice
      },
      settings: settings.merging(["corpus": scan.root]) { $1 },
      unreported: reconciliation.unreported)
    let seeding = BackgroundTask { [counted] in
      var seeds: [Int: TermSeeds] = [:]
      for year in counted.years {
        let slice = Result { try counted.slice(year) }
        guard years.put(slice), case .success(let slice) = slice else { break }
        seeds[year] = TermSeeds(slice.packedTerms, limit: seedLimit)
      }
      return seeds
    }
    do { try ReportJob.state { try store.commit(change) } } catch {
      years.close()
      _ = try? seeding.wait()
      throw error
    }
    // Seeds only save the report builder a pass: without them it works them out itself.
    let seeded = (try? seeding.wait()) ?? [:]
    laps.lap("store the figures", log)
    // The records are in the state now; the rest of the run needs only what they add up to.
    reconciliation.releaseUpserts()
    return Update(changes: reconciliation, seeds: seeded, storing: nil)
  }

  /// What ``update(store:scan:analyzer:settings:full:seedLimit:log:)`` did.
  struct Update {
    /// What changed.
    var changes: ChangeSet.Reconciliation
    /// The seeds of the recounted years worked out while they were stored.
    var seeds: [Int: TermSeeds]
    /// The commit of a full rebuild (or of a run that counted every file), still being written;
    /// nil when the commit is written.
    var storing: Storing?
  }

  /// The commit of a full rebuild (or of a run that counted every file) being written on a
  /// thread of its own, and what it stores: the state will hold exactly these years and these
  /// rejected files once it is written.
  struct Storing {
    /// The counted years, every year the state will hold.
    let years: CountedYears
    /// The files recorded as rejected, in byte order of their paths (as the state lists them).
    let rejected: [RejectedFile]
    /// The commit; what it throws is a ``Store/StoreError``.
    let commit: BackgroundTask<Void>
  }
}
