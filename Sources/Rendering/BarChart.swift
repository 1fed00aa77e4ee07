import LibXML
import ReportModel

/// A vertical bar chart of one count per year, e.g. documents per year.
///
/// Layout only: bar heights are proportional to the values on a zero-based scale, and every
/// year of the ``YearAxis`` gets a slot (a year without data gets a zero-height bar).
struct BarChart {
  /// One bar's geometry in viewBox units.
  struct Bar: Equatable {
    var year: Int
    var value: Int
    var x: Double
    var y: Double
    var width: Double
    var height: Double
  }

  static let width = 720.0
  static let height = 230.0
  /// The margins; the left one is the least a chart leaves for its y-axis (``left``).
  static let margin = (top: 22.0, right: 12.0, bottom: 40.0, left: 56.0)
  /// Room for the rotated y-axis label, left of the tick labels.
  static let axisLabelBand = 24.0
  /// About how wide a character of a tick label is, in viewBox units: 11 px figures, with a
  /// margin for wider fonts (DejaVu Sans, which Chromium prints with on Debian).
  static let tickCharacterWidth = 6.8
  /// Between a tick label and the axis.
  static let tickGap = 6.0
  static var plotHeight: Double { height - margin.top - margin.bottom }
  /// The baseline's y coordinate.
  static var baseline: Double { height - margin.bottom }

  let axis: YearAxis
  let scale: LinearScale
  /// The left margin: room for the widest tick label and the y-axis label beside it, so that
  /// `150 000` never runs into `Documents`.
  let left: Double
  /// The plot's width, right of ``left``.
  var plotWidth: Double { Self.plotWidth(left: left) }

  /// The plot's width right of a left margin of `left`.
  static func plotWidth(left: Double) -> Double { width - left - margin.right }
  let bars: [Bar]
  /// What a bar counts, for the y-axis label (`Documents`).
  let valueLabel: String

  /// Lays out `values` (year → count) on `axis`.
  init(values: [(year: Int, value: Int)], axis: YearAxis, valueLabel: String) {
    self.axis = axis
    self.valueLabel = valueLabel
    let largest = values.map(\.value).max() ?? 0
    let scale = LinearScale(largest: Double(largest), length: Self.plotHeight, integral: true)
    self.scale = scale
    let widestTick = scale.ticks.map { scale.label($0).count }.max() ?? 1
    let left = max(
      Self.margin.left,
      Self.axisLabelBand + Double(widestTick) * Self.tickCharacterWidth + Self.tickGap)
    self.left = left
    var byIndex = [Int](repeating: 0, count: axis.years.count)
    for entry in values {
      if let index = axis.index(of: entry.year) { byIndex[index] += entry.value }
    }
    let band = Self.plotWidth(left: left) / Double(max(axis.years.count, 1))
    let barWidth = min(band * 0.72, 64)
    bars = axis.years.enumerated().map { index, year in
      let value = byIndex[index]
      let height = scale.scaled(Double(value))
      return Bar(
        year: year, value: value,
        x: left + band * Double(index) + (band - barWidth) / 2,
        y: Self.baseline - height, width: barWidth, height: height)
    }
  }

  /// About how wide a digit (or a grouping space) of a bar's value is, in viewBox units: 11 px
  /// semibold tabular figures, with a margin for wider fonts.
  static let valueCharacterWidth = 7.2

  /// Whether each bar's value fits above it without touching its neighbours': the widest value,
  /// as printed, within a band (the table below the chart gives the numbers either way).
  var showsValues: Bool {
    let band = plotWidth / Double(max(bars.count, 1))
    let widest = bars.map { NumberFormat.grouped($0.value).count }.max() ?? 0
    return Double(widest) * Self.valueCharacterWidth + 4 <= band
  }

  /// Draws the chart into `parent`.
  ///
  /// - Parameters:
  ///   - parent: The element to append the `<svg>` to.
  ///   - id: A page-unique id for the chart.
  ///   - title: The chart's accessible title.
  func render(into parent: XMLElement, id: String, title: String) {
    let svg = SVGChart.root(
      in: parent, width: Self.width, height: Self.height, id: id, title: title,
      className: "chart bar-chart")
    let grid = svg.addElement("g", attributes: ["class": "grid"])
    for tick in scale.ticks {
      let y = Self.baseline - scale.scaled(tick)
      SVGChart.line(
        in: grid, from: (left, y), to: (Self.width - Self.margin.right, y),
        className: tick == 0 ? "axis" : "gridline")
      SVGChart.text(
        in: grid, scale.label(tick), x: left - Self.tickGap, y: y + 4, anchor: "end",
        className: "tick")
    }
    let yLabel = SVGChart.text(
      in: svg, valueLabel, x: 14, y: Self.margin.top + Self.plotHeight / 2, className: "axis-label")
    yLabel.setAttribute(
      "transform",
      "rotate(-90 14 " + SVGChart.coordinate(Self.margin.top + Self.plotHeight / 2) + ")")

    let group = svg.addElement("g", attributes: ["class": "bars"])
    let labelled = Set(axis.labelledIndices(available: plotWidth))
    let showValues = showsValues
    for (index, bar) in bars.enumerated() {
      group.addElement(
        "rect",
        attributes: [
          "x": SVGChart.coordinate(bar.x), "y": SVGChart.coordinate(bar.y),
          "width": SVGChart.coordinate(bar.width), "height": SVGChart.coordinate(bar.height),
          "class": "bar",
        ])
      let centre = bar.x + bar.width / 2
      if showValues && bar.value > 0 {
        SVGChart.text(
          in: group, NumberFormat.grouped(bar.value), x: centre, y: bar.y - 5, className: "value")
      }
      if labelled.contains(index) {
        SVGChart.text(
          in: group, String(bar.year), x: centre, y: Self.baseline + 16, className: "tick")
      }
    }
    SVGChart.text(
      in: svg, "Year", x: left + plotWidth / 2, y: Self.height - 6,
      className: "axis-label")
  }
}
