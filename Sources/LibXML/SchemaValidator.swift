internal import CLibXML2

/// A compiled XML Schema (XSD) that checks documents.
///
/// The compiled schema belongs to the validator and is freed with it.
public final class SchemaValidator {
  private let schema: xmlSchemaPtr

  /// Compiles a schema from its text.
  ///
  /// - Parameter schemaText: The XSD document as UTF-8 bytes.
  /// - Throws: ``XMLError/invalidSchema(issues:)`` when libxml2 cannot compile it.
  public init(schemaText: [UInt8]) throws(XMLError) {
    XMLLibrary.prepare()
    let collector = IssueCollector()
    let compiled: xmlSchemaPtr? = collector.collecting {
      schemaText.withUnsafeBufferPointer { raw in
        raw.withMemoryRebound(to: CChar.self) { chars -> xmlSchemaPtr? in
          guard let parser = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count))
          else { return nil }
          defer { xmlSchemaFreeParserCtxt(parser) }
          return xmlSchemaParse(parser)
        }
      }
    }
    guard let compiled else { throw .invalidSchema(issues: collector.issues) }
    schema = compiled
  }

  deinit {
    xmlSchemaFree(schema)
  }

  /// Checks `document` against the schema.
  ///
  /// - Parameters:
  ///   - document: The document to check.
  ///   - name: The name used in the error (usually the file path).
  /// - Throws: ``XMLError/invalid(name:issues:)`` listing what libxml2 found.
  public func validate(_ document: XMLDocument, name: String) throws(XMLError) {
    let collector = IssueCollector()
    let result: Int32 = collector.collecting {
      guard let context = xmlSchemaNewValidCtxt(schema) else { return -1 }
      defer { xmlSchemaFreeValidCtxt(context) }
      return xmlSchemaValidateDoc(context, document.pointer)
    }
    if result != 0 {
      var issues = collector.issues
      if issues.isEmpty { issues = [XMLIssue(line: 0, message: "libxml2 returned \(result)")] }
      throw .invalid(name: name, issues: issues)
    }
  }
}
