public import Corpus

/// What the state database remembers about one article file from the last run.
///
/// Size, modification time and content hash tell whether the file changed; the date, the verdict
/// and the repair flag say which year's statistics it went into, so that a change can be
/// confined to the years it touches.
public struct StoredDocument: Sendable, Equatable {
  /// The file's path relative to the corpus folder; the key.
  public var path: String
  /// Size in bytes.
  public var size: Int
  /// Modification time, in nanoseconds since 1970-01-01 UTC.
  public var modified: Int64
  /// Hash of the file's bytes, in whatever textual form the caller uses.
  public var hash: String
  /// The article date from the header, nil when there was none that parsed.
  public var date: CalendarDate?
  /// Whether the article was counted.
  public var accepted: Bool
  /// Why it was rejected, nil when accepted.
  public var reason: String?
  /// Whether invalid UTF-8 in it was replaced.
  public var repaired: Bool

  /// The year of ``date``, nil when there is no date.
  public var year: Int? { date?.year }

  /// Creates a document record.
  public init(
    path: String, size: Int, modified: Int64, hash: String, date: CalendarDate?,
    accepted: Bool, reason: String? = nil, repaired: Bool = false
  ) {
    self.path = path
    self.size = size
    self.modified = modified
    self.hash = hash
    self.date = date
    self.accepted = accepted
    self.reason = reason
    self.repaired = repaired
  }
}
