public import Analysis

/// Everything one step of a run changes in the state database, applied in one transaction.
///
/// ``StateStore/commit(_:)`` writes all of it or none of it: a process killed at any moment
/// leaves the state of the previous commit.
public struct StateChange: Sendable {
  /// Documents to insert or overwrite, by path.
  public var upsertDocuments: [StoredDocument]
  /// More documents to insert or overwrite, made one at a time while they are written, so that
  /// a full rebuild's records (80 bytes a file, every file of the corpus) are never all in
  /// memory at once; written before ``upsertDocuments`` (a path in both ends up as there).
  public var documentSource: DocumentSource?
  /// Stored documents whose size and modification time change, and nothing else; written
  /// before ``upsertDocuments`` (a path in both ends up as upserted).
  public var touchDocuments: [TouchedDocument]
  /// More of them, made one at a time while they are written, before ``touchDocuments`` (a
  /// path in both ends up as the list has it): a run that found every file of three million
  /// touched peaked at 582 MB with them all in a list (a path of its own each).
  public var touchSource: TouchSource?
  /// Paths of documents to forget.
  public var removeDocuments: [String]
  /// Years whose statistics are deleted before ``slices`` are inserted.
  public var replaceYears: Set<Int>
  /// Whether every year's statistics are deleted before ``slices`` are inserted, as a full
  /// rebuild does, whatever ``replaceYears`` holds.
  public var replaceAllYears: Bool
  /// New statistics; each slice's year must be in ``replaceYears`` (or ``replaceAllYears`` be
  /// set), and appear once.
  public var slices: [YearSlice]
  /// More new statistics, made one year at a time while they are written, so that only one
  /// year's slice (its terms packed, its organizations as values) is in memory at once; same
  /// rules as ``slices``.
  public var sliceSource: SliceSource?
  /// Settings to insert or overwrite.
  public var settings: [String: String]
  /// Keys to mark as seen, by kind (`organization`, `pair`); already seen ones are kept.
  public var seen: [(kind: String, key: String)]
  /// The last published report's term rates: nil keeps the stored ones, an array replaces them.
  public var publishedTerms: [PublishedTerm]?
  /// Document changes to add to those not yet shown by a report (``UnreportedChanges``).
  public var unreported: UnreportedChanges
  /// Whether a report has shown the stored ``UnreportedChanges``: they are cleared (before
  /// ``unreported`` is added).
  public var reported: Bool
  /// The comparisons of a published report, to replace every kept one; nil keeps them
  /// (but for those of replaced years, which go with their figures).
  public var comparisons: KeptComparisons?
  /// How many of the stored accepted documents are copies of another (their bytes again), as a
  /// count of every document found (a full rebuild's, or a walk of the state's): stored so that
  /// a run can skip the walk when it is 0. Nil keeps the stored number, but a change that
  /// upserts or removes documents forgets it (``StateStore/knownCopies()``).
  public var copies: Int?

  /// Creates a change; everything defaults to "no change".
  public init(
    upsertDocuments: [StoredDocument] = [], documentSource: DocumentSource? = nil,
    touchDocuments: [TouchedDocument] = [], touchSource: TouchSource? = nil,
    removeDocuments: [String] = [],
    replaceYears: Set<Int> = [], replaceAllYears: Bool = false,
    slices: [YearSlice] = [],
    sliceSource: SliceSource? = nil,
    settings: [String: String] = [:], seen: [(kind: String, key: String)] = [],
    publishedTerms: [PublishedTerm]? = nil, unreported: UnreportedChanges = UnreportedChanges(),
    reported: Bool = false, comparisons: KeptComparisons? = nil, copies: Int? = nil
  ) {
    self.copies = copies
    self.sliceSource = sliceSource
    self.upsertDocuments = upsertDocuments
    self.documentSource = documentSource
    self.touchDocuments = touchDocuments
    self.touchSource = touchSource
    self.removeDocuments = removeDocuments
    self.replaceYears = replaceYears
    self.replaceAllYears = replaceAllYears
    self.slices = slices
    self.settings = settings
    self.seen = seen
    self.publishedTerms = publishedTerms
    self.unreported = unreported
    self.reported = reported
    self.comparisons = comparisons
  }

  /// Years whose slices are made only when the change is written.
  public struct SliceSource: Sendable {
    /// The years, in the order they are written.
    public var years: [Int]
    /// Makes the slice of a year; what it throws fails the commit.
    public var make: @Sendable (Int) throws -> YearSlice

    /// Creates a source.
    public init(years: [Int], make: @escaping @Sendable (Int) throws -> YearSlice) {
      self.years = years
      self.make = make
    }
  }

  /// Documents made only when the change is written.
  public typealias DocumentSource = Source<StoredDocument>

  /// Touched documents made only when the change is written.
  public typealias TouchSource = Source<TouchedDocument>

  /// Records made only when the change is written, one at a time, so that a change of every
  /// file of a large corpus never holds them all.
  public struct Source<Record>: Sendable {
    /// How many records ``forEach`` gives: whether the change writes any (the count of copies
    /// stored is forgotten when it upserts documents, and a change of none is empty).
    public var count: Int
    /// Gives each record to its argument, in the order they are written; what either throws
    /// fails the commit.
    public var forEach: @Sendable (_ body: (Record) throws -> Void) throws -> Void

    /// Creates a source of `count` records.
    public init(
      count: Int,
      forEach: @escaping @Sendable (_ body: (Record) throws -> Void) throws -> Void
    ) {
      self.count = count
      self.forEach = forEach
    }
  }

  /// Whether it inserts or overwrites any document.
  var upsertsDocuments: Bool { !upsertDocuments.isEmpty || (documentSource?.count ?? 0) > 0 }

  /// Every year that gets a slice, eager ones first.
  var slicedYears: [Int] { slices.map(\.year) + (sliceSource?.years ?? []) }

  /// Whether committing it would change nothing.
  public var isEmpty: Bool {
    !upsertsDocuments && touchDocuments.isEmpty && (touchSource?.count ?? 0) == 0
      && removeDocuments.isEmpty
      && replaceYears.isEmpty
      && !replaceAllYears && slicedYears.isEmpty && settings.isEmpty && seen.isEmpty
      && publishedTerms == nil && unreported.isEmpty && !reported && comparisons == nil
      && copies == nil
  }
}
