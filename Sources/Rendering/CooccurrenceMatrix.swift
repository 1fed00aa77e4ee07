import LibXML
import ReportModel

/// A lower-triangular matrix of the organizations named in the most documents: each cell is
/// shaded by how many documents name both organizations, and each row's number on the diagonal
/// heads the column below it.
struct CooccurrenceMatrix {
  /// One shaded cell in viewBox units.
  struct Cell: Equatable {
    var row: Int
    var column: Int
    var documents: Int
    var x: Double
    var y: Double
    /// Fill opacity: zero for no shared document, up to 1 for the most shared.
    var shade: Double
    /// Whether the report lists the pair: an unlisted pair may share documents, at most
    /// ``unlistedAtMost``, when the report lists only the pairs named together in the most.
    var listed: Bool = true
  }

  /// How many organizations the matrix shows at most.
  static let limit = 15
  static let cellSize = 34.0
  static let labelCharacters = 30
  static let labelWidth = 280.0
  static let margin = (top: 10.0, right: 10.0, bottom: 10.0)

  /// The organizations shown, in matrix order (most documents first).
  let organizations: [OrganizationEntry]
  /// How many organizations the report holds in all.
  let total: Int
  let cells: [Cell]
  /// The largest shared-document count among the cells shown.
  let largest: Int
  /// Whether some cell's count is written rounded (``NumberFormat/compact(_:)``): from
  /// ``NumberFormat/compactFrom`` on, a count is wider than its cell.
  var rounds: Bool { largest.magnitude >= NumberFormat.compactFrom }
  /// When the report lists only some pairs (those named together in the most documents): how
  /// many documents a pair it leaves out can share at most, the fewest of a listed pair. Nil
  /// when it lists every pair, so that a blank cell means none.
  let unlistedAtMost: Int?

  var width: Double {
    Self.labelWidth + Self.cellSize * Double(organizations.count) + Self.margin.right
  }
  var height: Double {
    Self.margin.top + Self.cellSize * Double(organizations.count) + Self.margin.bottom
  }

  /// Picks the ``limit`` organizations with most documents (ties by name, then id) and places
  /// the pairs among them; `counted` is how many organizations the report found and
  /// `pairsCounted` how many pairs (nil: all are listed).
  init(
    organizations all: [OrganizationEntry], counted: Int? = nil, pairs: [PairEntry],
    pairsCounted: Int? = nil
  ) {
    total = max(counted ?? all.count, all.count)
    unlistedAtMost =
      (pairsCounted ?? pairs.count) > pairs.count ? pairs.map(\.documents).min() ?? 0 : nil
    let ranked = all.enumerated().sorted { left, right in
      let (l, r) = (left.element, right.element)
      if l.documents != r.documents { return l.documents > r.documents }
      if l.name != r.name { return l.name < r.name }
      if l.id != r.id { return l.id < r.id }
      return left.offset < right.offset
    }
    organizations = ranked.prefix(Self.limit).map(\.element)
    var position: [String: Int] = [:]
    for (index, organization) in organizations.enumerated() where position[organization.id] == nil {
      position[organization.id] = index
    }
    var shared: [[Int]] = Array(
      repeating: Array(repeating: 0, count: organizations.count), count: organizations.count)
    for pair in pairs {
      guard let i = position[pair.a], let j = position[pair.b], i != j else { continue }
      shared[max(i, j)][min(i, j)] += pair.documents
    }
    let largest = shared.flatMap { $0 }.max() ?? 0
    self.largest = largest
    var cells: [Cell] = []
    for row in organizations.indices {
      for column in 0..<row {
        let documents = shared[row][column]
        cells.append(
          Cell(
            row: row, column: column, documents: documents,
            x: Self.labelWidth + Self.cellSize * Double(column),
            y: Self.margin.top + Self.cellSize * Double(row),
            shade: documents > 0 && largest > 0
              ? 0.15 + 0.85 * Double(documents) / Double(largest) : 0,
            listed: documents > 0 || unlistedAtMost == nil))
      }
    }
    self.cells = cells
  }

  /// Draws the matrix into `parent`.
  func render(into parent: XMLElement, id: String, title: String) {
    let svg = SVGChart.root(
      in: parent, width: width, height: height, id: id, title: title, className: "chart matrix")
    let size = Self.cellSize
    for (index, organization) in organizations.enumerated() {
      let y = Self.margin.top + size * Double(index)
      let label = SVGChart.text(
        in: svg, HTMLText.truncated(organization.name, to: Self.labelCharacters),
        x: Self.labelWidth - 26, y: y + size / 2 + 4, anchor: "end", className: "label")
      SVGChart.text(
        in: svg, String(index + 1), x: Self.labelWidth - 8, y: y + size / 2 + 4, anchor: "end",
        className: "index")
      if organization.name.count > Self.labelCharacters {
        label.addElement("title", text: organization.name)
      }
      // The diagonal cell holds the row's number, which heads the column below it.
      let x = Self.labelWidth + size * Double(index)
      SVGChart.text(
        in: svg, String(index + 1), x: x + size / 2, y: y + size / 2 + 4, className: "diagonal")
    }
    for cell in cells {
      let rect = svg.addElement(
        "rect",
        attributes: [
          "x": SVGChart.coordinate(cell.x + 1), "y": SVGChart.coordinate(cell.y + 1),
          "width": SVGChart.coordinate(size - 2), "height": SVGChart.coordinate(size - 2),
          "class": cell.documents > 0 ? "cell" : cell.listed ? "cell empty" : "cell unlisted",
        ])
      if !cell.listed, let most = unlistedAtMost {
        rect.addElement(
          "title",
          text: organizations[cell.row].name + " and " + organizations[cell.column].name
            + ": not among the pairs listed, at most "
            + HTMLReportWriter.plural(most, "document", "documents"))
        SVGChart.text(
          in: svg, "·", x: cell.x + size / 2, y: cell.y + size / 2 + 4, className: "count")
      }
      if cell.documents > 0 {
        rect.setAttribute("fill-opacity", NumberFormat.fixed(cell.shade, 2))
        rect.addElement(
          "title",
          text: organizations[cell.row].name + " and " + organizations[cell.column].name + ": "
            + HTMLReportWriter.plural(cell.documents, "document", "documents"))
        // Five characters fill a cell: larger counts are rounded (the title has them whole).
        SVGChart.text(
          in: svg, NumberFormat.compact(cell.documents), x: cell.x + size / 2,
          y: cell.y + size / 2 + 4, className: cell.shade > 0.55 ? "count on-dark" : "count")
      }
    }
  }
}
