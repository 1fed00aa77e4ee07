public import Corpus
public import Store

/// How the corpus on disk differs from the documents in the state: the pure part of an
/// incremental run.
///
/// A file whose size and modification time match its stored record is unchanged and not read.
/// Every other file is read; its content hash then tells a real change from a touch (a touched
/// file, hashed as it is read, is not counted: ``storedDigests``), and a new path whose hash
/// equals that of a vanished one is a move (a rename), not a removal and an addition.
///
/// What it keeps of the stored records is only what reconciling the files read and recounting
/// the unchanged ones need (``Known``): the records themselves go before the files are read and
/// counted.
public struct ChangeSet: Sendable {
  /// Files to read: new paths, and known paths whose size or modification time changed.
  public var toRead: [CorpusFile] = []
  /// What the state holds of each file of ``toRead`` (nil for a new path); empty when the
  /// state held nothing.
  public var known: [Known?] = []
  /// The files still on disk with the size and modification time stored, by their index in
  /// the files compared, with what the state holds of each (16 bytes, where their records took
  /// 115 MB at 1 GB).
  public var unchanged: [(file: Int, known: Known)] = []
  /// Stored documents whose path is no longer in the corpus.
  public var missing: [StoredDocument] = []
  /// What the state holds of the stored documents at a path the scan skipped (a file it could
  /// not examine, such as a link): each is now recorded as skipped, so one that was counted has
  /// changed, and its year is recounted without it, as a full rebuild counts it.
  public var outOfSight: [Known] = []

  /// What the state holds of a file it knows, as reconciling what reading it gave needs it.
  /// Sixteen bytes, one per file compared (a quarter of a million at 1 GB).
  public struct Known: Sendable, Equatable {
    private let storedDigest: UInt64
    private let storedYear: Int32
    private let flags: UInt8
    /// Its stored hash as a ``ContentHash`` value (nil when it has none, as when the file could
    /// not be read).
    public var digest: UInt64? { flags & 1 != 0 ? storedDigest : nil }
    /// The year it was counted in (nil when it had no date).
    public var year: Int? { flags & 2 != 0 ? Int(storedYear) : nil }
    /// Whether it was counted.
    public var accepted: Bool { flags & 4 != 0 }

    /// What `document` says.
    public init(_ document: StoredDocument) {
      let digest = ContentHash.value(hex: document.hash)
      // A calendar year always fits.
      let year = document.year.flatMap { Int32(exactly: $0) }
      storedDigest = digest ?? 0
      storedYear = year ?? 0
      flags =
        (digest != nil ? 1 : 0) | (year != nil ? 2 : 0) | (document.accepted ? 4 : 0)
    }
  }

  /// Compares the scanned files with the stored documents, which `forEachStored` hands over one
  /// at a time in byte order of their paths (as the state lists them): one merge of two sorted
  /// lists, with no table of either (a table of the stored records, looked up for each file,
  /// took 115 MB and most of the comparison's time at 1 GB). Paths are compared by their bytes.
  ///
  /// - Parameters:
  ///   - files: The scanned files, in any order (the scan lists them in byte order of their
  ///     paths; others are put in that order here).
  ///   - skipped: The paths the scan skipped (a folder it could not open, a file it could not
  ///     examine), in any order: a stored document there is not missing, only out of sight
  ///     (``outOfSight``).
  ///   - readingAll: Every file is to be read, as in a full rebuild: none is ``unchanged``, and
  ///     ``reconcile(_:)`` still tells new and changed files from those the state already held
  ///     as they are.
  /// - Throws: What `forEachStored` throws.
  public init<Failure: Error>(
    files: [CorpusFile], skipped: [String], readingAll: Bool = false,
    storedInPathOrder forEachStored: ((StoredDocument) -> Void) throws(Failure) -> Void
  ) throws(Failure) {
    let inOrder = zip(files, files.dropFirst()).allSatisfy { $0.path.precedesInByteOrder($1.path) }
    let order =
      inOrder ? nil : files.indices.sorted { files[$0].path.precedesInByteOrder(files[$1].path) }
    // The skipped paths are walked beside the stored documents too, in the same byte order.
    let skipped = skipped.sorted { $0.precedesInByteOrder($1) }
    var nextSkipped = 0
    // The next file in byte order, as its index in `files`.
    var next = 0
    func index(_ position: Int) -> Int { order?[position] ?? position }
    var read: [(file: Int, known: Known?)] = []
    var storedAny = false
    try forEachStored { document in
      storedAny = true
      // The files before the document are new.
      while next < files.count,
        files[index(next)].path.comparedInByteOrder(with: document.path) < 0
      {
        read.append((index(next), nil))
        next += 1
      }
      guard next < files.count, files[index(next)].path.hasSameBytes(document.path) else {
        while nextSkipped < skipped.count,
          skipped[nextSkipped].comparedInByteOrder(with: document.path) < 0
        {
          nextSkipped += 1
        }
        if nextSkipped < skipped.count, skipped[nextSkipped].hasSameBytes(document.path) {
          outOfSight.append(Known(document))
        } else {
          missing.append(document)
        }
        return
      }
      let file = index(next)
      next += 1
      if !readingAll, document.size == files[file].size,
        document.modified == files[file].modified, !document.hash.isEmpty
      {
        unchanged.append((file, Known(document)))
      } else {
        read.append((file, Known(document)))
      }
    }
    // Nothing stored (a first run, or a full rebuild before the stored documents are loaded):
    // every file is read, and none can be missing.
    guard storedAny else {
      toRead = files
      return
    }
    while next < files.count {
      read.append((index(next), nil))
      next += 1
    }
    if order != nil {
      read.sort { $0.file < $1.file }
      unchanged.sort { $0.file < $1.file }
    }
    // Every file is to be read: the list is the scan's own, not a copy of it (16 MB at 1 GB,
    // held while they are counted).
    toRead = unchanged.isEmpty ? files : read.map { files[$0.file] }
    known = read.map(\.known)
  }

  /// The digest the state holds for each file of ``toRead`` (nil for a new path, or a record
  /// without one), for the reading to tell a touched file from a changed one before counting it
  /// (``CorpusAnalyzer/FileOutcome/sameAsStored``); nil when the state held nothing.
  public var storedDigests: [UInt64?]? { known.isEmpty ? nil : known.map { $0?.digest } }

  /// What reading `toRead` means for the state.
  public struct Reconciliation: Sendable {
    /// Records to write (read files, moved files).
    public var upserts: [StoredDocument] = []
    /// Touched files (read, and found as stored) with what the state holds of them: their new
    /// size and time are written so that the next run need not read them (before ``upserts``:
    /// a recount that finds one changed after all records it again there).
    public var refreshed: [(file: CorpusFile, known: Known)] = []
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
    public var touches: [TouchedDocument] {
      refreshed.map {
        TouchedDocument(path: $0.file.path, size: $0.file.size, modified: $0.file.modified)
      }
    }
    /// Accepted documents added or changed in this run, per year of their date.
    public var newDocumentsPerYear: [Int: Int] = [:]

    /// What a report's "since the last run" section is to list of this run's changes, kept by
    /// the state until a report has listed it.
    public var unreported: UnreportedChanges {
      UnreportedChanges(newDocumentsPerYear: newDocumentsPerYear, removedDocuments: removed)
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

  /// Classifies the outcomes of reading ``toRead``, one per file, in its order.
  public func reconcile(_ outcomes: [CorpusAnalyzer.FileOutcome]) -> Reconciliation {
    precondition(known.isEmpty || known.count == outcomes.count, "one outcome per file read")
    var result = Reconciliation()
    // Missing documents by their hash (as indices in `missing`), and whether each was moved:
    // by index, not by path, so that two spellings of a name are never taken for one.
    var vanishedByHash: [String: [Int]] = [:]
    for (position, document) in missing.enumerated() where !document.hash.isEmpty {
      vanishedByHash[document.hash, default: []].append(position)
    }
    var movedAway = [Bool](repeating: false, count: missing.count)
    result.upserts.reserveCapacity(outcomes.count)
    // By index: each outcome is read in place, not copied (a quarter of a million at 1 GB).
    for index in outcomes.indices {
      // A touched file was not counted: its year need not be recounted for it, and its record
      // is the stored one, but for when the file was last modified.
      let old = known.isEmpty ? nil : known[index]
      if outcomes[index].sameAsStored {
        // Its stored digest came from `known` (``storedDigests``).
        guard let old else {
          preconditionFailure("\(outcomes[index].file.path) found as stored is not stored")
        }
        result.refreshed.append((outcomes[index].file, old))
        result.touched += 1
        continue
      }
      let record = StoredDocument(outcomes[index])
      result.upserts.append(record)
      if let year = record.year { result.affectedYears.insert(year) }
      if let old {
        if old.digest != outcomes[index].digest {
          result.changed += 1
          if let year = old.year { result.affectedYears.insert(year) }
          if let year = record.year { result.newDocumentsPerYear[year, default: 0] += 1 }
        }
      } else if var candidates = vanishedByHash[record.hash], !candidates.isEmpty {
        let position = candidates.removeFirst()
        let original = missing[position]
        vanishedByHash[record.hash] = candidates
        movedAway[position] = true
        result.moved += 1
        if let year = original.year { result.affectedYears.insert(year) }
      } else {
        result.added += 1
        if let year = record.year { result.newDocumentsPerYear[year, default: 0] += 1 }
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
