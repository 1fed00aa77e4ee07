import LibXML
import Rendering
import ReportModel
import Testing

@Suite struct ReportSchemaTests {
  /// The sample report as a fresh tree, ready to be edited.
  func sampleTree() -> XMLDocument {
    XMLReportWriter.document(for: ReportFixtures.sample())
  }

  /// The messages libxml2 gave when `body` failed validation; fails the test if it did not.
  func invalidityMessages(
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
  ) -> [String] {
    do {
      try body()
      Issue.record("the schema accepted the document", sourceLocation: sourceLocation)
      return []
    } catch XMLError.invalid(let name, let issues) {
      #expect(name == "edited.xml", sourceLocation: sourceLocation)
      return issues.map(\.message)
    } catch {
      Issue.record("expected .invalid, got \(error)", sourceLocation: sourceLocation)
      return []
    }
  }

  /// The element at `path` of child names, each step taking the first match.
  func element(_ document: XMLDocument, _ path: String...) throws -> XMLElement {
    var current = document.root
    for step in path {
      current = try #require(current.children(named: step).first, "no \(step)")
    }
    return current
  }

  // MARK: - Accepted

  @Test func embeddedSchemaCompiles() throws {
    _ = try ReportSchema.validator()
    let text = String(decoding: ReportSchema.text, as: UTF8.self)
    #expect(text.contains("targetNamespace=\"urn:almanac:report:1\""))
    #expect(text.contains("elementFormDefault=\"qualified\""))
  }

  @Test func sampleReportValidatesAsTreeAndAsBytes() throws {
    try ReportSchema.validate(sampleTree(), name: "sample.xml")
    try ReportSchema.validate(
      bytes: XMLReportWriter.bytes(for: ReportFixtures.sample()), name: "sample.xml")
  }

  @Test func hostileReportValidates() throws {
    try ReportSchema.validate(XMLReportWriter.document(for: ReportFixtures.hostile()), name: "h")
  }

  @Test func publishedSchemaIsTheEmbeddedOne() throws {
    let testsFolder = TestFile.directory(of: #filePath)
    let root = TestFile.directory(of: TestFile.directory(of: testsFolder))
    let published = try #require(TestFile.read(root + "/Reports/almanac.xsd"))
    // Compared as text so that a failure prints a readable difference, not two byte arrays.
    let same = published == ReportSchema.text
    #expect(same, "Reports/almanac.xsd differs from Sources/Rendering/Resources/almanac.xsd")
  }

  // MARK: - Rejected

  @Test func missingRequiredAttributeIsNamed() {
    let text = String(decoding: XMLReportWriter.bytes(for: ReportFixtures.sample()), as: UTF8.self)
    let edited = text.replacing(" tool=\"almanac 0.1.0\"", with: "")
    #expect(edited != text)
    let messages = invalidityMessages {
      try ReportSchema.validate(bytes: Array(edited.utf8), name: "edited.xml")
    }
    #expect(messages.contains { $0.contains("'tool'") && $0.contains("required") })
  }

  @Test func unknownDirectionIsRejected() throws {
    let document = sampleTree()
    try element(document, "trends", "comparison", "term").setAttribute("direction", "sideways")
    let messages = invalidityMessages { try ReportSchema.validate(document, name: "edited.xml") }
    #expect(messages.contains { $0.contains("'direction'") && $0.contains("sideways") })
  }

  @Test func negativeCountIsRejected() throws {
    let document = sampleTree()
    try element(document, "years", "year").setAttribute("documents", "-1")
    let messages = invalidityMessages { try ReportSchema.validate(document, name: "edited.xml") }
    #expect(messages.contains { $0.contains("'documents'") && $0.contains("'-1'") })
  }

  @Test func duplicateOrganizationIdIsRejected() throws {
    let document = sampleTree()
    let organizations = try element(document, "organizations").children
    organizations[1].setAttribute("id", "eaeu")
    try element(document, "cooccurrences", "pair").setAttribute("a", "eaeu")
    let messages = invalidityMessages { try ReportSchema.validate(document, name: "edited.xml") }
    #expect(messages.contains { $0.contains("Duplicate") && $0.contains("organizationId") })
  }

  @Test func pairWithUnknownOrganizationIsRejected() throws {
    let document = sampleTree()
    try element(document, "cooccurrences", "pair").setAttribute("b", "nobody")
    let messages = invalidityMessages { try ReportSchema.validate(document, name: "edited.xml") }
    #expect(messages.contains { $0.contains("'nobody'") && $0.contains("pairB") })
  }

  @Test func duplicateYearIsRejected() throws {
    let document = sampleTree()
    try element(document, "years").children[1].setAttribute("value", "2019")
    let messages = invalidityMessages { try ReportSchema.validate(document, name: "edited.xml") }
    #expect(messages.contains { $0.contains("Duplicate") && $0.contains("uniqueYear") })
  }

  @Test(arguments: [
    ["schemaVersion"], ["generatedAt"],
  ])
  func wrongRootValuesAreRejected(attribute: [String]) {
    let document = sampleTree()
    document.root.setAttribute(attribute[0], "2.0")
    let messages = invalidityMessages { try ReportSchema.validate(document, name: "edited.xml") }
    #expect(messages.contains { $0.contains("'\(attribute[0])'") })
  }

  @Test(arguments: [
    ("npmi", "1.5"), ("npmi", "-1.0001"), ("logLikelihood", "-3.0000"), ("documents", "2.5"),
  ])
  func pairStatisticsOutOfBoundsAreRejected(attribute: String, value: String) throws {
    let document = sampleTree()
    try element(document, "cooccurrences", "pair").setAttribute(attribute, value)
    let messages = invalidityMessages { try ReportSchema.validate(document, name: "edited.xml") }
    #expect(messages.contains { $0.contains("'\(attribute)'") && $0.contains("'\(value)'") })
  }

  @Test(arguments: ["yes", "1", ""])
  func booleansAreTrueOrFalse(value: String) throws {
    let document = sampleTree()
    try element(document, "organizations", "organization").setAttribute("registered", value)
    let messages = invalidityMessages { try ReportSchema.validate(document, name: "edited.xml") }
    #expect(messages.contains { $0.contains("'registered'") })
  }

  @Test func trendYearMustBeACorpusYear() throws {
    let document = sampleTree()
    try element(document, "trends", "comparison").setAttribute("reference", "2018")
    let messages = invalidityMessages { try ReportSchema.validate(document, name: "edited.xml") }
    #expect(messages.contains { $0.contains("'2018'") && $0.contains("comparisonReference") })
  }

  @Test func elementOutsideTheNamespaceIsRejected() {
    let text = String(decoding: XMLReportWriter.bytes(for: ReportFixtures.sample()), as: UTF8.self)
    let edited = text.replacing(" xmlns=\"urn:almanac:report:1\"", with: "")
    let messages = invalidityMessages {
      try ReportSchema.validate(bytes: Array(edited.utf8), name: "edited.xml")
    }
    #expect(messages.contains { $0.contains("almanac") })
  }

  @Test func bytesWithADoctypeAreRefusedBeforeValidation() {
    let text = String(decoding: XMLReportWriter.bytes(for: ReportFixtures.sample()), as: UTF8.self)
    let edited = text.replacing("?>\n", with: "?>\n<!DOCTYPE almanac [<!ENTITY x \"y\">]>\n")
    #expect(throws: XMLError.forbiddenDoctype(name: "edited.xml")) {
      try ReportSchema.validate(bytes: Array(edited.utf8), name: "edited.xml")
    }
  }
}
