/// Why the state database could not be opened, read or written.
///
/// Every case names the database file, and ``description`` is written for the person running
/// Almanac: it says what is wrong and which option gets them going again.
public enum StoreError: Error, Equatable, CustomStringConvertible {
  /// The file is not an SQLite database, or SQLite found it damaged.
  case corrupt(path: String, detail: String)
  /// The file is some other application's SQLite database; Almanac leaves it alone.
  case foreign(path: String)
  /// The database was written by a newer Almanac, whose schema this version does not know.
  case newerSchema(path: String)
  /// A ``StateChange`` contradicts itself (a slice of a year it does not replace, a year sliced
  /// twice); nothing was written.
  case invalidChange(path: String, detail: String)
  /// Any other SQLite or file-system failure.
  case sqlite(path: String, detail: String)

  /// The database file the error is about.
  public var path: String {
    switch self {
    case .corrupt(let path, _), .foreign(let path), .newerSchema(let path),
      .invalidChange(let path, _), .sqlite(let path, _):
      return path
    }
  }

  /// A message for the user, naming the file and the way out.
  public var description: String {
    switch self {
    case .corrupt(let path, let detail):
      return
        "the state database \(path) is damaged (\(detail)); "
        + "run again with --rebuild-state to recreate it from the articles"
    case .foreign(let path):
      return
        "\(path) is an SQLite database that Almanac did not create, so it was left untouched; "
        + "choose another file with --state, or replace it with --rebuild-state"
    case .newerSchema(let path):
      return
        "the state database \(path) was written by a newer version of Almanac; "
        + "upgrade Almanac, or run with --rebuild-state to recreate it for this version"
    case .invalidChange(let path, let detail):
      return "refused to write an inconsistent change to the state database \(path): \(detail)"
    case .sqlite(let path, let detail):
      return "the state database \(path) could not be used: \(detail)"
    }
  }
}
