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
  /// Why it was rejected, nil when accepted. (Before the hash, whose 17 bytes would otherwise
  /// leave 7 unused before it: 80 bytes a record, not 88.)
  public var reason: String?
  /// Hash of the file's bytes, in whatever textual form the caller uses.
  public var hash: String {
    get { contentHash.text }
    set { contentHash = Hash(newValue) }
  }
  /// ``hash`` as held.
  public var contentHash: Hash
  /// The article date from the header, nil when there was none that parsed.
  public var date: CalendarDate?
  /// Whether the article was counted.
  public var accepted: Bool
  /// Whether invalid UTF-8 in it was replaced.
  public var repaired: Bool

  /// The year of ``date``, nil when there is no date.
  public var year: Int? { date?.year }

  /// Creates a document record.
  public init(
    path: String, size: Int, modified: Int64, hash: String, date: CalendarDate?,
    accepted: Bool, reason: String? = nil, repaired: Bool = false
  ) {
    self.init(
      path: path, size: size, modified: modified, contentHash: Hash(hash), date: date,
      accepted: accepted, reason: reason, repaired: repaired)
  }

  /// Creates a document record.
  public init(
    path: String, size: Int, modified: Int64, contentHash: Hash, date: CalendarDate?,
    accepted: Bool, reason: String? = nil, repaired: Bool = false
  ) {
    self.path = path
    self.size = size
    self.modified = modified
    self.contentHash = contentHash
    self.date = date
    self.accepted = accepted
    self.reason = reason
    self.repaired = repaired
  }
}

extension StoredDocument {
  /// A content hash as a record holds it: the form runs write, 16 lower-case hexadecimal digits
  /// (``ContentHash/hex(_:)-(UInt64)``), as their value, and any other text as it is.
  ///
  /// A full rebuild holds a record per file until the state is written, and a string of 16
  /// bytes is kept on the heap: as text, the hash took 48 bytes more a record, 48 MB at a
  /// million files. Made from text with ``init(_:)``, the two forms never hold the same hash, so
  /// equal hashes are equal values.
  public enum Hash: Sendable, Hashable {
    /// 16 lower-case hexadecimal digits, as their value.
    case digest(UInt64)
    /// Any other text (or none: a file that could not be read has no hash).
    case text(String)

    /// The hash written `text`.
    public init(_ text: String) {
      if let value = ContentHash.value(hex: text) {
        self = .digest(value)
      } else {
        self = .text(text)
      }
    }

    /// The hash as text.
    public var text: String {
      switch self {
      case .digest(let value): ContentHash.hex(value)
      case .text(let text): text
      }
    }

    /// The value of a hash Almanac wrote, nil for any other.
    public var digest: UInt64? {
      if case .digest(let value) = self { value } else { nil }
    }

    /// Whether there is no hash (the file could not be read).
    public var isEmpty: Bool {
      if case .text(let text) = self { text.isEmpty } else { false }
    }
  }
}
