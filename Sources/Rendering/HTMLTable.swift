import LibXML

/// One cell of an ``HTMLTable``.
enum HTMLCell {
  /// Text, left-aligned.
  case text(String)
  /// A formatted number, right-aligned.
  case number(String)
  /// A number shown quietly (zeros in wide tables), right-aligned.
  case faint(String)
  /// Content built by a closure into the `<td>`.
  case custom((XMLElement) -> Void)
}

/// A data table with a caption and column headers (`<th scope="col">`).
struct HTMLTable {
  /// A column's heading and whether it holds numbers (right-aligned).
  struct Column {
    var heading: String
    var numeric: Bool

    /// A text column.
    static func text(_ heading: String) -> Column { Column(heading: heading, numeric: false) }
    /// A number column.
    static func number(_ heading: String) -> Column { Column(heading: heading, numeric: true) }
  }

  var caption: String
  var columns: [Column]
  var rows: [[HTMLCell]] = []
  /// Extra class on the `<table>`, e.g. `compact`.
  var className: String? = nil

  /// Appends a row; it must have one cell per column.
  mutating func append(_ row: [HTMLCell]) {
    precondition(
      row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
    rows.append(row)
  }

  /// Renders the table inside a scrolling wrapper and returns the `<table>`.
  @discardableResult
  func render(into parent: XMLElement) -> XMLElement {
    let wrapper = parent.element("div", class: "table-wrap")
    let table = wrapper.element("table", class: className)
    table.element("caption", text: caption)
    let headerRow = table.element("thead").element("tr")
    for column in columns {
      let cell = headerRow.element("th", class: column.numeric ? "num" : nil, text: column.heading)
      cell.setAttribute("scope", "col")
    }
    let body = table.element("tbody")
    for row in rows {
      let tr = body.element("tr")
      for cell in row {
        switch cell {
        case .text(let text): tr.element("td", text: text)
        case .number(let text): tr.element("td", class: "num", text: text)
        case .faint(let text): tr.element("td", class: "num faint", text: text)
        case .custom(let build): build(tr.element("td"))
        }
      }
    }
    return table
  }
}
