/// A CSV file published beside the reports, listed in the XML so a reader can find the numbers
/// behind a section in a spreadsheet.
public struct ExportFile: Sendable, Equatable {
  /// The file name, e.g. `almanac-terms.csv`, in the same folder as the reports.
  public var name: String
  /// The report section whose numbers it holds: `years`, `terms`, `organizations`,
  /// `cooccurrences`, `trends` or `rejected` (the XML element of the same name).
  public var section: String
  /// Data rows, the header row not counted.
  public var rows: Int

  /// Creates an export entry.
  public init(name: String, section: String, rows: Int) {
    self.name = name
    self.section = section
    self.rows = rows
  }
}
