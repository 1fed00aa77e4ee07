import Foundation
import LibXML
import ReportModel
import Testing

@testable import Rendering

/// The CSV exports: RFC 4180 quoting, formula neutralisation, one row per model entry, and the
/// `exports` list in the XML.
@Suite struct CSVWriterTests {
  static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  static func file(_ section: String, of report: Report) throws -> CSVWriter.File {
    try #require(CSVWriter.files(for: report).first { $0.section == section })
  }

  // MARK: Fields

  @Test func fieldsWithCommasQuotesAndLineBreaksAreQuotedAndQuotesDoubled() {
    #expect(CSVWriter.field(.text("plain")) == "plain")
    #expect(CSVWriter.field(.text(#"a,"b""#)) == #""a,""b""""#)
    #expect(CSVWriter.field(.text("two\nlines")) == "\"two\nlines\"")
    #expect(CSVWriter.field(.text("crlf\r\nhere")) == "\"crlf\r\nhere\"")
    #expect(CSVWriter.field(.text(#"say "hi""#)) == #""say ""hi""""#)
    #expect(CSVWriter.field(.text("")) == "")
    #expect(CSVWriter.field(.text("россия ЕАЭС")) == "россия ЕАЭС")
  }

  @Test func cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() {
    #expect(CSVWriter.field(.text("=1+1")) == "'=1+1")
    #expect(CSVWriter.field(.text("+7 495")) == "'+7 495")
    #expect(CSVWriter.field(.text("-minus")) == "'-minus")
    #expect(CSVWriter.field(.text("@SUM(A1)")) == "'@SUM(A1)")
    #expect(CSVWriter.field(.text("\tTAB")) == "'\tTAB")
    // A CR start is neutralised and, holding a CR, quoted as well.
    #expect(CSVWriter.field(.text("\r=x")) == "\"'\r=x\"")
    #expect(
      CSVWriter.field(.text(#"=HYPERLINK("http://x","y")"#))
        == #""'=HYPERLINK(""http://x"",""y"")""#)
    // Only the first character matters, and numbers Almanac formats are left alone.
    #expect(CSVWriter.field(.text("a=b")) == "a=b")
    #expect(CSVWriter.field(.number("-2.3219")) == "-2.3219")
  }

  // MARK: Files

  /// The terms followed, in the order asked, with their counts per year; a header alone when
  /// none is followed, so that an earlier run's file is replaced.
  @Test func followedTermsHaveAFileEvenWhenNoneIsFollowed() throws {
    var report = ReportFixtures.sample()
    let years = report.years.map { String($0.year) }.joined(separator: ",")
    #expect(
      Self.text(try Self.file("followed", of: report).bytes)
        == "n,term,count,documents,per10k," + years + "\r\n")
    report.followedTerms = [report.bigrams[0], report.unigrams[0]]
    let text = Self.text(try Self.file("followed", of: report).bytes)
    let rows = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
    #expect(
      rows.map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        == [
          "2,\(report.bigrams[0].text),\(report.bigrams[0].count)",
          "1,\(report.unigrams[0].text),\(report.unigrams[0].count)",
        ])
    #expect(
      rows.first?.split(separator: ",").suffix(report.years.count).map(String.init)
        == report.bigrams[0].years.map { String($0.count) })
  }

  @Test func oneFilePerSectionNamedAfterIt() {
    let files = CSVWriter.files(for: ReportFixtures.sample())
    #expect(
      files.map(\.name) == [
        "almanac-years.csv", "almanac-terms.csv", "almanac-followed.csv",
        "almanac-organizations.csv", "almanac-cooccurrences.csv", "almanac-trends.csv",
        "almanac-organization-trends.csv", "almanac-rejected.csv", "almanac-duplicates.csv",
      ])
    #expect(
      files.map(\.section) == [
        "years", "terms", "followed", "organizations", "cooccurrences", "trends",
        "organizationTrends", "rejected", "duplicates",
      ])
    for file in files {
      #expect(!file.bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(file.name) has no BOM")
      #expect(file.bytes.suffix(2) == [0x0D, 0x0A], "\(file.name) ends with CRLF")
      // Every LF is preceded by CR (the sample holds no line breaks inside fields).
      for index in file.bytes.indices where file.bytes[index] == 0x0A {
        #expect(index > 0 && file.bytes[index - 1] == 0x0D)
      }
    }
  }

  @Test func rowCountsEqualTheModelSizes() {
    let report = ReportFixtures.sample()
    let rows = Dictionary(
      uniqueKeysWithValues: CSVWriter.files(for: report).map { ($0.section, $0.rows) })
    #expect(rows["years"] == report.years.count)
    #expect(rows["terms"] == report.unigrams.count + report.bigrams.count)
    #expect(rows["organizations"] == report.organizations.count)
    #expect(rows["cooccurrences"] == report.cooccurrences.count)
    #expect(rows["trends"] == report.trends.map { $0.rising.count + $0.falling.count }.reduce(0, +))
    #expect(rows["rejected"] == report.rejected.count)
    for file in CSVWriter.files(for: report) {
      // Header plus one line per row.
      #expect(Self.text(file.bytes).components(separatedBy: "\r\n").count - 1 == file.rows + 1)
    }
  }

  @Test func sampleFilesHoldTheModelsFigures() throws {
    var report = ReportFixtures.sample()
    // A year of 10,000 tokens or more is no small base.
    report.years[1].tokens = 10_000
    #expect(
      Self.text(try Self.file("years", of: report).bytes)
        == "year,documents,tokens,types,organizationMentions,smallBase\r\n"
        + "2019,1,300,150,2,true\r\n2020,2,10000,280,5,false\r\n")
    report = ReportFixtures.sample()
    #expect(
      Self.text(try Self.file("terms", of: report).bytes)
        == "rank,n,term,count,documents,per10k,2019,2020\r\n"
        + "1,1,kyrgyzstan,12,3,133.3333,4,8\r\n"
        + "2,1,россия,3,1,33.3333,0,3\r\n"
        + "1,2,vladimir putin,6,3,66.6667,2,4\r\n")
    #expect(
      Self.text(try Self.file("organizations", of: report).bytes)
        == "id,name,registered,count,documents,aliases,2019,2020\r\n"
        + "eaeu,Eurasian Economic Union,true,4,2,EAEU | ЕАЭС,1,3\r\n"
        + "discovered:information policy department,Information Policy Department,false,1,1,"
        + "Information Policy Department,0,1\r\n")
    #expect(
      Self.text(try Self.file("cooccurrences", of: report).bytes)
        == "a,b,aName,bName,documents,npmi,logLikelihood,2019,2020\r\n"
        + "discovered:information policy department,eaeu,Information Policy Department,"
        + "Eurasian Economic Union,1,0.6309,1.9095,0,1\r\n")
    #expect(
      Self.text(try Self.file("trends", of: report).bytes)
        == "year,reference,direction,term,n,count,referenceCount,logLikelihood,logRatio,chosen,"
        + "referenceThrough,referencePeak\r\n"
        + "2020,2019,rising,eaeu,1,3,0,4.1589,1.8074,false,2019,\r\n"
        + "2020,2019,falling,official visit,2,0,2,4.3944,-2.3219,false,2019,\r\n")
    // A comparison chosen with --compare follows the consecutive ones, flagged.
    var chosen = report
    chosen.chosenComparisons = [
      TrendComparison(
        year: 2019, reference: 2020, tokens: 30, referenceTokens: 40,
        rising: [report.trends[0].falling[0]], falling: [])
    ]
    chosen.chosenComparisons[0].rising[0].direction = .rising
    // One against a span of years pooled runs from its first year to its last, and a term
    // the span uses says which year of it used the term most.
    var pooled = report.trends[0]
    (pooled.year, pooled.reference, pooled.referenceYears) = (2021, 2017, [2017, 2019, 2020])
    pooled.rising = []
    pooled.falling[0].referencePeak = 2019
    chosen.chosenComparisons.append(pooled)
    #expect(
      Self.text(try Self.file("trends", of: chosen).bytes).hasSuffix(
        "2020,2019,falling,official visit,2,0,2,4.3944,-2.3219,false,2019,\r\n"
          + "2019,2020,rising,official visit,2,0,2,4.3944,-2.3219,true,2020,\r\n"
          + "2021,2017,falling,official visit,2,0,2,4.3944,-2.3219,true,2020,2019\r\n"))
    // The organizations of each comparison, rising then falling, the chosen ones flagged (the
    // pooled one, of the 2020 comparison's organizations, runs to 2020).
    pooled.fallingOrganizations = [report.trends[0].risingOrganizations[1]]
    pooled.fallingOrganizations[0].direction = .falling
    chosen.chosenComparisons[1] = pooled
    #expect(
      Self.text(try Self.file("organizationTrends", of: chosen).bytes)
        == "year,reference,direction,id,name,count,referenceCount,logLikelihood,logRatio,chosen,"
        + "referenceThrough\r\n"
        + "2020,2019,rising,discovered:information policy department,"
        + "Information Policy Department,1,0,0.8109,0.0000,false,2019\r\n"
        + "2020,2019,rising,eaeu,Eurasian Economic Union,3,1,0.1313,0.5850,false,2019\r\n"
        + "2021,2017,rising,discovered:information policy department,"
        + "Information Policy Department,1,0,0.8109,0.0000,true,2020\r\n"
        + "2021,2017,rising,eaeu,Eurasian Economic Union,3,1,0.1313,0.5850,true,2020\r\n"
        + "2021,2017,falling,eaeu,Eurasian Economic Union,3,1,0.1313,0.5850,true,2020\r\n")
    #expect(
      Self.text(try Self.file("rejected", of: report).bytes)
        == "path,reason\r\nbroken/no-header.txt,no header: the first line must begin with 'date YYYY-MM-DD'\r\n"
    )
  }

  @Test func anEmptyReportStillHasHeaders() throws {
    let report = ReportFixtures.empty()
    for file in CSVWriter.files(for: report) {
      #expect(file.rows == 0)
      #expect(Self.text(file.bytes).components(separatedBy: "\r\n").count == 2, "\(file.name)")
    }
    #expect(
      Self.text(try Self.file("terms", of: report).bytes)
        == "rank,n,term,count,documents,per10k\r\n")
  }

  // MARK: Hostile text, read back by another CSV reader

  /// Text that attacks spreadsheets and CSV parsers, besides the HTML attacks.
  static let csvHostile = [
    "=HYPERLINK(\"http://evil\",\"click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)",
    "\tTAB", "\rCR", "a,b", "line\r\nbreak", "lone\nLF", "\"quoted\"",
  ]

  /// What a cell should read as in a spreadsheet-safe CSV: the text, with a `'` in front when
  /// it begins with a formula character. Written here from the rule, not from the writer.
  static func safe(_ text: String) -> String {
    guard let first = text.unicodeScalars.first else { return text }
    return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
  }

  @Test func aHostileReportParsesBackWithPythonsCSVModuleToTheSameCells() throws {
    var report = ReportFixtures.hostile()
    let strings = ReportFixtures.hostileStrings + Self.csvHostile
    report.rejected = strings.enumerated().map {
      RejectedFile(path: $0.element, reason: "reason " + String($0.offset) + ": " + $0.element)
    }
    report.organizations[1].aliases = strings.map { AliasCount(text: $0, count: 1) }
    report.organizations[1].name = Self.csvHostile[0]

    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-csv-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for file in CSVWriter.files(for: report) {
      try Data(file.bytes).write(to: folder.appendingPathComponent(file.name))
    }

    let parsed = try Self.pythonParse(
      ["almanac-rejected.csv", "almanac-organizations.csv"], in: folder)
    let rejected = try #require(parsed["almanac-rejected.csv"])
    #expect(rejected.first == ["path", "reason"])
    #expect(rejected.count == strings.count + 1)
    for (index, text) in strings.enumerated() where index + 1 < rejected.count {
      #expect(
        rejected[index + 1] == [Self.safe(text), "reason " + String(index) + ": " + text],
        "row \(index + 1)")
    }
    let organizations = try #require(parsed["almanac-organizations.csv"])
    #expect(organizations.count == report.organizations.count + 1)
    if organizations.count == 3 {
      #expect(organizations[2][1] == Self.safe(Self.csvHostile[0]))
      #expect(organizations[2][5] == strings.joined(separator: " | "))
      #expect(organizations[2].count == organizations[0].count)
    }
  }

  /// Reads CSV files with Python's `csv` module and returns their rows as JSON-decoded cells.
  static func pythonParse(_ names: [String], in folder: URL) throws -> [String: [[String]]] {
    let script = """
      import csv, json, sys
      out = {}
      for name in sys.argv[2:]:
          with open(sys.argv[1] + "/" + name, newline="", encoding="utf-8") as f:
              out[name] = list(csv.reader(f, strict=True))
      sys.stdout.write(json.dumps(out))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, folder.path] + names
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "python3 could not parse the CSV files")
    return try JSONDecoder().decode([String: [[String]]].self, from: data)
  }

  // MARK: The list in the XML

  @Test func theXMLListsTheExportsAndStaysValid() throws {
    var report = ReportFixtures.sample()
    report.exports = CSVWriter.exports(for: CSVWriter.files(for: report))
    let document = XMLReportWriter.document(for: report)
    try ReportSchema.validate(document, name: "exports.xml")
    let xml = Self.text(document.serialized())
    #expect(xml.contains(#"<file name="almanac-terms.csv" section="terms" rows="3"/>"#))
    #expect(xml.contains(#"<file name="almanac-rejected.csv" section="rejected" rows="1"/>"#))
    // Last, after the rejected files.
    let rejected = try #require(xml.range(of: "</rejected>"))
    let exports = try #require(xml.range(of: "<exports>"))
    #expect(rejected.upperBound <= exports.lowerBound)
    // Without exports the element is left out, so older reports read the same.
    #expect(!Self.text(XMLReportWriter.bytes(for: ReportFixtures.sample())).contains("<exports"))
  }

  @Test func theSchemaRejectsAnUnknownSection() throws {
    var report = ReportFixtures.sample()
    report.exports = [ExportFile(name: "almanac-x.csv", section: "nonsense", rows: 1)]
    #expect(throws: (any Error).self) {
      try ReportSchema.validate(XMLReportWriter.document(for: report), name: "bad.xml")
    }
  }

  /// The sample report with `count` more discovered organizations, `Org 0`, `Org 1`, …
  static func sample(moreOrganizations count: Int) -> Report {
    var report = ReportFixtures.sample()
    let template = report.organizations[1]
    report.organizations += (0..<count).map { index in
      var entry = template
      entry.id = "discovered:org \(index)"
      entry.name = "Org \(index)"
      return entry
    }
    return report
  }

  @Test func thePageLinksTheFilesAndPointsToThemWhenItSummarises() {
    var report = Self.sample(moreOrganizations: 45)
    report.exports = CSVWriter.exports(for: CSVWriter.files(for: report))
    let html = Self.text(HTMLReportWriter.bytes(for: report))
    #expect(html.contains(#"<a href="almanac-organizations.csv">almanac-organizations.csv</a>"#))
    #expect(
      html.contains(
        "Showing the 40 organizations mentioned most; all 47 are in almanac-organizations.csv and almanac.xml."
      ))
    #expect(!html.contains(">Org 44<"), "the 41st organization on is left to the files")
    #expect(html.contains(">Org 37<"))
  }

  @Test func theNotesOnOrganizationsSayHowManyTheFilesListOfHowManyFound() {
    var report = Self.sample(moreOrganizations: 58)
    report.organizationsCounted = 900
    report.exports = CSVWriter.exports(for: CSVWriter.files(for: report))
    let html = Self.text(HTMLReportWriter.bytes(for: report))
    // One of the 60 listed is registered; the other 899 of the 900 found were discovered.
    #expect(html.contains("1 organization comes from the registry; 899 were discovered"))
    #expect(html.contains(", 900 organizations."))
    #expect(
      html.contains(
        "Showing the 40 organizations mentioned most; the 60 listed (mentioned most, registered or in a listed pair) of all 900 are in almanac-organizations.csv and almanac.xml."
      ))
    // The CSV lists what the XML lists.
    let csv = CSVWriter.files(for: report).first { $0.section == "organizations" }
    #expect(csv?.rows == 60)
    // With fewer listed by mentions than are shown, the rest shown are not the most mentioned.
    report.provenance.topOrganizations = 10
    #expect(
      Self.text(HTMLReportWriter.bytes(for: report)).contains(
        "Showing the 40 organizations listed first; the 60 listed"))
  }

  @Test func theNoteOnPairsSaysHowManyTheFilesListOfHowManyCounted() {
    var report = ReportFixtures.sample()
    let template = report.cooccurrences[0]
    report.cooccurrences = (0..<60).map { index in
      var entry = template
      entry.b = "discovered:org \(index)"
      return entry
    }
    report.pairsCounted = 900
    report.exports = CSVWriter.exports(for: CSVWriter.files(for: report))
    let html = Self.text(HTMLReportWriter.bytes(for: report))
    #expect(
      html.contains(
        "Showing the 40 pairs named together in the most documents; the 60 strongest of all 900 are in almanac-cooccurrences.csv and almanac.xml."
      ))
    report.pairsCounted = nil
    #expect(
      Self.text(HTMLReportWriter.bytes(for: report)).contains(
        "the most documents; all 60 are in almanac-cooccurrences.csv and almanac.xml."))
  }
}
