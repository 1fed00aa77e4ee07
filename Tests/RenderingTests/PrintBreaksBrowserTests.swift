import Foundation
import ReportModel
import TestSupport
import Testing

@testable import Rendering

/// The page printed, as `almanac run --pdf` prints it, through `scripts/print-check`: no page
/// ends with a section heading, no caption is cut across two pages, and no table that goes on
/// to the next page leaves only its header and a row at the foot of one (the print style's
/// `break-after` and `break-inside` rules).
///
/// Needs `chromium`, `pdftotext` and `python3` (`scripts/setup-browser` installs them). Without
/// them the suite is skipped by the `.enabled(if:)` trait, which Swift Testing prints as a skip
/// with the comment below as the reason, never as a silent pass.
@Suite(
  .serialized,
  .enabled(
    if: ChildProcess.chromium != nil
      && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
    "chromium or pdftotext not found: run scripts/setup-browser to install them"))
struct PrintBreaksBrowserTests {
  /// A report of long tables: fifty unigrams, and ten years each compared with the one before,
  /// twenty rising and twenty falling terms each, so that many pages break inside a table.
  static func longReport() -> Report {
    var report = ReportFixtures.sample()
    let template = report.trends[0]
    report.trends = (2011...2020).map { year in
      var comparison = template
      comparison.year = year
      comparison.reference = year - 1
      comparison.rising = (0..<20).map { index in
        var term = template.rising[0]
        term.text = "rising term \(index) of \(year)"
        return term
      }
      comparison.falling = (0..<20).map { index in
        var term = template.falling[0]
        term.text = "falling term \(index) of \(year)"
        return term
      }
      return comparison
    }
    report.unigrams = (0..<50).map { index in
      var term = report.unigrams[0]
      term.text = "word\(index)"
      return term
    }
    return report
  }

  /// Runs `scripts/print_check.py` on the page `html`; its exit status and what it printed.
  static func check(page html: String) throws -> (status: Int32, output: String) {
    try PageLayoutBrowserTests.runScript("print_check.py", page: html)
  }

  /// The page moved down by `lines` empty lines at its top, so that its pages break elsewhere.
  static func shifted(_ html: String, by lines: Int) throws -> String {
    let body = try #require(html.range(of: "<body>"))
    return html.replacingCharacters(
      in: body, with: "<body><div>" + String(repeating: "<br>", count: lines) + "</div>")
  }

  /// Wherever the pages happen to break (the page moved down by 0 to 36 lines), every break
  /// is a good one. Without the rules of 647558b (a table's caption kept whole, its first rows
  /// with its header), the page breaks after a header and one row at some of these shifts.
  @Test func everyPageBreaksWellWhereverTheBreaksFall() throws {
    let html = String(decoding: HTMLReportWriter.bytes(for: Self.longReport()), as: UTF8.self)
    for lines in stride(from: 0, through: 36, by: 12) {
      let result = try Self.check(page: Self.shifted(html, by: lines))
      #expect(result.status == 0, "moved down by \(lines) lines: \(result.output)")
      #expect(result.output.contains("every break is good"), "\(result.output)")
    }
  }

  /// The check finds a bad break: with the print style's rule keeping a heading with what
  /// follows taken out, some page of the long report ends with its heading.
  @Test func theCheckFindsAHeadingLeftAtTheFootOfAPage() throws {
    let html = String(decoding: HTMLReportWriter.bytes(for: Self.longReport()), as: UTF8.self)
    let rule = "h2, h3, caption { break-after: avoid; }"
    #expect(html.contains(rule))
    var found = false
    for lines in stride(from: 0, through: 36, by: 12) where !found {
      let result = try Self.check(
        page: Self.shifted(html.replacingOccurrences(of: rule, with: ""), by: lines))
      found = result.status == 1 && result.output.contains("ends with the heading")
    }
    #expect(found)
  }

  /// Two tables with the same header on either side of a break are two tables, not one that
  /// goes on: the second starts its page with its caption, where a table that goes on starts it
  /// with its repeated header. A short table of one row at the foot of a page is whole.
  @Test func aTableWithTheSameHeaderOnTheNextPageIsAnotherTable() throws {
    func table(_ caption: String, _ rows: [String], breakBefore: Bool = false) -> String {
      "<table" + (breakBefore ? " style=\"break-before: page\"" : "") + "><caption>" + caption
        + "</caption><thead><tr><th>Term</th><th>Count</th></tr></thead><tbody>"
        + rows.map { "<tr><td>\($0)</td><td>1</td></tr>" }.joined() + "</tbody></table>"
    }
    let html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title>"
      + "<style>@page { size: A4; margin: 15mm; }</style></head><body>"
      + table("Rising in 2019", ["alpha"])
      + table("Rising in 2020", ["beta", "gamma", "delta"], breakBefore: true) + "</body></html>"
    let result = try Self.check(page: html)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("2 pages"), "\(result.output)")
  }
}
