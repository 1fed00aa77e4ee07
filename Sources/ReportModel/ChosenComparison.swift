/// A comparison of two years that the user asks for (`--compare 2025:2015`), beside those of
/// each year with the year before it: keyness against a reference of the analyst's choosing,
/// as quanteda's `textstat_keyness` takes one.
public struct ChosenComparison: Sendable, Hashable, CustomStringConvertible {
  /// The year described: its terms rise or fall against `reference`.
  public var year: Int
  /// The year it is compared with.
  public var reference: Int

  /// Creates a chosen comparison.
  public init(year: Int, reference: Int) {
    self.year = year
    self.reference = reference
  }

  /// The years are the four-digit years an article's date can have.
  public static let years = 1...9999

  /// Parses `YEAR:REFERENCE` (`2025:2015`); nil when it is not two different years of
  /// ``years`` joined by a colon.
  public init?(parsing text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2,
      parts.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = Int(parts[0]), let reference = Int(parts[1]),
      Self.years.contains(year), Self.years.contains(reference), year != reference
    else { return nil }
    self.init(year: year, reference: reference)
  }

  /// `YEAR:REFERENCE`, as the option takes it.
  public var description: String { "\(year):\(reference)" }
}

extension Report {
  /// The years of `asked` that have no documents in this report: why it is left out
  /// (``leftOutComparisons``).
  public func yearsWithoutDocuments(_ asked: ChosenComparison) -> [Int] {
    [asked.year, asked.reference].filter { year in !years.contains { $0.year == year } }
  }
}
