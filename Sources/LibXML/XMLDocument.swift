internal import CLibXML2

/// An XML or HTML document built or parsed through libxml2.
///
/// The document is the single owner of its libxml2 tree: every ``XMLElement`` handed out keeps
/// the document alive, and the tree is freed exactly once, in `deinit`.
public final class XMLDocument {
  /// Whether the tree is serialised as XML or as HTML5.
  public enum Kind: Sendable { case xml, html }

  let pointer: xmlDocPtr
  /// How this document is serialised.
  public let kind: Kind

  init(adopting pointer: xmlDocPtr, kind: Kind) {
    self.pointer = pointer
    self.kind = kind
  }

  /// Creates an XML document whose root element is `rootName`.
  ///
  /// - Parameters:
  ///   - rootName: The name of the root element.
  ///   - namespace: The default namespace declared on the root, if any.
  public convenience init(rootName: String, namespace: String? = nil) {
    XMLLibrary.prepare()
    let doc = xmlNewDoc("1.0")!
    self.init(adopting: doc, kind: .xml)
    let root = xmlNewDocNode(doc, nil, rootName, nil)!
    xmlDocSetRootElement(doc, root)
    if let namespace {
      let ns = xmlNewNs(root, namespace, nil)
      xmlSetNs(root, ns)
    }
  }

  /// Creates an HTML5 document (`<!DOCTYPE html>`) whose root is an `html` element.
  ///
  /// - Parameter language: The value of the root's `lang` attribute.
  public static func html(language: String = "en") -> XMLDocument {
    XMLLibrary.prepare()
    let doc = htmlNewDocNoDtD(nil, nil)!
    let document = XMLDocument(adopting: doc, kind: .html)
    xmlCreateIntSubset(doc, "html", nil, nil)
    let root = xmlNewDocNode(doc, nil, "html", nil)!
    xmlDocSetRootElement(doc, root)
    document.root.setAttribute("lang", language)
    return document
  }

  deinit {
    xmlFreeDoc(pointer)
  }

  /// The root element.
  public var root: XMLElement {
    XMLElement(document: self, node: xmlDocGetRootElement(pointer)!)
  }

  /// The document serialised as UTF-8 bytes: an XML declaration and indented elements for XML,
  /// `<!DOCTYPE html>` and raw UTF-8 (no character entities) for HTML.
  public func serialized() -> [UInt8] {
    switch kind {
    case .xml:
      var memory: UnsafeMutablePointer<xmlChar>?
      var size: Int32 = 0
      xmlDocDumpFormatMemoryEnc(pointer, &memory, &size, "UTF-8", 1)
      defer { almanac_xmlFree(memory) }
      guard let memory, size > 0 else { return [] }
      return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    case .html:
      let buffer = xmlBufferCreate()!
      defer { xmlBufferFree(buffer) }
      let output = xmlOutputBufferCreateBuffer(buffer, nil)!
      htmlDocContentDumpFormatOutput(output, pointer, "UTF-8", 1)
      xmlOutputBufferFlush(output)
      xmlOutputBufferClose(output)
      let length = Int(xmlBufferLength(buffer))
      guard length > 0, let content = xmlBufferContent(buffer) else { return [] }
      return Self.withoutEndTagsOfVoidElements(UnsafeBufferPointer(start: content, count: length))
    }
  }

  /// The end tag libxml2 (2.9, which knows HTML 4's elements) writes after HTML5's `wbr`,
  /// which has none. Text and attribute values are escaped (`&lt;`), so these bytes can only
  /// be that tag.
  static let wbrEndTag = Array("</wbr>".utf8)

  /// `html` without the end tags of void elements libxml2 does not know as void (``wbrEndTag``):
  /// an HTML5 parser drops a stray `</wbr>` and a validator flags it.
  static func withoutEndTagsOfVoidElements(_ html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    let tag = wbrEndTag
    var out: [UInt8] = []
    out.reserveCapacity(html.count)
    var index = 0
    while index < html.count {
      if html[index] == tag[0], index + tag.count <= html.count,
        html[index..<index + tag.count].elementsEqual(tag)
      {
        index += tag.count
        continue
      }
      out.append(html[index])
      index += 1
    }
    return out
  }

  /// Parses XML without network access, entity substitution or DTD loading.
  ///
  /// A document that declares entities or a DTD of its own is refused: Almanac's own files never
  /// need one, and refusing them stops billion-laughs and external-entity attacks.
  ///
  /// - Parameters:
  ///   - bytes: The XML text.
  ///   - name: The name used in error messages (usually the file path).
  /// - Returns: The parsed document.
  /// - Throws: ``XMLError/malformed(name:issues:)`` or ``XMLError/forbiddenDoctype(name:)``.
  public static func parse(_ bytes: [UInt8], name: String) throws(XMLError) -> XMLDocument {
    XMLLibrary.prepare()
    // Refused before libxml2 sees it, so that the reason is ours, not a parser error about an
    // entity loop that expansion would have run into.
    if prologDeclaresDoctype(bytes) { throw .forbiddenDoctype(name: name) }
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue)
    let collector = IssueCollector()
    let parsed: xmlDocPtr? = collector.collecting {
      bytes.withUnsafeBufferPointer { raw in
        raw.withMemoryRebound(to: CChar.self) { chars in
          xmlReadMemory(chars.baseAddress, Int32(chars.count), name, nil, options)
        }
      }
    }
    guard let parsed else {
      var issues = collector.issues
      if issues.isEmpty {
        // libxml2 refuses an empty buffer before it starts parsing, without an error.
        let reason = bytes.isEmpty ? "the document is empty" : "libxml2 could not parse it"
        issues = [XMLIssue(line: 0, message: reason)]
      }
      throw .malformed(name: name, issues: issues)
    }
    let document = XMLDocument(adopting: parsed, kind: .xml)
    if parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil {
      throw .forbiddenDoctype(name: name)
    }
    return document
  }

  /// Whether the prolog of a UTF-8 (or ASCII) document holds `<!DOCTYPE`: skips a byte order
  /// mark, white space, the XML declaration, processing instructions and comments, the only
  /// things that may come before it.
  static func prologDeclaresDoctype(_ bytes: [UInt8]) -> Bool {
    func starts(_ prefix: String, at index: Int) -> Bool {
      let prefix = Array(prefix.utf8)
      return bytes.count - index >= prefix.count
        && bytes[index..<index + prefix.count].elementsEqual(prefix)
    }
    func skip(past terminator: String, from index: Int) -> Int? {
      let end = Array(terminator.utf8)
      var position = index
      while position + end.count <= bytes.count {
        if bytes[position..<position + end.count].elementsEqual(end) {
          return position + end.count
        }
        position += 1
      }
      return nil
    }
    var index = starts("\u{FEFF}", at: 0) ? 3 : 0
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      case UInt8(ascii: "<"):
        if starts("<?", at: index) {
          guard let next = skip(past: "?>", from: index + 2) else { return false }
          index = next
        } else if starts("<!--", at: index) {
          guard let next = skip(past: "-->", from: index + 4) else { return false }
          index = next
        } else {
          return starts("<!DOCTYPE", at: index)
        }
      default: return false
      }
    }
    return false
  }
}
