/// Why a corpus file was not analysed. Every case reads as a message for the user.
public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file holds no bytes at all.
  case empty
  /// The first line does not start with `date YYYY-MM-DD` followed by whitespace.
  case missingHeader(found: String)
  /// The header holds a date that does not exist (2021-02-30).
  case impossibleDate(text: String)
  /// The date exists but lies outside the years Almanac accepts.
  case dateOutOfRange(text: String)
  /// The header is fine but no article text follows it.
  case emptyBody
  /// The file looks binary (NUL bytes) or UTF-16, not UTF-8 text.
  case notText(detail: String)
  /// The file could not be read.
  case unreadable(errno: Int32, detail: String)

  /// A short, user-facing reason.
  public var description: String {
    switch self {
    case .empty:
      return "empty file"
    case .missingHeader(let found):
      return found.isEmpty
        ? "no header: the first line must begin with 'date YYYY-MM-DD'"
        : "no header: the first line must begin with 'date YYYY-MM-DD', found '\(found)'"
    case .impossibleDate(let text):
      return "impossible date '\(text)' in the header"
    case .dateOutOfRange(let text):
      return
        "date '\(text)' is outside the accepted years \(CalendarDate.earliestYear)–\(CalendarDate.latestYear)"
    case .emptyBody:
      return "header but no article text"
    case .notText(let detail):
      return "not UTF-8 text: \(detail)"
    case .unreadable(let errno, let detail):
      return "unreadable (errno \(errno)): \(detail)"
    }
  }
}
