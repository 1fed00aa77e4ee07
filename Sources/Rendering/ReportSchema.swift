public import LibXML

/// The XML Schema (XSD) of the Almanac report, embedded in the binary.
///
/// The same text is published as `Reports/almanac.xsd`. `almanac validate FILE` and the
/// publisher check reports through this type.
public enum ReportSchema {
  /// The schema's namespace, the same as ``XMLReportWriter/namespace``.
  public static let namespace = XMLReportWriter.namespace

  /// The schema document as UTF-8 bytes.
  public static var text: [UInt8] { PackageResources.almanac_xsd }

  /// Compiles the schema.
  ///
  /// - Returns: A validator for Almanac reports.
  /// - Throws: ``LibXML/XMLError/invalidSchema(issues:)`` if the embedded schema is broken.
  public static func validator() throws(XMLError) -> SchemaValidator {
    try SchemaValidator(schemaText: text)
  }

  /// Checks a report document against the schema.
  ///
  /// - Parameters:
  ///   - document: The report, built by ``XMLReportWriter`` or parsed.
  ///   - name: The name used in the error (usually the file path).
  /// - Throws: ``LibXML/XMLError/invalid(name:issues:)`` listing every problem found.
  public static func validate(_ document: XMLDocument, name: String) throws(XMLError) {
    try validator().validate(document, name: name)
  }

  /// Parses report bytes with safe options (no network, no DTD, no entities) and checks them.
  ///
  /// - Parameters:
  ///   - bytes: The report file's content.
  ///   - name: The name used in errors (usually the file path).
  /// - Throws: ``LibXML/XMLError/malformed(name:issues:)`` or
  ///   ``LibXML/XMLError/forbiddenDoctype(name:)`` when the bytes are not acceptable XML,
  ///   ``LibXML/XMLError/invalid(name:issues:)`` when they do not match the schema.
  public static func validate(bytes: [UInt8], name: String) throws(XMLError) {
    let document = try XMLDocument.parse(bytes, name: name)
    try validate(document, name: name)
  }
}
