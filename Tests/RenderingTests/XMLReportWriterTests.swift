import LibXML
import Rendering
import ReportModel
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct XMLReportWriterTests {
  /// The golden file, next to this source file.
  static let goldenPath = TestFile.directory(of: #filePath) + "/Fixtures/sample-report.xml"

  /// Parses what the writer wrote, as a reader of the published file would.
  func reparsed(_ report: Report) throws -> XMLDocument {
    try XMLDocument.parse(XMLReportWriter.bytes(for: report), name: "report.xml")
  }

  @Test func sampleMatchesGoldenFile() throws {
    let bytes = XMLReportWriter.bytes(for: ReportFixtures.sample())
    if TestFile.environment("ALMANAC_RECORD") == "1" {
      try TestFile.write(bytes, to: Self.goldenPath)
    }
    let golden = try #require(
      TestFile.read(Self.goldenPath), "missing \(Self.goldenPath); run with ALMANAC_RECORD=1")
    #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: golden, as: UTF8.self))
    #expect(bytes == golden)
  }

  @Test func outputIsDeterministic() {
    let first = XMLReportWriter.bytes(for: ReportFixtures.sample())
    let second = XMLReportWriter.bytes(for: ReportFixtures.sample())
    #expect(first == second)
    #expect(
      XMLReportWriter.bytes(for: ReportFixtures.hostile())
        == XMLReportWriter.bytes(
          for: ReportFixtures.hostile()))
  }

  @Test func rootDeclaresTheDefaultNamespace() {
    let text = String(decoding: XMLReportWriter.bytes(for: ReportFixtures.sample()), as: UTF8.self)
    #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
    #expect(text.contains("<almanac xmlns=\"urn:almanac:report:1\" schemaVersion=\"1.0\""))
    #expect(!text.contains("xmlns:"))
  }

  @Test func sectionsComeInSchemaOrder() throws {
    let root = try reparsed(ReportFixtures.sample()).root
    #expect(root.name == "almanac")
    #expect(
      root.children.map(\.name) == [
        "provenance", "corpus", "years", "terms", "organizations", "cooccurrences", "trends",
        "rejected", "duplicates",
      ])
    #expect(root.attribute("generatedAt") == "2026-11-23T00:00:00Z")
    #expect(root.attribute("tool") == "almanac 0.1.0")
  }

  @Test func corpusAndYearsCarryTheirFigures() throws {
    let root = try reparsed(ReportFixtures.sample()).root
    let corpus = try #require(root.children(named: "corpus").first)
    #expect(corpus.attribute("documents") == "3")
    #expect(corpus.attribute("rejected") == "1")
    #expect(corpus.attribute("tokens") == "900")
    #expect(corpus.attribute("firstDate") == "2019-02-04")
    #expect(corpus.attribute("lastDate") == "2020-09-28")
    #expect(corpus.attribute("repaired") == "0")
    let years = root.children(named: "years").first?.children(named: "year") ?? []
    #expect(years.map { $0.attribute("value") } == ["2019", "2020"])
    #expect(years.map { $0.attribute("types") } == ["150", "280"])
    #expect(years.map { $0.attribute("organizationMentions") } == ["2", "5"])
  }

  @Test func termsListUnigramsThenBigramsWithFourDecimals() throws {
    let root = try reparsed(ReportFixtures.sample()).root
    let terms = root.children(named: "terms").first?.children(named: "term") ?? []
    #expect(terms.map { $0.attribute("text") } == ["kyrgyzstan", "россия", "vladimir putin"])
    #expect(terms.map { $0.attribute("n") } == ["1", "1", "2"])
    #expect(terms.map { $0.attribute("perTenThousand") } == ["133.3333", "33.3333", "66.6667"])
    let russia = terms[1].children(named: "year")
    #expect(russia.map { $0.attribute("perTenThousand") } == ["0.0000", "50.0000"])
    #expect(russia.map { $0.attribute("count") } == ["0", "3"])
  }

  @Test func organizationsPairsTrendsAndRejections() throws {
    let root = try reparsed(ReportFixtures.sample()).root
    let organizations = root.children(named: "organizations").first?.children ?? []
    #expect(organizations.map { $0.attribute("registered") } == ["true", "false"])
    #expect(organizations[0].children.map(\.name) == ["alias", "alias", "year", "year"])
    #expect(
      organizations[0].children(named: "alias").map { $0.attribute("text") } == ["EAEU", "ЕАЭС"])
    let pair = try #require(root.children(named: "cooccurrences").first?.children.first)
    #expect(pair.attribute("a") == "discovered:information policy department")
    #expect(pair.attribute("bName") == "Eurasian Economic Union")
    #expect(pair.attribute("npmi") == "0.6309")
    #expect(pair.attribute("logLikelihood") == "1.9095")
    let comparison = try #require(root.children(named: "trends").first?.children.first)
    #expect(comparison.attribute("referenceTokens") == "300")
    let trendTerms = comparison.children(named: "term")
    #expect(trendTerms.map { $0.attribute("direction") } == ["rising", "falling"])
    #expect(trendTerms.map { $0.attribute("logRatio") } == ["1.8074", "-2.3219"])
    let rejected = root.children(named: "rejected").first?.children ?? []
    #expect(rejected.map { $0.attribute("path") } == ["broken/no-header.txt"])
  }

  @Test func evidenceIsMixedContentWithHits() throws {
    let root = try reparsed(ReportFixtures.sample()).root
    let pair = try #require(root.children(named: "cooccurrences").first?.children.first)
    let line = try #require(pair.children(named: "evidence").first)
    #expect(line.attribute("path") == "2020/visit.txt")
    #expect(line.attribute("date") == "2020-09-28")
    #expect(line.attribute("offset") == "412")
    #expect(
      line.children(named: "hit").map(\.textContent)
        == ["Information Policy Department", "Eurasian Economic Union"])
    #expect(
      line.textContent
        == "…reported the Information Policy Department. Both sides discussed the "
        + "Eurasian Economic Union agenda for the year…")
    let terms =
      root.children(named: "trends").first?.children.first?.children(named: "term") ?? []
    #expect(terms.map { $0.children(named: "evidence").count } == [2, 1])
  }

  @Test func theBoundOnPairsAndTheirTotalAreWrittenAndValid() throws {
    var report = ReportFixtures.sample()
    report.schemaVersion = "1.2"
    report.provenance.pairs = 1
    report.pairsCounted = 7
    report.cooccurrences = Array(report.cooccurrences.prefix(1))
    let document = try reparsed(report)
    try ReportSchema.validate(document, name: "bounded.xml")
    #expect(document.root.children(named: "provenance").first?.attribute("pairs") == "1")
    let pairs = try #require(document.root.children(named: "cooccurrences").first)
    #expect(pairs.attribute("total") == "7")
    #expect(pairs.children(named: "pair").count == 1)
  }

  /// Comparisons chosen with `--compare` follow the trends in an element of their own (its
  /// year may be compared with the year before as well), then those left out; a report
  /// without any has no such element, and a chosen comparison of a year without data is
  /// invalid.
  @Test func chosenComparisonsAreWrittenApartAndValid() throws {
    var report = ReportFixtures.sample()
    report.schemaVersion = "1.6"
    var chosen = report.trends[0]
    (chosen.year, chosen.reference) = (2019, 2020)
    (chosen.rising, chosen.falling) = (chosen.falling, chosen.rising)
    for index in chosen.rising.indices { chosen.rising[index].direction = .rising }
    for index in chosen.falling.indices { chosen.falling[index].direction = .falling }
    report.chosenComparisons = [chosen, report.trends[0]]
    report.leftOutComparisons = [
      ChosenComparison(year: 2020, reference: 1990),
      ChosenComparison(year: 2020, references: 1990...2000),
    ]
    let document = try reparsed(report)
    try ReportSchema.validate(document, name: "chosen.xml")
    let section = try #require(document.root.children(named: "chosenComparisons").first)
    let names = document.root.children.map(\.name)
    #expect(names.firstIndex(of: "chosenComparisons") == names.firstIndex(of: "trends")! + 1)
    func described(_ element: XMLElement) -> String {
      "\(element.name) \(element.attribute("year")!):\(element.attribute("reference")!)"
        + "-\(element.attribute("referenceThrough") ?? "none")"
    }
    #expect(
      section.children.map(described)
        == [
          "comparison 2019:2020-2020", "comparison 2020:2019-2019", "leftOut 2020:1990-1990",
          "leftOut 2020:1990-2000",
        ])
    // The comparisons of consecutive years say nothing of a span.
    let trends = try #require(document.root.children(named: "trends").first)
    #expect(trends.children.allSatisfy { $0.attribute("referenceThrough") == nil })
    let first = try #require(section.children.first)
    let firstTerms = first.children(named: "term")
    #expect(firstTerms.map { $0.attribute("direction") } == ["rising", "falling"])
    #expect(firstTerms.first?.attribute("text") == "official visit")
    #expect(firstTerms.first?.children(named: "evidence").count == 1)
    // Its organizations follow its terms, as the comparison gives them.
    #expect(
      first.children(named: "organization").map { $0.attribute("id") }
        == report.chosenComparisons[0].risingOrganizations.map(\.id)
        + report.chosenComparisons[0].fallingOrganizations.map(\.id))

    report.chosenComparisons = []
    report.leftOutComparisons = []
    #expect(try reparsed(report).root.children(named: "chosenComparisons").isEmpty)

    // A chosen comparison of a year without documents is refused by the schema.
    report.chosenComparisons = [chosen]
    report.chosenComparisons[0].reference = 1990
    #expect(throws: (any Error).self) {
      try ReportSchema.validate(try reparsed(report), name: "stray.xml")
    }
  }

  /// The sample report with a year 2021 (2020's figures again), and its comparison made one of
  /// 2021 with 2019 and 2020 pooled, not yet among the report's comparisons.
  static func withYear2021(schemaVersion: String) -> (Report, TrendComparison) {
    var report = ReportFixtures.sample()
    report.schemaVersion = schemaVersion
    var pooled = report.trends[0]
    (pooled.year, pooled.referenceYears) = (2021, [2019, 2020])
    report.years.append(report.years[1])
    report.years[2].year = 2021
    return (report, pooled)
  }

  /// A comparison with a span of years pooled gives its first and last years, and each term
  /// the span uses the year of it that used the term most; the schema holds those to corpus
  /// years.
  @Test func aPooledReferenceGivesItsSpanAndEachTermsPeak() throws {
    var (report, pooled) = Self.withYear2021(schemaVersion: "1.7")
    pooled.falling[0].referencePeak = 2019
    report.chosenComparisons = [pooled]
    let document = try reparsed(report)
    try ReportSchema.validate(document, name: "pooled.xml")
    let section = try #require(document.root.children(named: "chosenComparisons").first)
    let comparison = try #require(section.children.first)
    #expect(comparison.attribute("reference") == "2019")
    #expect(comparison.attribute("referenceThrough") == "2020")
    #expect(
      comparison.children(named: "term").map { $0.attribute("referencePeak") } == [nil, "2019"])

    // A peak or a last year outside the corpus is refused.
    for stray in [1990, 2030] {
      var wrong = report
      wrong.chosenComparisons[0].falling[0].referencePeak = stray
      #expect(throws: (any Error).self) {
        try ReportSchema.validate(try reparsed(wrong), name: "stray-peak.xml")
      }
      wrong = report
      wrong.chosenComparisons[0].referenceYears = [2019, stray]
      #expect(throws: (any Error).self) {
        try ReportSchema.validate(try reparsed(wrong), name: "stray-span.xml")
      }
    }
  }

  /// An organization that rose or fell carries its lines, and of a pooled reference its peak
  /// year, which the schema holds to corpus years.
  @Test func organizationsOfAComparisonCarryTheirLinesAndPeak() throws {
    var (report, pooled) = Self.withYear2021(schemaVersion: "1.9")
    pooled.fallingOrganizations = [
      OrganizationTrend(
        id: "sco", name: "Shanghai Cooperation Organisation", direction: .falling, count: 0,
        referenceCount: 4, logLikelihood: 5.5452, logRatio: -3.1699, referencePeak: 2019,
        evidence: [ReportFixtures.line("2019/a & b.txt", "2019-12-30", 7, "The ", "SCO", " <met>")]
      )
    ]
    report.chosenComparisons = [pooled]
    let document = try reparsed(report)
    try ReportSchema.validate(document, name: "organization-lines.xml")
    let comparison = try #require(
      document.root.children(named: "chosenComparisons").first?.children.first)
    let organizations = comparison.children(named: "organization")
    #expect(organizations.map { $0.attribute("referencePeak") } == [nil, nil, "2019"])
    let line = try #require(organizations.last?.children(named: "evidence").first)
    #expect(line.attribute("path") == "2019/a & b.txt")
    #expect(line.children(named: "hit").map(\.textContent) == ["SCO"])
    #expect(organizations.first?.children(named: "evidence").isEmpty == true)

    // A peak outside the corpus is refused.
    report.chosenComparisons[0].fallingOrganizations[0].referencePeak = 1990
    #expect(throws: (any Error).self) {
      try ReportSchema.validate(try reparsed(report), name: "stray-organization-peak.xml")
    }
  }

  /// A year of fewer than 10,000 tokens says it is a small base; one of 10,000 says nothing.
  @Test func aYearOfASmallBaseSaysSo() throws {
    var report = ReportFixtures.sample()
    report.schemaVersion = "1.7"
    report.years[1].tokens = 10_000
    let document = try reparsed(report)
    try ReportSchema.validate(document, name: "small.xml")
    let years = try #require(document.root.children(named: "years").first)
    #expect(years.children.map { $0.attribute("smallBase") } == ["true", nil])
  }

  /// Terms followed with `--term` follow the top terms in an element of their own, in the
  /// order asked, zeros included; a report following none has no such element.
  @Test func followedTermsAreWrittenAfterTheTopTermsAndValid() throws {
    var report = ReportFixtures.sample()
    report.schemaVersion = "1.6"
    var never = report.unigrams[0]
    never.text = "never"
    never.count = 0
    never.documents = 0
    never.perTenThousand = 0
    for index in never.years.indices {
      never.years[index].count = 0
      never.years[index].documents = 0
      never.years[index].perTenThousand = 0
    }
    report.followedTerms = [report.bigrams[0], never]
    let document = try reparsed(report)
    try ReportSchema.validate(document, name: "followed.xml")
    let names = document.root.children.map(\.name)
    #expect(names.firstIndex(of: "followedTerms") == names.firstIndex(of: "terms")! + 1)
    let followed = try #require(document.root.children(named: "followedTerms").first)
    #expect(
      followed.children.map { "\($0.attribute("n")!) \($0.attribute("text")!)" }
        == ["2 \(report.bigrams[0].text)", "1 never"])
    #expect(followed.children.last?.children.map { $0.attribute("count") } == ["0", "0"])
    #expect(followed.children.allSatisfy { $0.children(named: "evidence").isEmpty })

    // Since 1.9 a term followed carries its lines, after its years.
    report.schemaVersion = "1.9"
    report.followedTerms[0].evidence = [
      ReportFixtures.line("2020/a.txt", "2020-09-28", 3, "The ", "central bank", " & <more>")
    ]
    let withLines = try reparsed(report)
    try ReportSchema.validate(withLines, name: "followed-lines.xml")
    let term = try #require(withLines.root.children(named: "followedTerms").first?.children.first)
    #expect(term.children.map(\.name).suffix(2) == ["year", "evidence"])
    #expect(term.children(named: "evidence").first?.attribute("path") == "2020/a.txt")
    report.followedTerms = []
    #expect(try reparsed(report).root.children(named: "followedTerms").isEmpty)
  }

  @Test func theBoundOnOrganizationsAndTheirTotalAreWrittenAndValid() throws {
    var report = ReportFixtures.sample()
    report.schemaVersion = "1.3"
    report.provenance.topOrganizations = 1
    report.organizationsCounted = 9
    let document = try reparsed(report)
    try ReportSchema.validate(document, name: "bounded.xml")
    #expect(document.root.children(named: "provenance").first?.attribute("topOrganizations") == "1")
    let organizations = try #require(document.root.children(named: "organizations").first)
    #expect(organizations.attribute("total") == "9")
    #expect(organizations.children(named: "organization").count == report.organizations.count)
    // A report made before the bound has neither attribute, and a 1.2 report is still valid.
    report.schemaVersion = "1.2"
    report.provenance.topOrganizations = nil
    report.organizationsCounted = nil
    let older = try reparsed(report)
    try ReportSchema.validate(older, name: "older.xml")
    #expect(older.root.children(named: "provenance").first?.attribute("topOrganizations") == nil)
    #expect(older.root.children(named: "organizations").first?.attribute("total") == nil)
  }

  @Test func emptyCorpusOmitsDatesAndStillValidates() throws {
    let report = ReportFixtures.empty()
    let document = try reparsed(report)
    try ReportSchema.validate(document, name: "empty.xml")
    let corpus = try #require(document.root.children(named: "corpus").first)
    #expect(corpus.attribute("firstDate") == nil)
    #expect(corpus.attribute("lastDate") == nil)
    #expect(document.root.children(named: "terms").first?.children.isEmpty == true)
  }

  // MARK: - Hostile text

  /// What an XML 1.0 document can carry: characters it forbids come back as U+FFFD.
  static func expectedAfterRoundTrip(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let forbidden =
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D)
        || value == 0xFFFE || value == 0xFFFF
      result.append(forbidden ? "\u{FFFD}" : scalar)
    }
    return String(result)
  }

  @Test func hostileReportValidatesAndRoundTrips() throws {
    let bytes = XMLReportWriter.bytes(for: ReportFixtures.hostile())
    #expect(!String(decoding: bytes, as: UTF8.self).contains("<script"))
    try ReportSchema.validate(bytes: bytes, name: "hostile.xml")

    let root = try XMLDocument.parse(bytes, name: "hostile.xml").root
    let strings = ReportFixtures.hostileStrings
    let evil = Self.expectedAfterRoundTrip(strings.joined(separator: " "))
    #expect(
      Self.expectedAfterRoundTrip("bell\u{07}null\u{00}esc\u{1B}")
        == "bell\u{FFFD}null\u{FFFD}esc\u{FFFD}")
    #expect(evil.contains("bell\u{FFFD}null\u{FFFD}esc\u{FFFD}"))

    #expect(root.children(named: "corpus").first?.attribute("path") == evil)
    let terms = root.children(named: "terms").first?.children ?? []
    #expect(terms.map { $0.attribute("text") } == [evil, "россия", evil])
    let organization = try #require(root.children(named: "organizations").first?.children.last)
    #expect(organization.attribute("id") == "discovered:" + evil)
    #expect(organization.attribute("name") == evil)
    #expect(
      organization.children(named: "alias").map { $0.attribute("text") }
        == strings.map(Self.expectedAfterRoundTrip))
    let pair = try #require(root.children(named: "cooccurrences").first?.children.first)
    #expect(pair.attribute("a") == "discovered:" + evil)
    #expect(pair.attribute("aName") == evil)
    let rising = root.children(named: "trends").first?.children.first?.children.first
    #expect(rising?.attribute("text") == evil)
    let evidence = try #require(rising?.children(named: "evidence").first)
    #expect(evidence.attribute("path") == evil + ".txt")
    #expect(evidence.children(named: "hit").map(\.textContent) == [evil])
    #expect(evidence.textContent == evil + evil + evil)
    let rejected = root.children(named: "rejected").first?.children ?? []
    #expect(
      rejected.map { $0.attribute("path") }
        == strings.map { Self.expectedAfterRoundTrip($0) + ".txt" })
    #expect(
      rejected.map { $0.attribute("reason") }
        == strings.map { "no header: found '\(Self.expectedAfterRoundTrip($0))'" })
  }
}

/// Small file helpers for golden files, without Foundation.
enum TestFile {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The folder holding `filePath` (pass `#filePath`).
  static func directory(of filePath: String) -> String {
    String(filePath[..<(filePath.lastIndex(of: "/") ?? filePath.endIndex)])
  }

  /// The file's bytes, or nil when it cannot be opened.
  static func read(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      result += buffer[0..<count]
      if count < buffer.count { return result }
    }
  }

  /// Replaces the file's content with `bytes`.
  static func write(_ bytes: [UInt8], to path: String) throws {
    guard let file = fopen(path, "wb") else { throw Failure(description: "cannot write \(path)") }
    defer { fclose(file) }
    guard fwrite(bytes, 1, bytes.count, file) == bytes.count else {
      throw Failure(description: "short write to \(path)")
    }
  }

  /// An environment variable's value.
  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}
