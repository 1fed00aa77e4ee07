internal import CLibXML2

/// An element inside an ``XMLDocument``.
///
/// An element does not own its node: it keeps its document alive, and the document frees the
/// whole tree. Text and attribute values are always escaped by libxml2, and characters that
/// XML 1.0 forbids are replaced by U+FFFD first, so article text can never break a report.
public struct XMLElement {
  /// The document that owns this element.
  public let document: XMLDocument
  let node: xmlNodePtr

  init(document: XMLDocument, node: xmlNodePtr) {
    self.document = document
    self.node = node
  }

  /// The element's name.
  public var name: String { String(cString: node.pointee.name) }

  /// Appends a child element, optionally holding text.
  ///
  /// - Parameters:
  ///   - name: The child's element name.
  ///   - text: Text content, escaped as data (never read as markup).
  /// - Returns: The new child.
  @discardableResult
  public func addElement(_ name: String, text: String? = nil) -> XMLElement {
    // xmlNewTextChild escapes its content; xmlNewChild would read it as markup and drop it.
    let child: xmlNodePtr
    if let text {
      child = xmlNewTextChild(node, node.pointee.ns, name, XMLText.clean(text))!
    } else {
      child = xmlNewChild(node, node.pointee.ns, name, nil)!
    }
    return XMLElement(document: document, node: child)
  }

  /// Appends a child element carrying the given attributes, in order.
  @discardableResult
  public func addElement(
    _ name: String, attributes: KeyValuePairs<String, String>, text: String? = nil
  ) -> XMLElement {
    let child = addElement(name, text: text)
    for (key, value) in attributes { child.setAttribute(key, value) }
    return child
  }

  /// Sets (or replaces) an attribute; the value is escaped by the serializer.
  public func setAttribute(_ name: String, _ value: String) {
    xmlSetProp(node, name, XMLText.clean(value))
  }

  /// Appends a text node; the text is escaped by the serializer.
  public func addText(_ text: String) {
    let textNode = xmlNewDocText(document.pointer, XMLText.clean(text))!
    xmlAddChild(node, textNode)
  }

  /// The value of an attribute, or `nil` when it is absent.
  public func attribute(_ name: String) -> String? {
    guard let value = xmlGetProp(node, name) else { return nil }
    defer { almanac_xmlFree(value) }
    return String(cString: value)
  }

  /// The concatenated text of this element and its descendants.
  public var textContent: String {
    guard let value = xmlNodeGetContent(node) else { return "" }
    defer { almanac_xmlFree(value) }
    return String(cString: value)
  }

  /// The child elements, in document order.
  public var children: [XMLElement] {
    var result: [XMLElement] = []
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE {
        result.append(XMLElement(document: document, node: current))
      }
      child = current.pointee.next
    }
    return result
  }

  /// The child elements with the given name.
  public func children(named name: String) -> [XMLElement] {
    children.filter { $0.name == name }
  }
}
