import Foundation
import LibXML
import TestSupport
import Testing

/// What a briefing needs from the built binary: CSV files beside the reports, listed in the
/// XML, and a printed PDF with `--pdf`.
@Suite(.serialized) struct BriefingOutputTests {
  static let csvNames = [
    "almanac-cooccurrences.csv", "almanac-duplicates.csv", "almanac-followed.csv",
    "almanac-organization-trends.csv", "almanac-organizations.csv",
    "almanac-rejected.csv", "almanac-terms.csv", "almanac-trends.csv", "almanac-years.csv",
  ]

  /// The first of `names` that is an executable on `PATH`.
  static func onPath(_ names: [String]) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for name in names {
      for folder in path.split(separator: ":") {
        let candidate = String(folder) + "/" + name
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }

  static let chromium = onPath(["chromium", "chromium-browser"])

  /// Runs the binary with `PATH` replaced, to see how it behaves without a browser.
  static func run(_ arguments: [String], path: String) throws -> BinaryRunner.Result {
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = path
    return try ChildProcess.run(
      BinaryRunner.executable, arguments, in: BinaryRunner.repositoryRoot,
      environment: environment)
  }

  @Test func csvFilesArePublishedBesideTheReportsAndListedInTheXML() throws {
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    let result = try BinaryRunner.run(["run", "--corpus", "seeds", "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")

    let left = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(left == [".almanac"] + Self.csvNames + ["almanac.html", "almanac.xml", "archive"])

    let xml = try Data(contentsOf: out.appendingPathComponent("almanac.xml"))
    let document = try XMLDocument.parse([UInt8](xml), name: "almanac.xml")
    let files = try #require(document.root.children(named: "exports").first).children(named: "file")
    #expect(files.map { $0.attribute("name") ?? "" }.sorted() == Self.csvNames)
    for file in files {
      let name = try #require(file.attribute("name"))
      let bytes = [UInt8](try Data(contentsOf: out.appendingPathComponent(name)))
      let text = String(decoding: bytes, as: UTF8.self)
      let rows = try #require(file.attribute("rows").flatMap { Int($0) })
      // The seeds hold no line breaks inside fields: one CRLF line per row plus the header,
      // and no bare LF.
      #expect(text.components(separatedBy: "\r\n").count - 1 == rows + 1, "\(name)")
      #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(name)")
    }
    // Row counts agree with the XML's own sections.
    let terms = document.root.children(named: "terms")[0].children(named: "term").count
    #expect(files.first { $0.attribute("section") == "terms" }?.attribute("rows") == String(terms))
    let organizations = document.root.children(named: "organizations")[0]
      .children(named: "organization").count
    #expect(
      files.first { $0.attribute("section") == "organizations" }?.attribute("rows")
        == String(organizations))
    #expect(
      try BinaryRunner.run(["validate", out.appendingPathComponent("almanac.xml").path]).status == 0
    )
  }

  @Test func pdfIsPrintedOnA4WithAllPages() throws {
    guard Self.chromium != nil else {
      print(
        "BriefingOutputTests: skipped the PDF check: chromium is not installed (apt-get install chromium)"
      )
      return
    }
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    let result = try BinaryRunner.run(["run", "--corpus", "seeds", "--out", out.path, "--pdf"])
    #expect(result.status == 0, "\(result.stderr)")
    let pdf = try Data(contentsOf: out.appendingPathComponent("almanac.pdf"))
    #expect(pdf.starts(with: Array("%PDF-".utf8)))
    #expect(pdf.count > 10_000)
    // The day's archive keeps the PDF with the other reports.
    let archive = out.appendingPathComponent("archive")
    let day = try #require(try FileManager.default.contentsOfDirectory(atPath: archive.path).first)
    #expect(
      FileManager.default.contents(
        atPath: archive.appendingPathComponent(day).appendingPathComponent("almanac.pdf").path)
        == pdf)
    let hidden = try FileManager.default.contentsOfDirectory(atPath: out.path)
      .filter { $0.contains(".tmp-") }
    #expect(hidden.isEmpty, "temporary files left: \(hidden)")

    guard let pdfinfo = Self.onPath(["pdfinfo"]) else {
      print("BriefingOutputTests: pdfinfo (poppler-utils) is missing; page count not checked")
      return
    }
    let info = try ChildProcess.run(
      URL(fileURLWithPath: pdfinfo), [out.appendingPathComponent("almanac.pdf").path]
    ).stdout
    #expect(info.contains("(A4)"), "\(info)")
    let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
      .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
    #expect((pages ?? 0) >= 2, "the seeds report fills more than one page: \(info)")
  }

  /// A browser that stops reading commands (it crashed, was killed, ran out of descriptors)
  /// leaves the run writing into a pipe nobody reads: the run says so and goes on as without a
  /// browser, rather than being killed by SIGPIPE. The fake browser closes its end of the
  /// command pipe, answers the first command and exits: the run's next command meets the
  /// closed pipe, whichever of the two goes first.
  @Test func aBrowserThatDiesFailsThePDFClearly() throws {
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    let bin = out.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let fake = bin.appendingPathComponent("chromium")
    let script = #"""
      #!/bin/sh
      exec 3<&-
      printf '{"id":1,"result":{"targetId":"T"}}\000' >&4
      exit 0

      """#
    try Data(script.utf8).write(to: fake)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
    for _ in 0..<3 {
      let result = try Self.run(
        ["run", "--corpus", "seeds", "--out", out.path, "--pdf"], path: bin.path + ":/usr/bin:/bin")
      #expect(result.status == 1, "\(result.stderr)")
      #expect(result.stderr.contains("Chromium could not print the page"), "\(result.stderr)")
      #expect(result.stderr.contains("almanac.pdf was not published"), "\(result.stderr)")
      let left = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
      #expect(left.isSuperset(of: ["almanac.xml", "almanac.html"] + Self.csvNames))
      #expect(!left.contains("almanac.pdf"))
    }
  }

  @Test func withoutChromiumThePDFFailsClearlyAndTheOtherReportsArePublished() throws {
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    let result = try Self.run(
      ["run", "--corpus", "seeds", "--out", out.path, "--pdf"], path: "/nonexistent-almanac-path")
    #expect(result.status == 1)
    #expect(result.stderr.contains("'chromium'"), "\(result.stderr)")
    #expect(result.stderr.contains("almanac.pdf was not published"))
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
    #expect(left.isSuperset(of: ["almanac.xml", "almanac.html"] + Self.csvNames))
    #expect(!left.contains("almanac.pdf"))

    // A rejected file is still named when the PDF fails, though the status is the PDF's 1.
    let corpus = out.appendingPathComponent("corpus")
    try FileManager.default.copyItem(
      at: BinaryRunner.repositoryRoot.appendingPathComponent("seeds"), to: corpus)
    try Data("no header here\n".utf8).write(to: corpus.appendingPathComponent("junk.txt"))
    let rejecting = try Self.run(
      ["run", "--corpus", corpus.path, "--out", out.path, "--pdf"],
      path: "/nonexistent-almanac-path")
    #expect(rejecting.status == 1)
    #expect(rejecting.stderr.contains("rejected junk.txt: "), "\(rejecting.stderr)")
    #expect(rejecting.stderr.contains("almanac.pdf was not published"), "\(rejecting.stderr)")

    // `almanac report --pdf` behaves the same.
    let report = try Self.run(
      ["report", "--out", out.path, "--pdf"], path: "/nonexistent-almanac-path")
    #expect(report.status == 1)
    #expect(report.stderr.contains("apt-get install chromium"))
  }
}
