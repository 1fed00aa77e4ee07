public import Corpus
public import Store

/// How the corpus on disk differs from the documents in the state: the pure part of an
/// incremental run.
///
/// A file whose size and modification time match its stored record is unchanged and not read.
/// Every other file is read; its content hash then tells a real change from a touch (a touched
/// file, hashed as it is read, is not counted: ``storedDigests(_:)``), and a new path whose hash
/// equals that of a vanished one is a move (a rename), not a removal and an addition.
public struct ChangeSet: Sendable {
  /// Files to read: new paths, and known paths whose size or modification time changed.
  public var toRead: [CorpusFile] = []
  /// Stored documents still on disk with the same size and modification time.
  public var unchanged: [StoredDocument] = []
  /// Stored documents whose path is no longer in the corpus.
  public var missing: [StoredDocument] = []

  /// Compares the scanned files with the stored documents.
  ///
  /// - Parameter readingAll: Every file is to be read, as in a full rebuild: none is
  ///   ``unchanged``, and ``reconcile(_:stored:)`` still tells new and changed files from those
  ///   the state already held as they are.
  public init(
    files: [CorpusFile], skipped: Set<String>, stored: [String: StoredDocument],
    readingAll: Bool = false
  ) {
    // Nothing stored (a first run, or a full rebuild before the stored documents are loaded):
    // every file is read, and none can be missing.
    guard !stored.isEmpty else {
      toRead = files
      return
    }
    var seen = Set<String>()
    for file in files {
      seen.insert(file.path)
      if !readingAll, let old = stored[file.path], old.size == file.size,
        old.modified == file.modified, !old.hash.isEmpty
      {
        unchanged.append(old)
      } else {
        toRead.append(file)
      }
    }
    missing = stored.values.filter { !seen.contains($0.path) && !skipped.contains($0.path) }
      .sorted { $0.path.precedesInByteOrder($1.path) }
  }

  /// The digest `stored` holds for each file of ``toRead`` (nil for a new path, or a record
  /// without one), for the reading to tell a touched file from a changed one before counting it
  /// (``CorpusAnalyzer/FileOutcome/sameAsStored``).
  public func storedDigests(_ stored: [String: StoredDocument]) -> [UInt64?] {
    toRead.map { file in stored[file.path].flatMap { ContentHash.value(hex: $0.hash) } }
  }

  /// What reading `toRead` means for the state.
  public struct Reconciliation: Sendable {
    /// Records to write (read files, moved files).
    public var upserts: [StoredDocument] = []
    /// The stored records of touched files (read, and found as stored), with their size and
    /// modification time as they are now: written so that the next run need not read them, and
    /// before ``upserts`` (a recount that finds one changed after all records it again there).
    public var refreshed: [StoredDocument] = []
    /// Paths to forget.
    public var removals: [String] = []
    /// Years whose figures must be recomputed from all their documents.
    public var affectedYears: Set<Int> = []
    /// New paths (moves excluded).
    public var added = 0
    /// Known paths whose content changed.
    public var changed = 0
    /// Paths gone from the corpus (moves excluded).
    public var removed = 0
    /// Paths that are a renamed known file.
    public var moved = 0
    /// Known paths read again whose content had not changed (``refreshed``).
    public var touched = 0

    /// Every record to write, ``refreshed`` first (copied only when there are some: a full
    /// rebuild's quarter of a million upserts are not).
    public var records: [StoredDocument] { refreshed.isEmpty ? upserts : refreshed + upserts }
    /// Accepted documents added or changed in this run, per year of their date.
    public var newDocumentsPerYear: [Int: Int] = [:]

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
      refreshed = []
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

  /// Classifies the outcomes of reading ``toRead``.
  ///
  /// - Parameters:
  ///   - outcomes: One outcome per file of ``toRead``.
  ///   - stored: The stored documents by path.
  public func reconcile(
    _ outcomes: [CorpusAnalyzer.FileOutcome], stored: [String: StoredDocument]
  ) -> Reconciliation {
    var result = Reconciliation()
    var vanishedByHash: [String: [StoredDocument]] = [:]
    for document in missing where !document.hash.isEmpty {
      vanishedByHash[document.hash, default: []].append(document)
    }
    var movedAway = Set<String>()
    result.upserts.reserveCapacity(outcomes.count)
    // By index: each outcome is read in place, not copied (a quarter of a million at 1 GB).
    for index in outcomes.indices {
      // A touched file was not counted: its year need not be recounted for it, and its record
      // is the stored one, but for when the file was last modified.
      if outcomes[index].sameAsStored {
        // Its stored digest came from `stored` (``storedDigests(_:)``).
        guard var old = stored[outcomes[index].file.path] else {
          preconditionFailure("\(outcomes[index].file.path) found as stored is not stored")
        }
        (old.size, old.modified) = (outcomes[index].file.size, outcomes[index].file.modified)
        result.refreshed.append(old)
        result.touched += 1
        continue
      }
      let record = StoredDocument(outcomes[index])
      result.upserts.append(record)
      if let year = record.year { result.affectedYears.insert(year) }
      if let old = stored.isEmpty ? nil : stored[record.path] {
        if old.hash != record.hash {
          result.changed += 1
          if let year = old.year { result.affectedYears.insert(year) }
          if let year = record.year { result.newDocumentsPerYear[year, default: 0] += 1 }
        }
      } else if var candidates = vanishedByHash[record.hash], !candidates.isEmpty {
        let original = candidates.removeFirst()
        vanishedByHash[record.hash] = candidates
        movedAway.insert(original.path)
        result.moved += 1
        if let year = original.year { result.affectedYears.insert(year) }
      } else {
        result.added += 1
        if let year = record.year { result.newDocumentsPerYear[year, default: 0] += 1 }
      }
    }
    for document in missing {
      result.removals.append(document.path)
      if movedAway.contains(document.path) { continue }
      result.removed += 1
      if let year = document.year { result.affectedYears.insert(year) }
    }
    return result
  }
}

extension StoredDocument {
  /// The record of a file that was just read.
  init(_ outcome: CorpusAnalyzer.FileOutcome) {
    self.init(
      path: outcome.file.path, size: outcome.file.size, modified: outcome.file.modified,
      hash: outcome.hash, date: outcome.date, accepted: outcome.rejection == nil,
      reason: outcome.rejection?.description, repaired: outcome.repaired)
  }
}
