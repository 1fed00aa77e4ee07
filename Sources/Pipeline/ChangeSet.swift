public import Corpus
public import Store

/// How the corpus on disk differs from the documents in the state: the pure part of an
/// incremental run.
///
/// A file whose size and modification time match its stored record is unchanged and not read.
/// Every other file is read; its content hash then tells a real change from a touch (a touched
/// file, hashed as it is read, is not counted: ``known``), and a new path whose hash
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
  public var unchanged: Unchanged = []
  /// Stored documents whose path is no longer in the corpus.
  public var missing: [StoredDocument] = []
  /// What the state holds of the stored documents at a path the scan skipped (a file it could
  /// not examine, such as a link): each is now recorded as skipped, so one that was counted has
  /// changed, and its year is recounted without it, as a full rebuild counts it.
  public var outOfSight: [Known] = []

  /// What the state holds of a file it knows, as reconciling what reading it gave needs it.
  /// Twelve bytes, one per file compared (a quarter of a million at 1 GB): the digest in two
  /// halves, so that it is aligned as they are (as one, it took 16).
  public struct Known: Sendable, Equatable {
    private let digestHigh: UInt32
    private let digestLow: UInt32
    private let storedYear: Int16
    private let flags: UInt8
    /// Its stored hash as a ``ContentHash`` value (nil when it has none, as when the file could
    /// not be read).
    public var digest: UInt64? {
      flags & 1 != 0 ? UInt64(digestHigh) << 32 | UInt64(digestLow) : nil
    }
    /// The year it was counted in (nil when it had no date).
    public var year: Int? { flags & 2 != 0 ? Int(storedYear) : nil }
    /// Whether it was counted.
    public var accepted: Bool { flags & 4 != 0 }

    /// What `document` says.
    public init(_ document: StoredDocument) {
      let digest = document.contentHash.digest
      // A calendar year (1 through 9999) always fits.
      let year = document.year.flatMap { Int16(exactly: $0) }
      digestHigh = UInt32(truncatingIfNeeded: (digest ?? 0) >> 32)
      digestLow = UInt32(truncatingIfNeeded: digest ?? 0)
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
    // Compared in place (``CorpusFile/comparedPath(with:)``): a path made as a string for every
    // comparison would be one more allocation for each file.
    let inOrder = zip(files, files.dropFirst()).allSatisfy { $0.pathPrecedes($1) }
    let order = inOrder ? nil : files.indices.sorted { files[$0].pathPrecedes(files[$1]) }
    // The skipped paths are walked beside the stored documents too, in the same byte order.
    let skipped = skipped.sorted { $0.precedesInByteOrder($1) }
    var nextSkipped = 0
    // The next file in byte order, as its index in `files`.
    var next = 0
    func index(_ position: Int) -> Int { order?[position] ?? position }
    // The files to read, by index, and what the state holds of each, kept apart (the pair took
    // 24 bytes a file, and the list of what was known was copied out of it at the end), with
    // room for every file: grown by doubling as the documents came, the lists held twice their
    // size while each was copied, and a full rebuild over a state of three million files
    // peaked at 323 MB here. Room that no file takes is never touched, so it is not resident.
    var read: [Int32] = []  // (two thousand million files would take 48 GB of scan)
    read.reserveCapacity(files.count)
    known.reserveCapacity(files.count)
    if !readingAll { unchanged.reserveCapacity(files.count) }
    func toBeRead(_ file: Int, _ stored: Known?) {
      read.append(Int32(file))
      known.append(stored)
    }
    var storedAny = false
    try forEachStored { document in
      storedAny = true
      // The files before the document are new.
      while next < files.count,
        files[index(next)].comparedPath(with: document.path) < 0
      {
        toBeRead(index(next), nil)
        next += 1
      }
      guard next < files.count, files[index(next)].comparedPath(with: document.path) == 0 else {
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
        document.modified == files[file].modified, !document.contentHash.isEmpty
      {
        unchanged.append((file, Known(document)))
      } else {
        toBeRead(file, Known(document))
      }
    }
    // Nothing stored (a first run, or a full rebuild before the stored documents are loaded):
    // every file is read, and none can be missing.
    guard storedAny else {
      toRead = files
      known = []
      return
    }
    while next < files.count {
      toBeRead(index(next), nil)
      next += 1
    }
    if order != nil {
      Self.sort(&read, carrying: &known)
      unchanged.sortByFile()
    }
    // Every file is to be read: the list is the scan's own, not a copy of it (16 MB at 1 GB,
    // held while they are counted).
    toRead = unchanged.isEmpty ? files : read.map { files[Int($0)] }
  }

  /// The digest the state holds for each file of ``toRead`` (nil for a new path, or a record
  /// without one), for the reading to tell a touched file from a changed one before counting it
  /// (``CorpusAnalyzer/FileOutcome/sameAsStored``); nil when the state held nothing. A run
  /// hands the reading ``known`` itself, which holds them: this list of them took 16 bytes more
  /// for each file read.
  public var storedDigests: [UInt64?]? { known.isEmpty ? nil : known.map { $0?.digest } }
}
