public import Corpus

/// The latest few documents that name something, at most ``kept``, latest first: by date, and
/// of one date by the digest of their text, then by path in byte order. So the documents where
/// an organization's lines are to be found are known once it is counted, and only those need
/// reading again for a report.
///
/// Counting offers each document once per organization it names; merging two sets of disjoint
/// documents keeps the latest of both, so the result is the same whatever the order documents
/// are counted and merged in. Of two copies of an article (the same text, so the same date and
/// digest) only one is counted, whichever a worker reads first: the digest, not the path, orders
/// the documents of one date, so which documents are kept does not depend on which copy was
/// counted (a report then quotes the copy whose path comes first in byte order, as it names
/// that one the original).
public struct LatestDocuments: Sendable, Equatable {
  /// A document: its date, the digest of its text and its path relative to the corpus folder.
  public struct Document: Sendable, Equatable {
    /// The article date.
    public var date: CalendarDate
    /// The digest of the file's text (``Corpus/ContentHash/textHash(_:)``), 0 when not known.
    public var digest: UInt64
    /// The path relative to the corpus folder.
    public var path: String

    /// Creates a document reference.
    public init(date: CalendarDate, digest: UInt64 = 0, path: String) {
      self.date = date
      self.digest = digest
      self.path = path
    }

    /// Whether `self` comes before `other` latest first: a later date; of one date, a smaller
    /// digest; of one digest, a path earlier in byte order.
    @inline(__always)
    func precedes(_ other: Document) -> Bool {
      if date != other.date { return date > other.date }
      if digest != other.digest { return digest < other.digest }
      return path.precedesInByteOrder(other.path)
    }
  }

  /// How many documents are kept: as many as a report shows lines for one figure.
  public static let kept = 3

  /// The documents, latest first, at most ``kept``.
  public private(set) var documents: [Document] = []

  /// Creates an empty list.
  public init() {}

  /// The latest ``kept`` of `documents` (each path once).
  public init(_ documents: [Document]) {
    for document in documents { offer(document) }
  }

  /// Keeps `document` if it is among the latest ``kept``; a path already kept is not kept twice.
  public mutating func offer(_ document: Document) {
    // Most documents offered are older than the last one kept: one comparison of dates.
    if documents.count == Self.kept, !document.precedes(documents[Self.kept - 1]) { return }
    guard !documents.contains(where: { $0.path.utf8.elementsEqual(document.path.utf8) }) else {
      return
    }
    let place = documents.firstIndex { document.precedes($0) } ?? documents.count
    documents.insert(document, at: place)
    if documents.count > Self.kept { documents.removeLast() }
  }

  /// Keeps the latest of both lists.
  public mutating func merge(_ other: LatestDocuments) {
    for document in other.documents { offer(document) }
  }

  /// The latest of both lists.
  public func merging(_ other: LatestDocuments) -> LatestDocuments {
    var merged = self
    merged.merge(other)
    return merged
  }
}
