/// One accepted article: where it came from, its date and its text as valid UTF-8.
public struct Document: Sendable {
  /// The path relative to the corpus folder, with `/` separators.
  public let path: String
  /// The date from the header.
  public let date: CalendarDate
  /// The article text after the header, valid UTF-8 (invalid sequences already replaced).
  public let text: [UInt8]
  /// How many invalid UTF-8 sequences were replaced by U+FFFD.
  public let repairedSequences: Int

  /// Creates a document.
  public init(path: String, date: CalendarDate, text: [UInt8], repairedSequences: Int = 0) {
    self.path = path
    self.date = date
    self.text = text
    self.repairedSequences = repairedSequences
  }
}
