import Foundation
import ReportModel
import TestSupport
import Testing

@testable import Rendering

/// The page as a reader sees it, in headless Chromium at 1280 px and at A4 print width, through
/// `scripts/browser-check`: nothing spills out of its box or off the page, every chart is drawn
/// and no script runs, with the widest figures a large corpus gives.
///
/// Needs `chromium` and `python3` (`scripts/setup-browser` installs them). Without Chromium the
/// suite is skipped by the `.enabled(if:)` trait, which Swift Testing prints as a skip with the
/// comment below as the reason, never as a silent pass.
@Suite(
  .serialized,
  .enabled(
    if: ChildProcess.chromium != nil,
    "chromium not found: run scripts/setup-browser to install it (Debian package chromium)"))
struct PageLayoutBrowserTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Runs `scripts/browser_check.py` on `report`'s page; its exit status and what it printed.
  static func check(_ report: Report) throws -> (status: Int32, output: String) {
    try check(page: String(decoding: HTMLReportWriter.bytes(for: report), as: UTF8.self))
  }

  /// Runs `scripts/browser_check.py` on the page `html`; its exit status and what it printed.
  static func check(page html: String) throws -> (status: Int32, output: String) {
    try runScript("browser_check.py", page: html) { folder in ["--out", folder.path] }
  }

  /// Runs the Python script `scripts/<script>` on the page `html`, written to a folder of its
  /// own and given first, then the `arguments` made for that folder; the script's exit status
  /// and what it printed.
  static func runScript(
    _ script: String, page html: String, arguments: (URL) -> [String] = { _ in [] }
  ) throws -> (status: Int32, output: String) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-page-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("almanac.html")
    try Data(html.utf8).write(to: page)
    let result = try ChildProcess.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["python3", repository.appendingPathComponent("scripts/" + script).path, page.path]
        + arguments(folder))
    return (result.status, result.stdout + result.stderr)
  }

  /// The figures of a corpus of ten gigabytes. The summary's ten-digit counts and full dates
  /// are each one line in their cards (a figure does not wrap), so the cards must make room;
  /// the documents per year (millions) need room for their tick labels beside the axis label;
  /// and the matrix's cells, of six-digit pair counts, hold five characters.
  @Test(arguments: [0, 1_234_567])
  func theWidestFiguresFitOnScreenAndOnPaper(duplicates: Int) throws {
    var report = ReportFixtures.sample()
    report.years[0].documents = 148_000
    report.years[1].documents = 2_331_000
    let organizations = (1...15).map { index in
      OrganizationEntry(
        id: "org\(index)", name: "Organization number \(index) of the matrix",
        registered: true, count: 1_000_000 - index, documents: 900_000 - index, aliases: [],
        years: [])
    }
    var pairs: [PairEntry] = []
    for a in 1...15 {
      for b in (a + 1)..<16 {
        pairs.append(
          PairEntry(
            a: "org\(a)", b: "org\(b)", aName: "Organization number \(a) of the matrix",
            bName: "Organization number \(b) of the matrix", documents: 888_888 - a * 1000 - b,
            npmi: 0.1, logLikelihood: 1, years: []))
      }
    }
    report.organizations = organizations
    report.cooccurrences = pairs
    report.corpus.documents = 2_480_910
    report.corpus.tokens = 1_701_638_010
    report.corpus.rejected = 1_234_567
    report.corpus.repairedDocuments = 1_234_567
    // Five cards, or six with the duplicate files.
    report.corpus.duplicates = duplicates
    report.corpus.firstDate = "1800-01-01"
    report.corpus.lastDate = "2100-12-31"
    let result = try Self.check(report)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("no overflow, no overlap, every svg drawn, no script ran"))
  }

  /// The rows `scripts/browser-check` found shown on screen (1280 px), on screen with every
  /// disclosure opened (at 1280 and 390 px) and on paper.
  static func shownRows(_ output: String) -> (
    screen: Int?, opened: Int?, phoneOpened: Int?, paper: Int?
  ) {
    // A line such as " 1280 (1280 px, screen): 4139 px tall, 4 svg, 12 tables, 19 rows; …".
    func rows(_ label: String) -> Int? {
      let line = output.split(separator: "\n").first {
        $0.drop { $0 == " " }.hasPrefix(label + " (")
      }
      guard let line, let end = line.range(of: " rows;") else { return nil }
      return Int(line[..<end.lowerBound].split(separator: " ").last ?? "")
    }
    return (rows("1280"), rows("1280 open"), rows("390 open"), rows("print"))
  }

  /// An evidence table shows the latest line of each term or pair, on paper and on screen,
  /// where the others are behind the group's "more lines": the sample's pair is given three
  /// lines and one of its rising terms has two, so opening every disclosure shows three rows
  /// more, at 1280 px and on a phone, and the page still passes every check.
  @Test func eachEvidenceGroupShowsItsLatestLineTheOthersBehindADisclosure() throws {
    var report = ReportFixtures.sample()
    let line = report.cooccurrences[0].evidence[0]
    report.cooccurrences[0].evidence = [line, line, line]
    let result = try Self.check(report)
    #expect(result.status == 0, "\(result.output)")
    let rows = Self.shownRows(result.output)
    let screen = try #require(rows.screen, "\(result.output)")
    let opened = try #require(rows.opened, "\(result.output)")
    let phoneOpened = try #require(rows.phoneOpened, "\(result.output)")
    let paper = try #require(rows.paper, "\(result.output)")
    #expect(screen == paper, "\(result.output)")
    #expect(opened - paper == 3, "\(result.output)")
    #expect(phoneOpened == opened, "\(result.output)")
  }

  /// On a phone an evidence line takes the page's width, its term above it and its source
  /// under it: between the term's and the source's columns a line of 200 characters was set
  /// in 89 px at 390 px, a few words to a line.
  @Test func onAPhoneAnEvidenceLineTakesThePagesWidth() throws {
    var report = ReportFixtures.sample()
    let context = String(repeating: "the ministers discussed grain, freight and trade ", count: 2)
    report.trends[0].rising[0].evidence = [
      ReportFixtures.line("2020/visit.txt", "2020-09-28", 97, "…" + context, "EAEU", " " + context)
    ]
    let result = try Self.check(report)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("  390 (390 px, screen)"), "\(result.output)")
  }

  /// The check itself finds a figure too wide for its card: a page whose cards are given a
  /// fixed width fails it, naming the figure.
  @Test func aFigureTooWideForItsCardIsFound() throws {
    var report = ReportFixtures.sample()
    report.corpus.tokens = 1_701_638_010
    let page = String(decoding: HTMLReportWriter.bytes(for: report), as: UTF8.self)
    let narrow = page.replacingOccurrences(
      of: "</style>", with: ".figure { flex: 0 0 6rem !important; min-width: 0; }</style>")
    #expect(narrow != page)
    let result = try Self.check(page: narrow)
    #expect(result.status == 1, "\(result.output)")
    #expect(result.output.contains("spills out of its box"), "\(result.output)")
    #expect(result.output.contains("1 701 638 010"), "\(result.output)")
  }
}
