import Store

extension ChangeSet {
  /// Which of a run's added, changed and removed documents are copies: files whose bytes
  /// another document of the corpus holds, so that they change no figure (a copy is counted
  /// once, ``CountedDigests``). "Since the last run" lists the documents that changed the
  /// figures, and the copies apart.
  ///
  /// An added or changed file is a copy when the run counted another file with its bytes before
  /// it (``CorpusAnalyzer/FileOutcome/isCopy``), or when a document that was in the corpus
  /// before the run and is still there holds its bytes. A removed document is a copy when a
  /// document still in the corpus, or another one removed, holds its bytes. Equal bytes mean an
  /// equal date, so the documents that decide are all in years the run counts: those it reads
  /// first, and the unchanged documents of those years, which it recounts
  /// (``Reconciliation/noteRecounted(digest:unchanged:)``).
  public struct Copies: Sendable {
    /// Accepted files added or changed that hold the bytes of another document.
    public private(set) var added = 0
    /// Accepted documents removed whose bytes another document holds (or held, when it was
    /// removed too: of several copies removed, one is a document removed, the others copies).
    public private(set) var removed = 0
    /// The year of each added or changed file the run counted, by its digest, while no
    /// document that was there before is known to hold its bytes.
    private var addedPending: [UInt64: Int] = [:]
    /// The digests of accepted documents removed, while no document still in the corpus is
    /// known to hold their bytes.
    private var removedPending: Set<UInt64> = []

    /// No copies.
    public init() {}

    /// Notes an accepted file added or changed, counted unless `isCopy`, dated in `year`: it is
    /// a new document unless a document that was there before turns out to hold its bytes.
    /// False when it is a copy already.
    mutating func noteAdded(digest: UInt64, year: Int, isCopy: Bool, tracked: Bool) -> Bool {
      if isCopy {
        added += 1
        return false
      }
      if tracked { addedPending[digest] = year }
      return true
    }

    /// Notes an accepted document removed: the second and later with the same bytes are copies.
    mutating func noteRemoved(digest: UInt64) {
      if !removedPending.insert(digest).inserted { removed += 1 }
    }

    /// Whether any digest is waiting for a document that would make it a copy.
    var isPending: Bool { !addedPending.isEmpty || !removedPending.isEmpty }

    /// Notes an accepted document of the corpus after the run holding `digest`, which was there
    /// before the run with these bytes when `unchanged`. Returns the year of the added file it
    /// makes a copy of one held before, which is then no new document.
    mutating func noteHeld(digest: UInt64, unchanged: Bool) -> Int? {
      if removedPending.remove(digest) != nil { removed += 1 }
      guard unchanged, let year = addedPending.removeValue(forKey: digest) else { return nil }
      added += 1
      return year
    }
  }

  /// The new documents per year, less those a document held before turns out to hold the bytes
  /// of.
  static func withoutCopy(in year: Int, _ perYear: inout [Int: Int]) {
    let left = (perYear[year] ?? 0) - 1
    perYear[year] = left > 0 ? left : nil
  }
}

extension ChangeSet.Reconciliation {
  /// Notes an unchanged document the run recounted (``Incremental``'s second pass), with its
  /// digest and whether it still holds the bytes the state had for it.
  mutating func noteRecounted(digest: UInt64, unchanged: Bool) {
    guard copies.isPending,
      let year = copies.noteHeld(digest: digest, unchanged: unchanged)
    else { return }
    ChangeSet.withoutCopy(in: year, &newDocumentsPerYear)
  }
}
