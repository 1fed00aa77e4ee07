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

  /// Appends `path` as text with a line-break opportunity (`<wbr>`) after each of its `/` and
  /// `_` (``HTMLText/pathPieces(_:)``), so that a path too long for its cell wraps between the
  /// parts of its name (`002_` above `139cab1db7a7b812.txt`) rather than anywhere in them.
  func addPath(_ path: String) {
    for (index, piece) in HTMLText.pathPieces(path).enumerated() {
      if index > 0 { addElement("wbr") }
      addText(piece)
    }
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

  /// `path` cut after each `/` and `_` that has more of the path after it: the pieces a long
  /// path may wrap between, which joined give `path` back.
  static func pathPieces(_ path: String) -> [String] {
    var pieces: [String] = []
    var piece = ""
    for scalar in path.unicodeScalars {
      piece.unicodeScalars.append(scalar)
      if scalar == "/" || scalar == "_" {
        pieces.append(piece)
        piece = ""
      }
    }
    if !piece.isEmpty || pieces.isEmpty { pieces.append(piece) }
    return pieces
  }
}
