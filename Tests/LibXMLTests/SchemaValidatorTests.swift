import LibXML
import Testing

@Suite struct SchemaValidatorTests {
  static let schema = Array(
    """
    <?xml version="1.0"?>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:element name="item">
        <xs:complexType>
          <xs:attribute name="id" type="xs:string" use="required"/>
          <xs:attribute name="count" type="xs:nonNegativeInteger"/>
        </xs:complexType>
      </xs:element>
    </xs:schema>
    """.utf8)

  @Test func validDocumentPasses() throws {
    let validator = try SchemaValidator(schemaText: Self.schema)
    let document = XMLDocument(rootName: "item")
    document.root.setAttribute("id", "a b")
    document.root.setAttribute("count", "3")
    try validator.validate(document, name: "item.xml")
  }

  @Test func missingAttributeIsReported() throws {
    let validator = try SchemaValidator(schemaText: Self.schema)
    let document = XMLDocument(rootName: "item")
    #expect {
      try validator.validate(document, name: "item.xml")
    } throws: { error in
      guard case .invalid(let name, let issues) = error as? XMLError else { return false }
      return name == "item.xml"
        && issues.contains { $0.message.contains("'id' is required but missing") }
    }
  }

  @Test func negativeCountIsReported() throws {
    let validator = try SchemaValidator(schemaText: Self.schema)
    let document = XMLDocument(rootName: "item")
    document.root.setAttribute("id", "x")
    document.root.setAttribute("count", "-2")
    #expect {
      try validator.validate(document, name: "item.xml")
    } throws: { error in
      guard case .invalid(_, let issues) = error as? XMLError else { return false }
      return issues.contains { $0.message.contains("'-2'") }
    }
  }

  @Test func brokenSchemaIsInvalidSchema() {
    #expect {
      _ = try SchemaValidator(schemaText: Array("<xs:schema>".utf8))
    } throws: { error in
      guard case .invalidSchema = error as? XMLError else { return false }
      return true
    }
  }
}
