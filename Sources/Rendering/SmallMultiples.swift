import LibXML
import ReportModel

/// One small line chart per term of its rate per 10,000 tokens per year, all on the page's
/// year axis and one shared y-scale so the panels compare at a glance.
struct SmallMultiples {
  /// One panel's points in viewBox units; a year without data has no point.
  struct Panel: Equatable {
    var term: String
    var points: [Point]
  }

  /// One year's point; a year of a small base (``ReportModel/Report/smallBaseYears``) is
  /// drawn hollow.
  struct Point: Equatable {
    var year: Int
    var rate: Double
    var x: Double
    var y: Double
    var isSmallBase = false
  }

  static let width = 220.0
  static let height = 120.0
  static let margin = (top: 12.0, right: 12.0, bottom: 22.0, left: 36.0)
  static var plotWidth: Double { width - margin.left - margin.right }
  static var plotHeight: Double { height - margin.top - margin.bottom }
  static var baseline: Double { height - margin.bottom }
  /// How many terms get a panel.
  static let limit = 12

  let axis: YearAxis
  let scale: LinearScale
  let panels: [Panel]

  /// Lays out the first ``limit`` terms on `axis` with one shared scale, the points of the
  /// years of `smallBase` hollow.
  init(terms: [TermEntry], axis: YearAxis, smallBase: Set<Int> = []) {
    self.axis = axis
    let shown = Array(terms.prefix(Self.limit))
    let largest = shown.flatMap { $0.years.map(\.perTenThousand) }.max() ?? 0
    let scale = LinearScale(largest: largest, length: Self.plotHeight)
    self.scale = scale
    panels = shown.map { term in
      let points = term.years.compactMap { entry -> Point? in
        guard axis.yearsWithData.contains(entry.year), let index = axis.index(of: entry.year)
        else { return nil }
        return Point(
          year: entry.year, rate: entry.perTenThousand, x: Self.x(index: index, axis: axis),
          y: Self.baseline - scale.scaled(entry.perTenThousand),
          isSmallBase: smallBase.contains(entry.year))
      }
      return Panel(term: term.text, points: points.sorted { $0.year < $1.year })
    }
  }

  /// The x coordinate of the year at `index` (the middle when the axis has one year).
  static func x(index: Int, axis: YearAxis) -> Double {
    guard axis.years.count > 1 else { return margin.left + plotWidth / 2 }
    return margin.left + plotWidth * Double(index) / Double(axis.years.count - 1)
  }

  /// Draws every panel as a `<figure>` holding its own `<svg>` inside `parent`.
  ///
  /// - Parameters:
  ///   - parent: The element to append the grid of panels to.
  ///   - idPrefix: A page-unique prefix; panel ids append their position.
  func render(into parent: XMLElement, idPrefix: String) {
    let grid = parent.element("div", class: "multiples")
    let firstYear = axis.years.first.map(String.init) ?? ""
    let lastYear = axis.years.last.map(String.init) ?? ""
    for (index, panel) in panels.enumerated() {
      let figure = grid.element("figure", class: "panel")
      figure.element("figcaption", text: panel.term)
      let title =
        panel.term + ": occurrences per 10\u{202F}000 tokens by year, " + firstYear
        + (lastYear == firstYear ? "" : "–" + lastYear)
      let svg = SVGChart.root(
        in: figure, width: Self.width, height: Self.height,
        id: idPrefix + "-" + String(index + 1), title: title, className: "chart multiple")
      drawFrame(in: svg)
      drawSeries(panel.points, in: svg)
    }
  }

  private func drawFrame(in svg: XMLElement) {
    let top = Self.baseline - scale.length
    SVGChart.line(
      in: svg, from: (Self.margin.left, top), to: (Self.width - Self.margin.right, top),
      className: "gridline")
    SVGChart.line(
      in: svg, from: (Self.margin.left, Self.baseline),
      to: (Self.width - Self.margin.right, Self.baseline), className: "axis")
    SVGChart.text(
      in: svg, scale.label(scale.maximum), x: Self.margin.left - 4, y: top + 4, anchor: "end",
      className: "tick")
    SVGChart.text(
      in: svg, "0", x: Self.margin.left - 4, y: Self.baseline + 4, anchor: "end",
      className: "tick")
    let labelled = axis.labelledIndices(available: Self.plotWidth, labelWidth: 40)
    for index in labelled {
      let anchor =
        axis.years.count == 1
        ? "middle"
        : index == 0
          ? "start"
          : index == axis.years.count - 1
            ? "end" : "middle"
      SVGChart.text(
        in: svg, String(axis.years[index]), x: Self.x(index: index, axis: axis),
        y: Self.baseline + 15, anchor: anchor, className: "tick")
    }
  }

  /// `points` (in year order) cut into the runs a line joins: consecutive calendar years next
  /// to each other on the axis. A year without documents breaks the line, and so does a gap the
  /// axis leaves out (a corpus spanning a century or more is drawn on its years with data only,
  /// where 1899 and 2000 may sit side by side).
  func lines(_ points: [Point]) -> [[Point]] {
    var runs: [[Point]] = []
    for point in points {
      if let previous = runs.last?.last, point.year == previous.year + 1,
        let a = axis.index(of: previous.year), let b = axis.index(of: point.year), b == a + 1
      {
        runs[runs.count - 1].append(point)
      } else {
        runs.append([point])
      }
    }
    return runs
  }

  private func drawSeries(_ points: [Point], in svg: XMLElement) {
    for run in lines(points) where run.count > 1 {
      let coordinates = run.map { SVGChart.coordinate($0.x) + "," + SVGChart.coordinate($0.y) }
      svg.addElement(
        "polyline", attributes: ["points": coordinates.joined(separator: " "), "class": "series"])
    }
    for point in points {
      svg.addElement(
        "circle",
        attributes: [
          "cx": SVGChart.coordinate(point.x), "cy": SVGChart.coordinate(point.y), "r": "2.5",
          "class": point.isSmallBase ? "dot small-base" : "dot",
        ])
    }
  }
}
