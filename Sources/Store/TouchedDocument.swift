/// A stored document whose file was touched but not changed: its record stays as it is but for
/// the file's size and modification time, so that the next run need not read it again.
public struct TouchedDocument: Sendable, Equatable {
  /// The file's path relative to the corpus folder; the key.
  public var path: String
  /// Size in bytes.
  public var size: Int
  /// Modification time, in nanoseconds since 1970-01-01 UTC.
  public var modified: Int64

  /// Creates the new size and time of the document at `path`.
  public init(path: String, size: Int, modified: Int64) {
    self.path = path
    self.size = size
    self.modified = modified
  }
}
