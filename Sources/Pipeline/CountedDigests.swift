import Corpus

/// The digests of the documents a run has counted, so that a file holding the same bytes as one
/// already counted (a copy of an article saved twice) is accepted but not counted again.
///
/// Equal bytes mean an equal date, so a copy always falls in the year of the document it
/// copies, and a year is always counted whole, from all of its documents, in one run: the copies
/// of a year are told apart within that count, whichever pass of an incremental run reads them.
/// Which of two copies is counted depends on which worker gets to it first, but the counts do
/// not; the report names the copies by the order of their paths (``ReportModel/DuplicateFile``).
public final class CountedDigests: Sendable {
  private let digests = Shared(Set<UInt64>())

  /// An empty set.
  public init() {}

  /// Adds `digest`; false when it was there already, so its document is a copy.
  public func insert(_ digest: UInt64) -> Bool {
    digests.withLock { $0.insert(digest).inserted }
  }

  /// Lets the digests go (4 MB at 1 GB), once nothing more is counted.
  public func removeAll() {
    digests.withLock { $0 = [] }
  }
}
