import Corpus
public import Store

extension ChangeSet {
  /// What reading `toRead` means for the state.
  public struct Reconciliation: Sendable {
    /// Records to write (read files, moved files).
    public var upserts: [StoredDocument] = []
    /// Touched files (read, and found as stored) with what the state holds of them: their new
    /// size and time are written so that the next run need not read them (before ``upserts``:
    /// a recount that finds one changed after all records it again there).
    public var refreshed = Refreshed()
    /// Paths to forget.
    public var removals: [String] = []
    /// Years whose figures must be recomputed from all their documents.
    public var affectedYears: Set<Int> = []
    /// New paths (moves excluded).
    public var added = 0
    /// Known paths whose content changed (a counted file the scan could no longer examine too).
    public var changed = 0
    /// Paths gone from the corpus (moves excluded).
    public var removed = 0
    /// Paths that are a renamed known file.
    public var moved = 0
    /// Known paths read again whose content had not changed (``refreshed``).
    public var touched = 0

    /// The new size and time of each file of ``refreshed``.
    public var touches: [TouchedDocument] { refreshed.map { Self.touch($0.file) } }

    /// The same as ``touches``, each made as it is written: a path made for each of three
    /// million touched files took 240 MB as a list.
    public var touchSource: StateChange.TouchSource {
      StateChange.TouchSource(count: refreshed.count) { [refreshed] write in
        for (file, _) in refreshed { try write(Self.touch(file)) }
      }
    }

    /// The new size and time of `file`.
    private static func touch(_ file: CorpusFile) -> TouchedDocument {
      TouchedDocument(path: file.path, size: file.size, modified: file.modified)
    }
    /// Accepted documents added or changed in this run, per year of their date: copies
    /// excluded (``copies``), as they change no figure.
    public var newDocumentsPerYear: [Int: Int] = [:]
    /// The files added, changed and removed that hold the bytes of another document.
    public var copies = Copies()

    /// What a report's "since the last run" section is to list of this run's changes, kept by
    /// the state until a report has listed it: the documents that change the figures, and the
    /// copies apart.
    public var unreported: UnreportedChanges {
      UnreportedChanges(
        newDocumentsPerYear: newDocumentsPerYear, removedDocuments: removed - copies.removed,
        addedCopies: copies.added, removedCopies: copies.removed)
    }

    /// Years of accepted upserts that ``releaseUpserts()`` let go of.
    private var releasedYears: Set<Int> = []

    /// Years in which an accepted document was added, changed, moved, touched or removed:
    /// anything stored about their documents (evidence lines, paths) may be out of date.
    public var changedYears: Set<Int> {
      affectedYears.union(releasedYears).union(Self.years(acceptedIn: upserts))
    }

    /// Lets go of the upsert and refreshed records once they are written (one per file read: a
    /// quarter of a million at 1 GB), keeping the years ``changedYears`` needs.
    public mutating func releaseUpserts() {
      releasedYears.formUnion(Self.years(acceptedIn: upserts))
      upserts = []
      refreshed = Refreshed()
    }

    /// The years of the accepted `records`, found without copying them (a filtered copy of a
    /// quarter of a million records retained and released each one's strings).
    private static func years(acceptedIn records: [StoredDocument]) -> Set<Int> {
      var years = Set<Int>()
      // By index, reading two fields of each record in place.
      for index in records.indices where records[index].accepted {
        if let year = records[index].year { years.insert(year) }
      }
      return years
    }
  }

  /// Classifies the outcomes of reading ``toRead``, one per file, in its order.
  ///
  /// - Parameters:
  ///   - outcomes: One per file of ``toRead``.
  ///   - listingReads: Whether the records of the files read (every outcome not
  ///     ``CorpusAnalyzer/FileOutcome/sameAsStored``) go in ``Reconciliation/upserts``. A caller
  ///     that writes them straight from the outcomes passes false, as a run does (a record is 80
  ///     bytes and its path's own, for each file read); the years they are in are still
  ///     affected.
  public func reconcile<Outcomes: RandomAccessCollection<CorpusAnalyzer.FileOutcome>>(
    _ outcomes: Outcomes, listingReads: Bool = true
  ) -> Reconciliation where Outcomes.Index == Int {
    precondition(known.isEmpty || known.count == outcomes.count, "one outcome per file read")
    var result = Reconciliation()
    // Missing documents by their hash (as indices in `missing`), and whether each was moved:
    // by index, not by path, so that two spellings of a name are never taken for one.
    var vanishedByHash: [StoredDocument.Hash: [Int]] = [:]
    for (position, document) in missing.enumerated() where !document.contentHash.isEmpty {
      vanishedByHash[document.contentHash, default: []].append(position)
    }
    var movedAway = [Bool](repeating: false, count: missing.count)
    // Which files were there before the run with the bytes they have now: a moved one, or a
    // known one read as it was (``Copies``).
    var heldBefore = [Bool](repeating: false, count: outcomes.count)
    // Only a state that held documents can hold one with an added file's bytes.
    let tracked = !known.isEmpty
    if listingReads { result.upserts.reserveCapacity(outcomes.count) }
    // The outcomes' own list of files where they have one (a run's), shared, not copied.
    if !known.isEmpty {
      let files = (outcomes as? CorpusAnalyzer.FileOutcomes)?.files ?? outcomes.map(\.file)
      result.refreshed = Refreshed(files: files, known: known)
    }
    // By index: each outcome is made once, from its file's entry and what became of it.
    for index in outcomes.indices {
      let outcome = outcomes[index]
      // A touched file was not counted: its year need not be recounted for it, and its record
      // is the stored one, but for when the file was last modified.
      let old = known.isEmpty ? nil : known[index]
      if outcome.sameAsStored {
        // Its stored digest came from `known`.
        guard old != nil else {
          preconditionFailure("\(outcome.file.path) found as stored is not stored")
        }
        result.refreshed.append(index)
        result.touched += 1
        heldBefore[index] = true
        continue
      }
      if listingReads { result.upserts.append(StoredDocument(outcome)) }
      let year = outcome.date?.year
      if let year { result.affectedYears.insert(year) }
      // An accepted file added or changed is a new document, unless it is a copy.
      func added() {
        guard let year, let digest = outcome.digest else { return }
        if result.copies.noteAdded(
          digest: digest, year: year, isCopy: outcome.isCopy, tracked: tracked)
        {
          result.newDocumentsPerYear[year, default: 0] += 1
        }
      }
      if let old {
        if old.digest != outcome.digest {
          result.changed += 1
          if let year = old.year { result.affectedYears.insert(year) }
          added()
        } else {
          heldBefore[index] = true
        }
      } else if let hash = outcome.digest.map(StoredDocument.Hash.digest),
        var candidates = vanishedByHash[hash], !candidates.isEmpty
      {
        let position = candidates.removeFirst()
        let original = missing[position]
        vanishedByHash[hash] = candidates
        movedAway[position] = true
        result.moved += 1
        heldBefore[index] = true
        if let year = original.year { result.affectedYears.insert(year) }
      } else {
        result.added += 1
        added()
      }
    }
    for known in outOfSight where known.accepted {
      result.changed += 1
      if let year = known.year { result.affectedYears.insert(year) }
    }
    for (position, document) in missing.enumerated() {
      result.removals.append(document.path)
      if movedAway[position] { continue }
      result.removed += 1
      if let year = document.year { result.affectedYears.insert(year) }
      if document.accepted, let digest = document.contentHash.digest {
        result.copies.noteRemoved(digest: digest)
      }
    }
    // The files read that hold an added file's or a removed document's bytes.
    if result.copies.isPending {
      for index in outcomes.indices {
        let outcome = outcomes[index]
        // A touched file's record is the stored one.
        let accepted =
          outcome.sameAsStored ? known[index]?.accepted == true : outcome.rejection == nil
        guard accepted, let digest = outcome.digest else { continue }
        if let year = result.copies.noteHeld(digest: digest, unchanged: heldBefore[index]) {
          ChangeSet.withoutCopy(in: year, &result.newDocumentsPerYear)
        }
      }
    }
    // None touched: the lists it would share go with the comparison's.
    if result.refreshed.isEmpty { result.refreshed = Refreshed() }
    return result
  }
}

extension StoredDocument {
  /// The record of a file that was just read.
  init(_ outcome: CorpusAnalyzer.FileOutcome) {
    self.init(
      path: outcome.file.path, size: outcome.file.size, modified: outcome.file.modified,
      contentHash: outcome.digest.map(StoredDocument.Hash.digest) ?? .text(""), date: outcome.date,
      accepted: outcome.rejection == nil,
      reason: outcome.rejection?.description, repaired: outcome.repaired)
  }
}
