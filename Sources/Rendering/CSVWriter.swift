public import ReportModel

/// Writes the numbers behind every table and chart of the report as CSV files, one per section,
/// for readers who take them into a spreadsheet.
///
/// The files follow RFC 4180: UTF-8 without a byte-order mark, CRLF after every row (the
/// header row first), and a field quoted when it holds a comma, a double quote, CR or LF, with
/// each `"` doubled. Like the other writers it computes nothing: every row is an entry of the
/// model, in the model's order, with decimals written as in the XML (four fraction digits).
///
/// **Formula injection.** Article text can contain anything, and a spreadsheet runs a cell that
/// begins with `=`, `+`, `-` or `@` (and some also one that begins with a tab or CR) as a
/// formula. Every text cell (terms, names, aliases, ids, paths, reasons) that begins with one of
/// these characters is therefore written with a leading `'`, which spreadsheets show as text.
/// Numbers Almanac formats itself (counts, rates, negative log ratios) are never altered.
public enum CSVWriter {
  /// One finished file: its name, the XML section it belongs to, data rows (header not
  /// counted) and the bytes to publish.
  public typealias File = (name: String, section: String, rows: Int, bytes: [UInt8])

  /// The sections exported, in the order of the report. Each is exported by every report, a
  /// header alone when the section is empty (no file rejected, no term followed), so that a
  /// file of an earlier run is never left beside the new ones.
  public static let sections = [
    "years", "terms", "followed", "organizations", "cooccurrences", "trends",
    "organizationTrends", "rejected", "duplicates",
  ]

  /// The file name of a section's export, e.g. `almanac-terms.csv`, or
  /// `almanac-organization-trends.csv` for `organizationTrends`.
  public static func fileName(for section: String) -> String {
    var name = "almanac-"
    for character in section {
      if character.isUppercase {
        name += "-" + character.lowercased()
      } else {
        name.append(character)
      }
    }
    return name + ".csv"
  }

  /// Every section's CSV file.
  ///
  /// - Parameter report: The finished report.
  /// - Returns: One file per entry of ``sections``, in that order; identical for identical
  ///   reports.
  public static func files(for report: Report) -> [File] {
    sections.map { section in
      let table = self.table(section, for: report)
      return (fileName(for: section), section, table.rows.count, encode(table))
    }
  }

  /// The ``ReportModel/ExportFile`` entries the XML lists for `files`.
  public static func exports(for files: [File]) -> [ExportFile] {
    files.map { ExportFile(name: $0.name, section: $0.section, rows: $0.rows) }
  }

  // MARK: - Cells

  /// One cell: text that may come from the corpus, or a number Almanac formatted.
  enum Cell: Equatable {
    case text(String)
    case number(String)

    static func int(_ value: Int) -> Cell { .number(String(value)) }
    static func decimal(_ value: Double) -> Cell { .number(NumberFormat.fixed(value, 4)) }
    static func flag(_ value: Bool) -> Cell { .text(value ? "true" : "false") }
  }

  /// A header row and data rows of equal width.
  struct Table {
    var header: [String]
    var rows: [[Cell]] = []
  }

  /// Characters that make a spreadsheet read a cell as a formula.
  static let formulaStarts: Set<UInt8> = [
    UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
  ]

  /// The cell's text as it goes into the file: neutralised when it is text, then quoted if
  /// needed.
  static func field(_ cell: Cell) -> String {
    var text: String
    switch cell {
    case .number(let value): text = value
    case .text(let value):
      text = value
      if let first = value.utf8.first, formulaStarts.contains(first) { text = "'" + value }
    }
    let needsQuotes = text.utf8.contains { byte in
      byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A
    }
    guard needsQuotes else { return text }
    var quoted = "\""
    for scalar in text.unicodeScalars {
      if scalar == "\"" { quoted.unicodeScalars.append("\"") }
      quoted.unicodeScalars.append(scalar)
    }
    return quoted + "\""
  }

  /// The table as RFC 4180 bytes.
  static func encode(_ table: Table) -> [UInt8] {
    var bytes: [UInt8] = []
    func line(_ cells: [Cell]) {
      for (index, cell) in cells.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: field(cell).utf8)
      }
      bytes.append(0x0D)
      bytes.append(0x0A)
    }
    line(table.header.map { .text($0) })
    for row in table.rows {
      precondition(row.count == table.header.count, "CSV row width differs from its header")
      line(row)
    }
    return bytes
  }
}
