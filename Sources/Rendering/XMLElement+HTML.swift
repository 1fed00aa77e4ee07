public import LibXML

/// Small builders for the HTML page, so section code reads as structure.
extension XMLElement {
  /// Appends a child element with an optional class and text.
  ///
  /// The text is escaped by libxml2; C1 controls and noncharacters, which XML allows but HTML
  /// forbids, are replaced by U+FFFD first (C0 controls are handled by ``XMLText/clean(_:)``).
  @discardableResult
  func element(_ name: String, class className: String? = nil, text: String? = nil)
    -> XMLElement
  {
    let child = addElement(name, text: text.map(HTMLText.printable))
    if let className { child.setAttribute("class", className) }
    return child
  }

  /// Appends a paragraph holding one sentence (used instead of an empty table or chart).
  @discardableResult
  func note(_ text: String) -> XMLElement {
    element("p", class: "note", text: text)
  }
}

/// Text clean-up specific to HTML output.
enum HTMLText {
  /// `text` with DEL, C1 controls and Unicode noncharacters replaced by U+FFFD.
  static func printable(_ text: String) -> String {
    func allowed(_ scalar: Unicode.Scalar) -> Bool {
      let value = scalar.value
      if (0x7F...0x9F).contains(value) { return false }
      if (0xFDD0...0xFDEF).contains(value) { return false }
      if value & 0xFFFE == 0xFFFE { return false }
      return true
    }
    if text.unicodeScalars.allSatisfy(allowed) { return text }
    var cleaned = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      cleaned.append(allowed(scalar) ? scalar : "\u{FFFD}")
    }
    return String(cleaned)
  }

  /// `text` cut to at most `limit` characters, ending with `…` when cut (for chart labels; the
  /// tables always show the full text).
  static func truncated(_ text: String, to limit: Int) -> String {
    guard text.count > limit else { return text }
    return String(text.prefix(limit - 1)) + "…"
  }
}
