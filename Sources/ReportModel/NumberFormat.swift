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

  /// `value` with thousands separated by a thin space for display, e.g. `12 345`.
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append("\u{202F}") }
      result.append(digit)
    }
    return (value < 0 ? "-" : "") + result
  }
}
