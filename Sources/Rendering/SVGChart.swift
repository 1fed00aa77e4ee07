import LibXML
import ReportModel

/// Shared pieces of the inline SVG charts: the root element, number formatting for
/// coordinates, the year axis every chart uses and a linear value scale.
enum SVGChart {
  static let namespace = "http://www.w3.org/2000/svg"

  /// Appends an `<svg role="img">` whose first child is a `<title>` it is labelled by.
  ///
  /// - Parameters:
  ///   - parent: The element to append to (usually a `<figure>`).
  ///   - width: The viewBox width.
  ///   - height: The viewBox height.
  ///   - id: A page-unique id, derived from position, never from corpus text.
  ///   - title: The accessible title (may hold corpus text: it is escaped).
  ///   - className: A class for CSS.
  /// - Returns: The `<svg>` element.
  static func root(
    in parent: XMLElement, width: Double, height: Double, id: String, title: String,
    className: String
  ) -> XMLElement {
    let svg = parent.addElement(
      "svg",
      attributes: [
        "xmlns": namespace, "role": "img", "class": className,
        "width": coordinate(width), "height": coordinate(height),
        "viewBox": "0 0 " + coordinate(width) + " " + coordinate(height),
        "aria-labelledby": id + "-title",
      ])
    svg.addElement("title", attributes: ["id": id + "-title"], text: title)
    return svg
  }

  /// A coordinate with at most two decimals and no trailing zeros: `12`, `12.5`, `12.25`.
  static func coordinate(_ value: Double) -> String {
    var text = NumberFormat.fixed(value, 2)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// Appends a `<line>`.
  static func line(
    in parent: XMLElement, from start: (x: Double, y: Double), to end: (x: Double, y: Double),
    className: String
  ) {
    parent.addElement(
      "line",
      attributes: [
        "x1": coordinate(start.x), "y1": coordinate(start.y), "x2": coordinate(end.x),
        "y2": coordinate(end.y), "class": className,
      ])
  }

  /// Appends a `<text>` at a point.
  @discardableResult
  static func text(
    in parent: XMLElement, _ text: String, x: Double, y: Double, anchor: String = "middle",
    className: String? = nil
  ) -> XMLElement {
    let element = parent.addElement(
      "text",
      attributes: ["x": coordinate(x), "y": coordinate(y), "text-anchor": anchor],
      text: text)
    if let className { element.setAttribute("class", className) }
    return element
  }
}

/// The years every chart of a page is drawn against, so all charts share one axis.
///
/// The axis runs over every calendar year from the first to the last year with data, so a gap
/// in the corpus shows as a gap; an absurdly long span falls back to the years with data.
struct YearAxis: Equatable {
  /// The years on the axis, oldest first.
  let years: [Int]
  /// The years that have data (a subset of `years`).
  let yearsWithData: Set<Int>

  /// The longest span drawn year by year.
  static let maximumSpan = 100

  init(yearsWithData: [Int]) {
    let sorted = Array(Set(yearsWithData)).sorted()
    self.yearsWithData = Set(sorted)
    if let first = sorted.first, let last = sorted.last, last - first < Self.maximumSpan {
      years = Array(first...last)
    } else {
      years = sorted
    }
  }

  /// The position of `year` on the axis, or nil when it is not on it.
  func index(of year: Int) -> Int? {
    guard let first = years.first else { return nil }
    if years.count == (years.last ?? first) - first + 1 {
      let index = year - first
      return years.indices.contains(index) ? index : nil
    }
    return years.firstIndex(of: year)
  }

  /// Which years to label when `available` pixels are shared among them: every year when
  /// there is room, otherwise every n-th year, always including the first and last.
  func labelledIndices(available: Double, labelWidth: Double = 34) -> [Int] {
    guard !years.isEmpty else { return [] }
    let fit = max(1, Int(available / labelWidth))
    let step = max(1, (years.count + fit - 1) / fit)
    var indices = Array(stride(from: 0, to: years.count, by: step))
    if let last = indices.last, last != years.count - 1 {
      if years.count - 1 - last < step { indices.removeLast() }
      indices.append(years.count - 1)
    }
    return indices
  }
}

/// A scale from zero to a "nice" maximum (1, 2, 2.5 or 5 times a power of ten) onto a length.
struct LinearScale: Equatable {
  /// The top of the scale.
  let maximum: Double
  /// The distance between gridlines.
  let step: Double
  /// The drawn length of `maximum`.
  let length: Double

  /// A scale whose top is at least `largest`, with about `ticks` gridlines; `integral` scales
  /// (counts) never step by less than one.
  init(largest: Double, length: Double, ticks: Int = 4, integral: Bool = false) {
    self.length = length
    guard largest > 0, largest.isFinite else {
      maximum = 1
      step = 1
      return
    }
    let rough = largest / Double(ticks)
    var magnitude = 1.0
    while magnitude * 10 <= rough { magnitude *= 10 }
    while magnitude > rough { magnitude /= 10 }
    let nice = [1.0, 2.0, 2.5, 5.0, 10.0].first { $0 * magnitude >= rough } ?? 10
    step = integral ? max(1, (nice * magnitude).rounded(.up)) : nice * magnitude
    var top = step
    while top < largest { top += step }
    maximum = top
  }

  /// The drawn length of `value` (zero for zero, `length` for `maximum`).
  func scaled(_ value: Double) -> Double {
    guard value > 0 else { return 0 }
    return min(value, maximum) / maximum * length
  }

  /// The gridline values from zero to `maximum`.
  var ticks: [Double] {
    var values: [Double] = []
    var value = 0.0
    while value <= maximum + step / 1000 {
      values.append(value)
      value += step
    }
    return values
  }

  /// A tick value as text: integers without decimals, otherwise trimmed decimals.
  func label(_ value: Double) -> String {
    if step >= 1 && value == value.rounded() { return NumberFormat.grouped(Int(value)) }
    return SVGChart.coordinate(value)
  }
}
