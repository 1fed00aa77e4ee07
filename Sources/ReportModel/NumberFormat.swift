/// Deterministic, locale-free number formatting shared by both writers.
public enum NumberFormat {
  /// `value` rounded half away from zero to `digits` decimals, e.g. `fixed(3.14159, 2)` is
  /// `"3.14"`; `-0` prints as `0`, and non-finite values as `"0"`.
  public static func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return "0" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e15 else { return String(value) }
    let integer = UInt64(scaled)
    let divisor = UInt64(scale)
    let whole = integer / divisor
    var text = String(whole)
    if digits > 0 {
      let fraction = String(integer % divisor)
      text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
    return (value < 0 && integer != 0 ? "-" : "") + text
  }

  /// `value` with thousands separated by a narrow no-break space for display, e.g. `12 345`,
  /// and a minus sign (U+2212) when negative.
  public static func grouped(_ value: Int) -> String {
    (value < 0 ? minus : "") + groupingDigits(String(value.magnitude))
  }

  /// `value` as ``fixed(_:_:)`` writes it, for display: thousands grouped as ``grouped(_:)``
  /// groups them and a minus sign (U+2212) rather than a hyphen, e.g. `−12 345.68`. Reports
  /// that programs read (XML, CSV) keep ``fixed(_:_:)``.
  public static func display(_ value: Double, _ digits: Int) -> String {
    var text = fixed(value, digits)
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    let point = text.firstIndex(of: ".") ?? text.endIndex
    return (negative ? minus : "") + groupingDigits(String(text[..<point])) + text[point...]
  }

  /// `value` in at most four characters (and a sign) where room is short, e.g. in a chart's
  /// cell: as ``grouped(_:)`` writes it below 10 000, then rounded to thousands (`108k`),
  /// millions (`1.2M`, `12M`) or billions (`1.7B`), with one decimal below 10 of the unit.
  /// Rounding never shows 1000 of a unit: 999 500 is `1.0M`.
  public static func compact(_ value: Int) -> String {
    let magnitude = value.magnitude
    guard magnitude >= compactFrom else { return grouped(value) }
    let sign = value < 0 ? minus : ""
    for (unit, suffix) in [(1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")] {
      let scaled = Double(magnitude) / unit
      let tenths = (scaled * 10).rounded(.toNearestOrAwayFromZero)
      if tenths < 100 { return sign + fixed(tenths / 10, 1) + suffix }
      let whole = scaled.rounded(.toNearestOrAwayFromZero)
      if whole < 1000 || suffix == "T" { return sign + fixed(whole, 0) + suffix }
    }
    return grouped(value)
  }

  /// The least magnitude ``compact(_:)`` rounds.
  public static let compactFrom: UInt = 10_000

  /// The minus sign of displayed numbers.
  public static let minus = "\u{2212}"

  /// A run of digits with a narrow no-break space before each group of three from the right.
  private static func groupingDigits(_ digits: String) -> String {
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append("\u{202F}") }
      result.append(digit)
    }
    return result
  }
}
