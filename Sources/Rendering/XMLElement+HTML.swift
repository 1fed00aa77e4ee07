import LibXML

/// Small builders for the HTML page, so section code reads as structure.
extension XMLElement {
  /// Appends a child element with an optional class and text.
  ///
  /// The text is escaped by libxml2, and characters HTML forbids are replaced by
  /// ``XMLText/clean(_:)``.
  @discardableResult
  func element(_ name: String, class className: String? = nil, text: String? = nil)
    -> XMLElement
  {
    let child = addElement(name, text: text)
    if let className { child.setAttribute("class", className) }
    return child
  }

  /// Appends a paragraph holding one sentence (used instead of an empty table or chart).
  @discardableResult
  func note(_ text: String) -> XMLElement {
    element("p", class: "note", text: text)
  }
}

/// Text shaping specific to the HTML page.
enum HTMLText {
  /// `text` cut to at most `limit` characters, ending with `…` when cut (for chart labels; the
  /// tables always show the full text).
  static func truncated(_ text: String, to limit: Int) -> String {
    guard text.count > limit else { return text }
    return String(text.prefix(limit - 1)) + "…"
  }
}
