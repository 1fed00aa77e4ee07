import Foundation
import LibXML
import ReportModel
import Testing

@testable import Rendering

/// Copies of other files, accepted but not counted, and rejected files: each writer lists them,
/// with the file each copies and why each was rejected; the page lists the first of them.
@Suite struct FileListsWriterTests {
  static let copies = [
    DuplicateFile(path: "2020/a copy.txt", original: "2020/a.txt"),
    DuplicateFile(path: "=b.txt", original: "2019/b & c.txt"),
  ]

  static func report() -> Report { ReportFixtures.sample().listing(duplicates: copies) }

  @Test func xmlListsEachCopyWithItsOriginalAndValidates() throws {
    let bytes = XMLReportWriter.bytes(for: Self.report())
    try ReportSchema.validate(bytes: bytes, name: "copies.xml")
    let root = try XMLDocument.parse(bytes, name: "copies.xml").root
    #expect(root.children(named: "corpus").first?.attribute("duplicates") == "2")
    let listed = try #require(root.children(named: "duplicates").first).children(named: "document")
    #expect(listed.map { $0.attribute("path") } == ["2020/a copy.txt", "=b.txt"])
    #expect(listed.map { $0.attribute("original") } == ["2020/a.txt", "2019/b & c.txt"])
  }

  @Test func pageListsTheCopiesAndCountsThemInTheSummary() {
    let html = HTMLReportWriterTests.page(Self.report())
    let section = HTMLReportWriterTests.section("duplicates", in: html).replacing("\n", with: "")
    #expect(section.contains("2 files are copies of another file of the corpus"))
    #expect(section.contains("<caption>Files not counted, as copies of others</caption>"))
    #expect(
      section.contains(
        "<td><code>2020/<wbr>a copy.txt</code></td><td><code>2020/<wbr>a.txt</code></td>"))
    #expect(section.contains("<td><code>2019/<wbr>b &amp; c.txt</code></td>"))
    let summary = HTMLReportWriterTests.section("summary", in: html).replacing("\n", with: "")
    #expect(
      summary.contains(
        "<dt>Duplicate files</dt><dd>2</dd><dd class=\"detail\">not counted again</dd>"))
  }

  /// Thousands of copies make a page of a bounded size: the first of them, and where the rest
  /// are.
  @Test func aPageListsTheFirstCopiesAndSaysWhereTheRestAre() throws {
    let many = (0..<(HTMLReportWriter.filesShown + 5)).map {
      DuplicateFile(path: String(format: "c/%04d.txt", $0), original: "a.txt")
    }
    let html = HTMLReportWriterTests.page(ReportFixtures.sample().listing(duplicates: many))
    let section = HTMLReportWriterTests.section("duplicates", in: html)
    #expect(section.contains("105 files are copies"))
    #expect(section.contains("The first 100, in the order of their paths, are listed here"))
    #expect(section.contains("almanac-duplicates.csv and the XML list all of them"))
    #expect(
      HTMLReportWriterTests.count("<tr>", in: section) == HTMLReportWriter.filesShown + 1)
    #expect(section.contains("<code>c/<wbr>0099.txt</code>"))
    #expect(!section.contains("0100.txt"))
    let file = try CSVWriterTests.file(
      "duplicates", of: ReportFixtures.sample().listing(duplicates: many))
    #expect(file.rows == many.count)
  }

  /// The same bound for rejected files, which stderr, the CSV file and the XML each list whole.
  @Test func aPageListsTheFirstRejectedFilesAndSaysWhereTheRestAre() {
    var report = ReportFixtures.sample()
    report.rejected = (0..<(HTMLReportWriter.filesShown + 1)).map {
      RejectedFile(path: String(format: "r/%04d.txt", $0), reason: "no header")
    }
    let section = HTMLReportWriterTests.section("rejected", in: HTMLReportWriterTests.page(report))
    #expect(section.contains("101 files were not analysed"))
    #expect(section.contains("almanac-rejected.csv and the XML list all of them"))
    #expect(HTMLReportWriterTests.count("<tr>", in: section) == HTMLReportWriter.filesShown + 1)
    #expect(section.contains("<code>r/<wbr>0099.txt</code>"))
    #expect(!section.contains("0100.txt"))
    report.rejected.removeLast()
    let all = HTMLReportWriterTests.section("rejected", in: HTMLReportWriterTests.page(report))
    #expect(all.contains("<code>r/<wbr>0099.txt</code>"))
    #expect(!all.contains("list all of them"))
  }

  @Test func aPageWithoutCopiesSaysSoAndLeavesThemOutOfTheSummary() {
    let html = HTMLReportWriterTests.page(ReportFixtures.sample())
    let section = HTMLReportWriterTests.section("duplicates", in: html)
    #expect(section.contains("No file holds the same text as another"))
    #expect(!section.contains("<table"))
    #expect(!HTMLReportWriterTests.section("summary", in: html).contains("Duplicate files"))
  }

  @Test func csvHasARowPerCopyWithFormulasNeutralised() throws {
    let file = try CSVWriterTests.file("duplicates", of: Self.report())
    #expect(file.name == "almanac-duplicates.csv")
    #expect(file.rows == 2)
    #expect(
      CSVWriterTests.text(file.bytes)
        == "path,original\r\n2020/a copy.txt,2020/a.txt\r\n'=b.txt,2019/b & c.txt\r\n")
  }
}
