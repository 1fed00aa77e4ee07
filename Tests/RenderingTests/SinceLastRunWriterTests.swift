import LibXML
import ReportModel
import Testing

@testable import Rendering

/// The "since the last run" section in both writers and in the schema.
@Suite struct SinceLastRunWriterTests {
  static let fixtures = TestFile.directory(of: #filePath) + "/Fixtures"

  /// The report written and parsed back, as a reader of the published file would.
  func reparsed(_ report: Report) throws -> XMLElement {
    try XMLDocument.parse(XMLReportWriter.bytes(for: report), name: "report.xml").root
  }

  /// The `sinceLastRun` element of a written report.
  func sinceElement(_ report: Report) throws -> XMLElement {
    try #require(reparsed(report).children(named: "sinceLastRun").first)
  }

  func page(_ report: Report) -> String {
    HTMLReportWriterTests.page(report)
  }

  /// The messages libxml2 gave when the document failed validation; fails the test if it did
  /// not.
  func invalidityMessages(
    _ document: XMLDocument, sourceLocation: SourceLocation = #_sourceLocation
  ) -> [String] {
    do {
      try ReportSchema.validate(document, name: "edited.xml")
      Issue.record("the schema accepted the document", sourceLocation: sourceLocation)
      return []
    } catch XMLError.invalid(_, let issues) {
      return issues.map(\.message)
    } catch {
      Issue.record("expected .invalid, got \(error)", sourceLocation: sourceLocation)
      return []
    }
  }

  /// A fresh tree of the report with the section, and its `sinceLastRun` element.
  func editableTree() throws -> (XMLDocument, XMLElement) {
    let document = XMLReportWriter.document(for: ReportFixtures.withSinceLastRun())
    let since = try #require(document.root.children(named: "sinceLastRun").first)
    return (document, since)
  }

  // MARK: - XML

  @Test func xmlSectionValidatesAsTreeAndAsBytes() throws {
    let report = ReportFixtures.withSinceLastRun()
    try ReportSchema.validate(XMLReportWriter.document(for: report), name: "since.xml")
    try ReportSchema.validate(bytes: XMLReportWriter.bytes(for: report), name: "since.xml")
  }

  @Test func xmlSectionComesRightAfterCorpus() throws {
    let root = try reparsed(ReportFixtures.withSinceLastRun())
    #expect(
      root.children.map(\.name) == [
        "provenance", "corpus", "sinceLastRun", "years", "terms", "organizations",
        "cooccurrences", "trends", "rejected", "duplicates",
      ])
    let since = try sinceElement(ReportFixtures.withSinceLastRun())
    #expect(
      since.children.map(\.name) == ["newDocuments", "newOrganizations", "newPairs", "movedTerms"])
  }

  @Test func xmlSectionCarriesItsAttributes() throws {
    let since = try sinceElement(ReportFixtures.withSinceLastRun())
    #expect(since.attribute("previousRunAt") == "2026-11-22T00:30:00Z")
    #expect(since.attribute("removedDocuments") == "2")

    let years = since.children(named: "newDocuments").first?.children ?? []
    #expect(years.map(\.name) == ["year", "year"])
    #expect(years.map { $0.attribute("value") } == ["2019", "2020"])
    #expect(years.map { $0.attribute("count") } == ["1", "1234"])

    let organization = try #require(since.children(named: "newOrganizations").first?.children.first)
    #expect(organization.name == "organization")
    #expect(organization.attribute("id") == "discovered:information policy department")
    #expect(organization.attribute("name") == "Information Policy Department")

    let pair = try #require(since.children(named: "newPairs").first?.children.first)
    #expect(pair.name == "pair")
    #expect(pair.attribute("a") == "discovered:information policy department")
    #expect(pair.attribute("b") == "eaeu")
    #expect(pair.attribute("aName") == "Information Policy Department")
    #expect(pair.attribute("bName") == "Eurasian Economic Union")

    let terms = since.children(named: "movedTerms").first?.children ?? []
    #expect(terms.map(\.name) == ["term", "term", "term"])
    #expect(terms.map { $0.attribute("text") } == ["россия", "vladimir putin", "kyrgyzstan"])
    #expect(terms.map { $0.attribute("n") } == ["1", "2", "1"])
    #expect(terms.map { $0.attribute("before") } == ["0.0000", "80.2500", "133.3333"])
    #expect(terms.map { $0.attribute("after") } == ["33.3333", "66.6667", "133.3333"])
  }

  @Test func xmlSectionIsAbsentWhenNil() throws {
    let root = try reparsed(ReportFixtures.sample())
    #expect(root.children(named: "sinceLastRun").isEmpty)
    let text = String(decoding: XMLReportWriter.bytes(for: ReportFixtures.sample()), as: UTF8.self)
    #expect(!text.contains("sinceLastRun"))
    #expect(!text.contains("movedTerms"))
  }

  @Test func firstRunOmitsPreviousRunAtAndEmptyListsStayValid() throws {
    var report = ReportFixtures.sample()
    report.sinceLastRun = SinceLastRun(
      previousRunAt: nil, newDocuments: [], removedDocuments: 0, newOrganizations: [],
      newPairs: [], movedTerms: [])
    try ReportSchema.validate(XMLReportWriter.document(for: report), name: "first.xml")
    let since = try sinceElement(report)
    #expect(since.attribute("previousRunAt") == nil)
    #expect(since.attribute("removedDocuments") == "0")
    #expect(
      since.children.map(\.name) == ["newDocuments", "newOrganizations", "newPairs", "movedTerms"])
    #expect(since.children.allSatisfy { $0.children.isEmpty })
  }

  @Test func hostileSectionValidatesAndRoundTrips() throws {
    let bytes = XMLReportWriter.bytes(for: ReportFixtures.hostileSinceLastRun())
    #expect(!String(decoding: bytes, as: UTF8.self).contains("<script"))
    try ReportSchema.validate(bytes: bytes, name: "hostile.xml")
    let since = try #require(
      XMLDocument.parse(bytes, name: "hostile.xml").root.children(named: "sinceLastRun").first)
    let strings = ReportFixtures.hostileStrings
    let evil = XMLReportWriterTests.expectedAfterRoundTrip(strings.joined(separator: " "))
    let organization = since.children(named: "newOrganizations").first?.children.first
    #expect(organization?.attribute("id") == "discovered:" + evil)
    #expect(organization?.attribute("name") == evil)
    let pair = since.children(named: "newPairs").first?.children.first
    #expect(pair?.attribute("aName") == evil)
    #expect(pair?.attribute("bName") == evil)
    #expect(
      (since.children(named: "movedTerms").first?.children ?? []).map { $0.attribute("text") }
        == strings.map(XMLReportWriterTests.expectedAfterRoundTrip))
  }

  // MARK: - Schema

  @Test func negativeRemovedDocumentsIsRejected() throws {
    let (document, since) = try editableTree()
    since.setAttribute("removedDocuments", "-1")
    let messages = invalidityMessages(document)
    #expect(messages.contains { $0.contains("'removedDocuments'") && $0.contains("'-1'") })
  }

  @Test(arguments: [
    ("movedTerms", "term", "n", "3"), ("movedTerms", "term", "before", "-0.5000"),
    ("movedTerms", "term", "after", "10000.0001"), ("movedTerms", "term", "after", "1.00001"),
    ("newDocuments", "year", "count", "-3"), ("newDocuments", "year", "value", "0"),
    ("newOrganizations", "organization", "name", ""), ("newPairs", "pair", "bName", ""),
  ])
  func outOfRangeValuesAreRejected(
    list: String, item: String, attribute: String, value: String
  ) throws {
    let (document, since) = try editableTree()
    let element = try #require(since.children(named: list).first?.children(named: item).first)
    element.setAttribute(attribute, value)
    let messages = invalidityMessages(document)
    #expect(messages.contains { $0.contains("'\(attribute)'") })
  }

  @Test(arguments: ["2026-11-22", "yesterday", "2026-11-22T00:30:00+01:00"])
  func previousRunAtIsAUTCTimestamp(value: String) throws {
    let (document, since) = try editableTree()
    since.setAttribute("previousRunAt", value)
    let messages = invalidityMessages(document)
    #expect(messages.contains { $0.contains("'previousRunAt'") })
  }

  @Test func duplicateYearInNewDocumentsIsRejected() throws {
    let (document, since) = try editableTree()
    let years = try #require(since.children(named: "newDocuments").first).children
    years[1].setAttribute("value", "2019")
    let messages = invalidityMessages(document)
    #expect(messages.contains { $0.contains("Duplicate") && $0.contains("uniqueNewDocumentsYear") })
  }

  @Test func sectionAfterYearsIsRejected() throws {
    let text = String(
      decoding: XMLReportWriter.bytes(for: ReportFixtures.withSinceLastRun()), as: UTF8.self)
    let start = try #require(text.range(of: "  <sinceLastRun"))
    let end = try #require(text.range(of: "</sinceLastRun>\n"))
    let section = String(text[start.lowerBound..<end.upperBound])
    var edited = text.replacing(section, with: "")
    let yearsEnd = try #require(edited.range(of: "</years>\n"))
    edited.insert(contentsOf: section, at: yearsEnd.upperBound)
    #expect(edited != text)
    let document = try XMLDocument.parse(Array(edited.utf8), name: "edited.xml")
    let messages = invalidityMessages(document)
    #expect(messages.contains { $0.contains("sinceLastRun") })
  }

  // MARK: - HTML

  @Test func htmlSectionOpensThePageBeforeTheCorpusSummary() throws {
    let html = page(ReportFixtures.withSinceLastRun())
    let since = try #require(html.range(of: "<section id=\"since-last-run\""))
    let summary = try #require(html.range(of: "<section id=\"summary\""))
    let main = try #require(html.range(of: "<main>"))
    #expect(main.upperBound <= since.lowerBound)
    #expect(since.lowerBound < summary.lowerBound)
    // Nothing but whitespace between <main> and the section: it is the first one.
    let between = html[main.upperBound..<since.lowerBound]
    #expect(between.allSatisfy { $0.isWhitespace })
    let section = HTMLReportWriterTests.section("since-last-run", in: html)
    #expect(section.contains("<h2 id=\"since-last-run-h\">Since the last run</h2>"))
    #expect(HTMLReportWriterTests.count("<section ", in: html) == 10)
  }

  @Test func contentsListStartsWithTheSection() throws {
    let html = page(ReportFixtures.withSinceLastRun())
    let nav = try #require(html.range(of: "<nav aria-label=\"Contents\">"))
    let links = html[nav.upperBound...].components(separatedBy: "href=\"").dropFirst().prefix(2)
      .map { $0.prefix { $0 != "\"" } }
    #expect(links == ["#since-last-run", "#summary"])
    #expect(html.contains("<a href=\"#since-last-run\">Since the last run</a>"))
  }

  @Test func htmlSectionShowsItsFiguresInCaptionedTables() {
    // The serializer breaks lines between table cells; compare the markup without them.
    let section = HTMLReportWriterTests.section(
      "since-last-run", in: page(ReportFixtures.withSinceLastRun())
    ).replacing("\n", with: "")
    #expect(section.contains("published 2026-11-22T00:30:00Z."))
    #expect(HTMLReportWriterTests.count("<table", in: section) == 2)
    #expect(HTMLReportWriterTests.count("<caption>", in: section) == 2)
    #expect(
      HTMLReportWriterTests.count("<th ", in: section)
        == HTMLReportWriterTests.count(" scope=\"col\"", in: section))
    #expect(
      section.contains("<caption>Documents added or changed, per year of their date</caption>"))
    #expect(
      section.contains("<caption>Terms whose rate changed most since the previous run</caption>"))
    #expect(section.contains("<td class=\"num\">1\u{202F}234</td>"))
    #expect(section.contains("2 documents were removed."))
    #expect(section.contains("<li>Information Policy Department</li>"))
    #expect(section.contains("<span class=\"amp\"> &amp; </span>"))
    // Term, before, after, signed change; numbers right-aligned.
    #expect(
      section.contains(
        "<td>россия</td><td class=\"num\">0.00</td><td class=\"num\">33.33</td>"
          + "<td class=\"num\">+33.33</td>"
      ))
    #expect(
      section.contains(
        "<td class=\"num\">80.25</td><td class=\"num\">66.67</td><td class=\"num\">\u{2212}13.58</td>"
      ))
    #expect(
      section.contains(
        "<td class=\"num\">133.33</td><td class=\"num\">133.33</td><td class=\"num\">0.00</td>"))
    #expect(!section.contains("<p class=\"note\">No "))
  }

  /// On a first run every year's documents are new and no organization was listed before: the
  /// page says so in one paragraph instead of a table of every year and "no organization was
  /// listed for the first time".
  @Test func firstRunSaysEverythingIsNewInOneParagraph() {
    var report = ReportFixtures.sample()
    report.sinceLastRun = SinceLastRun(
      previousRunAt: nil,
      newDocuments: [.init(year: 2023, count: 4), .init(year: 2024, count: 7)],
      removedDocuments: 0, newOrganizations: [], newPairs: [], movedTerms: [])
    let section = HTMLReportWriterTests.section("since-last-run", in: page(report))
    #expect(section.contains("First run of this state: everything in this report is new to it"))
    #expect(HTMLReportWriterTests.count("<p", in: section) == 1)
    #expect(!section.contains("<h3"))
    #expect(!section.contains("<table"))
    #expect(!section.contains("No organization"))
    #expect(!section.contains("2024"))
  }

  @Test func emptyListsSaySo() {
    var report = ReportFixtures.sample()
    report.sinceLastRun = SinceLastRun(
      previousRunAt: "2026-11-22T00:30:00Z", newDocuments: [], removedDocuments: 1,
      newOrganizations: [], newPairs: [], movedTerms: [])
    let section = HTMLReportWriterTests.section("since-last-run", in: page(report))
    #expect(section.contains("published 2026-11-22T00:30:00Z."))
    #expect(section.contains("No document was added or changed."))
    #expect(section.contains("1 document was removed."))
    #expect(section.contains("No organization was listed for the first time."))
    #expect(section.contains("No pair of organizations was listed for the first time."))
    #expect(section.contains("No term's rate changed."))
    #expect(!section.contains("<table"))
    #expect(!section.contains("<ul"))
  }

  /// Copies change no figure: they are not among the documents added or removed, and the
  /// section says how many there were, so that no file added goes unaccounted for.
  @Test func copiesAreSaidApart() throws {
    var report = ReportFixtures.sample()
    report.sinceLastRun = SinceLastRun(
      previousRunAt: "2026-11-22T00:30:00Z", newDocuments: [], removedDocuments: 0,
      newOrganizations: [], newPairs: [], movedTerms: [], addedCopies: 3, removedCopies: 1)
    var section = HTMLReportWriterTests.section("since-last-run", in: page(report))
    #expect(section.contains("No document was added or changed."))
    #expect(section.contains("No document was removed."))
    #expect(
      section.contains(
        "3 files added or changed are copies of other documents: counted once, they change no "
          + "figure."))
    #expect(section.contains("1 copy of another document was removed; it had not been counted."))
    let since = try sinceElement(report)
    #expect(
      [since.attribute("addedCopies"), since.attribute("removedCopies")] == ["3", "1"] as [String?])
    try ReportSchema.validate(bytes: XMLReportWriter.bytes(for: report), name: "copies.xml")

    report.sinceLastRun?.addedCopies = 1
    report.sinceLastRun?.removedCopies = 2
    section = HTMLReportWriterTests.section("since-last-run", in: page(report))
    #expect(
      section.contains(
        "1 file added or changed is a copy of another document: counted once, it changes no "
          + "figure."))
    #expect(
      section.contains("2 copies of other documents were removed; they had not been counted."))

    // None: not a word of them.
    report.sinceLastRun?.addedCopies = 0
    report.sinceLastRun?.removedCopies = 0
    section = HTMLReportWriterTests.section("since-last-run", in: page(report))
    #expect(!section.contains("cop"))
  }

  @Test func htmlSectionIsAbsentWhenNil() {
    let html = page(ReportFixtures.sample())
    #expect(!html.contains("since-last-run"))
    #expect(!html.contains("Since the last run"))
    #expect(html.range(of: "<section id=\"summary\"") != nil)
  }

  @Test func signedChangeShowsPlusOnlyForPositiveValues() {
    #expect(HTMLReportWriter.signed(1.5, 2) == "+1.50")
    #expect(HTMLReportWriter.signed(-1.5, 2) == "\u{2212}1.50")
    #expect(HTMLReportWriter.signed(0, 2) == "0.00")
    #expect(HTMLReportWriter.signed(0.001, 2) == "0.00")
    #expect(HTMLReportWriter.signed(-0.001, 2) == "0.00")
  }

  @Test func hostileNamesAndTermsAreEscaped() {
    let html = page(ReportFixtures.hostileSinceLastRun())
    let section = HTMLReportWriterTests.section("since-last-run", in: html)
    let lowered = html.lowercased()
    #expect(!lowered.contains("<script"))
    #expect(!lowered.contains("<img"))
    #expect(!lowered.contains("<!--"))
    #expect(HTMLReportWriterTests.count("<style>", in: html) == 1)
    #expect(HTMLReportWriterTests.count("</style>", in: html) == 1)
    #expect(section.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
    #expect(section.contains("<td>&lt;img src=x onerror=alert(4)&gt;</td>"))
    #expect(section.contains("<td>a &amp; b &lt; c &gt; d \" ' e</td>"))
    #expect(section.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(HTMLReportWriterTests.count("onerror", in: section) > 0)
    #expect(HTMLReportWriterTests.occurrencesInsideTags("onerror", in: html) == 0)
    #expect(section.contains("bell\u{FFFD}null\u{FFFD}esc\u{FFFD}"))
  }

  @Test func sameReportGivesSameBytes() {
    let report = ReportFixtures.withSinceLastRun()
    #expect(HTMLReportWriter.bytes(for: report) == HTMLReportWriter.bytes(for: report))
    #expect(XMLReportWriter.bytes(for: report) == XMLReportWriter.bytes(for: report))
  }

  // MARK: - Golden files

  @Test(arguments: ["xml", "html"])
  func reportWithTheSectionMatchesItsGoldenFile(format: String) throws {
    let report = ReportFixtures.withSinceLastRun()
    let bytes =
      format == "xml" ? XMLReportWriter.bytes(for: report) : HTMLReportWriter.bytes(for: report)
    let path = Self.fixtures + "/since-last-run-report." + format
    if TestFile.environment("ALMANAC_RECORD") == "1" {
      try TestFile.write(bytes, to: path)
    }
    let golden = try #require(TestFile.read(path), "missing \(path); run with ALMANAC_RECORD=1")
    #expect(
      String(decoding: bytes, as: UTF8.self) == String(decoding: golden, as: UTF8.self),
      "differs from \(path); re-record with ALMANAC_RECORD=1 if intended")
  }
}
