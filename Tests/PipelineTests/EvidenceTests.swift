import Analysis
import Corpus
import Foundation
import Pipeline
import ReportModel
import Store
import Testing

/// Evidence lines end to end: chosen from the most recent articles, kept by `almanac report`,
/// brought up to date by an incremental run exactly as a full rebuild would choose them.
@Suite(.serialized) struct EvidenceTests {
  let articles = ArticleCorpus("evidence")

  /// A corpus where "wheat" rises in 2020 and "barley" falls, and the CSTO and the EAEU are
  /// named together in some articles.
  func writeCorpus() throws {
    for (index, date) in ["2019-02-01", "2019-05-01", "2019-09-01"].enumerated() {
      try articles.write(
        "old/\(index).txt", date: date,
        "Farmers sold barley at the market. Barley prices held. The CSTO and the EAEU met.")
    }
    // Two articles on the latest date: the path decides their order.
    try articles.write(
      "b.txt", date: "2020-03-01", "Exports of wheat grew. Wheat prices rose sharply.")
    try articles.write("a.txt", date: "2020-03-01", "In March the wheat harvest was sold abroad.")
    try articles.write(
      "c.txt", date: "2020-02-01", "Wheat was the main story, with the CSTO and the EAEU.")
    try articles.write("d.txt", date: "2020-01-15", "wheat wheat wheat")
  }

  func term(_ text: String, _ report: Report) -> TrendTerm? {
    report.trends.last.flatMap { comparison in
      (comparison.rising + comparison.falling).first { $0.text == text }
    }
  }

  /// The character offset of `needle` in the text of `name` after its header, found with
  /// String search.
  func offset(of needle: String, in name: String) throws -> Int {
    let text = try String(contentsOf: articles.folder.appendingPathComponent(name), encoding: .utf8)
    let body = text.dropFirst(" date 2020-01-01 ".count)
    let range = try #require(body.range(of: needle))
    return body.unicodeScalars.distance(
      from: body.unicodeScalars.startIndex, to: range.lowerBound)
  }

  @Test func linesComeFromTheLatestArticlesAndSurviveAReportFromTheState() throws {
    defer { articles.remove() }
    try writeCorpus()
    let report = try ReportJob.run(articles.options(out: "out")).report

    let wheat = try #require(term("wheat", report))
    #expect(wheat.direction == .rising)
    #expect(wheat.evidence.map(\.path) == ["a.txt", "b.txt", "c.txt"])
    #expect(wheat.evidence.map(\.date) == ["2020-03-01", "2020-03-01", "2020-02-01"])
    #expect(wheat.evidence[0].offset == (try offset(of: "wheat", in: "a.txt")))
    #expect(wheat.evidence[1].offset == (try offset(of: "wheat", in: "b.txt")))
    #expect(wheat.evidence[1].segments.filter(\.isHit).map(\.text) == ["wheat"])

    let barley = try #require(term("barley", report))
    #expect(barley.direction == .falling)
    #expect(barley.evidence.map(\.path) == ["old/2.txt", "old/1.txt", "old/0.txt"])

    let pair = try #require(report.cooccurrences.first { $0.a == "csto" && $0.b == "eaeu" })
    #expect(pair.evidence.map(\.path) == ["c.txt", "old/2.txt", "old/1.txt"])
    #expect(pair.evidence[0].segments.filter(\.isHit).map(\.text) == ["CSTO", "EAEU"])

    let xml = try String(
      contentsOf: articles.root.appendingPathComponent("out/almanac.xml"), encoding: .utf8)
    #expect(xml.contains(#"<evidence path="a.txt" date="2020-03-01" offset=""#))
    #expect(xml.contains("<hit>wheat</hit>"))

    // Re-rendered from the state, without reading the corpus: the same lines.
    try FileManager.default.removeItem(at: articles.folder)
    let again = try ReportJob.report(articles.options(out: "out"))
    #expect(again.trends == report.trends)
    #expect(again.cooccurrences == report.cooccurrences)
  }

  @Test func aNewerArticleChangesTheLinesAsAFullRebuildWould() throws {
    defer { articles.remove() }
    try writeCorpus()
    _ = try ReportJob.run(articles.options(out: "incremental"))
    try articles.write("z.txt", date: "2020-04-01", "Wheat and the EAEU, with the CSTO, again.")
    let incremental = try ReportJob.run(articles.options(out: "incremental")).report
    let full = try ReportJob.run(articles.options(out: "full", full: true)).report

    let wheat = try #require(term("wheat", incremental))
    #expect(wheat.evidence.map(\.path) == ["z.txt", "a.txt", "b.txt"])
    let pair = try #require(incremental.cooccurrences.first { $0.a == "csto" })
    #expect(pair.evidence.map(\.path) == ["z.txt", "c.txt", "old/2.txt"])
    #expect(incremental.trends == full.trends)
    #expect(incremental.cooccurrences == full.cooccurrences)
  }

  /// Lines stored by a build that cut them another way (an older ``KeywordInContext/version``)
  /// are cut again by the next run, though nothing changed; lines of this version are kept.
  @Test func linesCutByAnotherVersionAreCutAgain() throws {
    defer { articles.remove() }
    try writeCorpus()
    let options = articles.options(out: "out")
    let first = try ReportJob.run(options).report
    func lines(_ report: Report) -> [Evidence] {
      report.trends.flatMap { $0.rising + $0.falling }.flatMap(\.evidence)
        + report.cooccurrences.flatMap(\.evidence)
    }
    #expect(!lines(first).isEmpty)

    // What another cut would have stored: every line's last stretch of context changed.
    func storeOtherLines(version: String) throws {
      let store = try StateStore.open(path: options.resolvedStatePath)
      defer { try? store.close() }
      let other = try store.evidence().mapValues { lines in
        lines.map { line in
          var line = line
          line.segments[line.segments.count - 1].text += " (cut otherwise)"
          return line
        }
      }
      try store.replaceEvidence(other, version: version)
    }
    func isCutOtherwise(_ line: Evidence) -> Bool {
      line.segments.last?.text.hasSuffix("(cut otherwise)") == true
    }

    try storeOtherLines(version: KeywordInContext.version)
    let kept = try ReportJob.run(options)
    #expect(kept.changes.added + kept.changes.changed + kept.changes.removed == 0)
    #expect(lines(kept.report).allSatisfy(isCutOtherwise), "lines of this version are kept")

    try storeOtherLines(version: "1")
    let again = try ReportJob.run(options).report
    #expect(lines(again) == lines(first))
  }

  /// The terms of a chosen comparison get lines, each from the year it is more frequent in,
  /// even when the two years' own comparison is too old to be shown: seven years make six
  /// comparisons, of which the page shows (and gives lines to) the latest five, and 2010 is
  /// in the oldest alone.
  @Test func aChosenComparisonsTermsGetLinesFromTheirYears() throws {
    defer { articles.remove() }
    for year in 2010...2016 {
      let crop = year == 2010 ? "barley" : year == 2011 ? "wheat" : "oats"
      try articles.write(
        "\(year).txt", date: "\(year)-06-01", "The \(crop) harvest of \(year) was sold.")
    }
    let plain = try ReportJob.run(articles.options(out: "plain")).report
    #expect(plain.trends.count == 6)
    #expect(plain.trends.first.map { [$0.year, $0.reference] } == [2011, 2010])
    // Not shown, the oldest comparison's terms have no lines: neither those of 2010 nor those
    // of 2011, though the next comparison, shown, gives its terms of 2011 lines ("wheat" fell
    // in 2012 from 2011 as it rose in 2011).
    let old = try #require(plain.trends.first)
    #expect(old.falling.map(\.text).contains("barley"))
    #expect(old.rising.map(\.text).contains("wheat"))
    #expect((old.rising + old.falling).allSatisfy { $0.evidence.isEmpty })
    let next = try #require(plain.trends.dropFirst().first)
    #expect(
      next.falling.first { $0.text == "wheat" }?.evidence.map(\.path) == ["2011.txt"])
    var options = articles.options(out: "out")
    options.comparisons = [ChosenComparison(year: 2011, reference: 2010)]
    let report = try ReportJob.run(options).report
    let chosen = try #require(report.chosenComparisons.first)
    #expect(chosen.rising.map(\.text).contains("wheat"))
    #expect(chosen.falling.map(\.text).contains("barley"))
    for term in chosen.rising { #expect(term.evidence.map(\.path) == ["2011.txt"], "\(term.text)") }
    for term in chosen.falling {
      #expect(term.evidence.map(\.path) == ["2010.txt"], "\(term.text)")
    }
  }

  /// Against a span of years pooled, a falling term's lines come from the year of the span that
  /// used it most (the later of two that used it as much), a rising term's from its year.
  @Test func aPooledReferencesFallingTermsGetLinesFromTheirPeakYear() throws {
    defer { articles.remove() }
    let crops = [
      2010: "barley, barley", 2011: "wheat", 2012: "barley", 2013: "wheat", 2014: "oats",
      2015: "oats", 2016: "rye",
    ]
    for (year, crop) in crops {
      try articles.write("\(year).txt", date: "\(year)-06-01", "The \(crop) harvest was sold.")
    }
    var options = articles.options(out: "out")
    options.comparisons = [ChosenComparison(parsing: "2016:2010-2015")!]
    let report = try ReportJob.run(options).report
    let chosen = try #require(report.chosenComparisons.first)
    #expect(chosen.referenceYears == Array(2010...2015))
    func term(_ text: String) -> TrendTerm? {
      (chosen.rising + chosen.falling).first { $0.text == text }
    }
    #expect(term("rye")?.direction == .rising)
    #expect(term("rye")?.evidence.map(\.path) == ["2016.txt"])
    #expect(term("barley")?.referencePeak == 2010)
    #expect(term("barley")?.evidence.map(\.path) == ["2010.txt"])
    #expect(term("wheat")?.referencePeak == 2013)
    #expect(term("wheat")?.evidence.map(\.path) == ["2013.txt"])
    #expect(term("oats")?.evidence.map(\.path) == ["2015.txt"])
  }

  /// A term followed is quoted from the latest articles of the latest year that uses it,
  /// whether or not it rose or fell; one found nowhere has no lines. `almanac report` keeps them.
  @Test func followedTermsAreQuotedFromTheLatestYearUsingThem() throws {
    defer { articles.remove() }
    try writeCorpus()
    var options = articles.options(out: "out")
    options.followedTerms = ["barley", "prices", "rye", "wheat"].map {
      FollowedTerm(n: 1, text: $0)
    }
    let report = try ReportJob.run(options).report
    let lines = Dictionary(
      uniqueKeysWithValues: report.followedTerms.map { ($0.text, $0.evidence.map(\.path)) })
    #expect(lines["barley"] == ["old/2.txt", "old/1.txt", "old/0.txt"])
    #expect(lines["prices"] == ["b.txt"])
    #expect(lines["rye"] == [])
    #expect(lines["wheat"] == ["a.txt", "b.txt", "c.txt"])
    let prices = try #require(report.followedTerms.first { $0.text == "prices" })
    #expect(prices.evidence.first?.offset == (try offset(of: "prices", in: "b.txt")))
    #expect(prices.evidence.first?.segments.filter(\.isHit).map(\.text) == ["prices"])

    try FileManager.default.removeItem(at: articles.folder)
    #expect(try ReportJob.report(options).followedTerms == report.followedTerms)
  }

  func organization(_ id: String, _ comparison: TrendComparison?) -> OrganizationTrend? {
    comparison.flatMap { comparison in
      (comparison.risingOrganizations + comparison.fallingOrganizations).first { $0.id == id }
    }
  }

  /// The text digest of the article `name`, as counting takes it, to order articles of one date.
  func digest(_ name: String) throws -> UInt64 {
    ContentHash.textHash(Array(try Data(contentsOf: articles.folder.appendingPathComponent(name))))
  }

  /// An organization that rose is quoted from the latest articles of its year naming it (of one
  /// date, in the order of their texts' digests), at its first mention; one that fell, from the
  /// reference year. A copy counted in place of its original is quoted by the original's path.
  /// The lines survive a report from the state, and a nightly run gives the lines a full
  /// rebuild gives.
  @Test func organizationsThatRoseOrFellAreQuotedFromTheirLatestArticles() throws {
    defer { articles.remove() }
    try writeCorpus()
    // NATO only in 2020: three articles of one date, a fourth later, a fifth earlier.
    let sameDay = ["n1.txt", "n2.txt", "n3.txt"]
    for (index, name) in sameDay.enumerated() {
      try articles.write(name, date: "2020-02-20", "Item \(index): NATO met. Later NATO spoke.")
    }
    try articles.write(
      "late.txt", date: "2020-02-25", "Grain, then the North Atlantic Treaty Organization.")
    try articles.write("early.txt", date: "2020-01-02", "NATO in January.")
    // A copy of late.txt that sorts first: the report names it the original.
    try FileManager.default.copyItem(
      at: articles.folder.appendingPathComponent("late.txt"),
      to: articles.folder.appendingPathComponent("0-late.txt"))
    let report = try ReportJob.run(articles.options(out: "out")).report
    let comparison = report.trends.last
    #expect(comparison.map { [$0.year, $0.reference] } == [2020, 2019])

    let nato = try #require(organization("nato", comparison))
    #expect(nato.direction == .rising)
    let sameDayOrder = try sameDay.sorted { try digest($0) < digest($1) }
    #expect(nato.evidence.map(\.path) == ["0-late.txt"] + sameDayOrder.prefix(2))
    #expect(nato.evidence.map(\.date) == ["2020-02-25", "2020-02-20", "2020-02-20"])
    #expect(
      nato.evidence.map { $0.segments.filter(\.isHit).map(\.text) }
        == [["North Atlantic Treaty Organization"], ["NATO"], ["NATO"]])
    #expect(nato.evidence[1].offset == "Item 0: ".count)

    let csto = try #require(organization("csto", comparison))
    #expect(csto.direction == .falling)
    #expect(csto.evidence.map(\.path) == ["old/2.txt", "old/1.txt", "old/0.txt"])
    #expect(csto.evidence[0].offset == (try offset(of: "CSTO", in: "old/2.txt")))

    let xml = try String(
      contentsOf: articles.root.appendingPathComponent("out/almanac.xml"), encoding: .utf8)
    #expect(xml.contains(#"<evidence path="0-late.txt" date="2020-02-25" offset=""#))
    #expect(
      try String(
        contentsOf: articles.root.appendingPathComponent("out/almanac.html"), encoding: .utf8
      ).contains("Where these organizations were named"))

    // A nightly run after a newer article gives what a full rebuild gives.
    try articles.write("newest.txt", date: "2020-03-05", "The NATO summit.")
    let nightly = try ReportJob.run(articles.options(out: "out")).report
    #expect(organization("nato", nightly.trends.last)?.evidence.first?.path == "newest.txt")
    let full = try ReportJob.run(articles.options(out: "full", full: true)).report
    #expect(nightly.trends == full.trends)

    // From the state, without the corpus: the same lines.
    try FileManager.default.removeItem(at: articles.folder)
    #expect(try ReportJob.report(articles.options(out: "out")).trends == nightly.trends)
  }

  /// A run that stores its counts and then fails to publish (here its output folder lies below
  /// a plain file) has changed the state's years without storing new lines: the next run finds
  /// nothing new to read, and must still not quote the text the files held before.
  @Test func aRunThatFailsAfterStoringLeavesNoLineOfTheOldText() throws {
    defer { articles.remove() }
    try writeCorpus()
    let first = try ReportJob.run(articles.options(out: "incremental")).report
    func text(_ line: Evidence) -> String { line.segments.map(\.text).joined() }
    #expect(term("wheat", first)?.evidence.contains { text($0).contains("harvest") } == true)
    try articles.write("a.txt", date: "2020-03-01", "In March the wheat crop was sold abroad.")
    try articles.write(
      "c.txt", date: "2020-02-01", "Wheat led the news, with the EAEU and the CSTO.")
    let failing = try articles.failingToPublish(stateOf: "incremental")
    #expect(throws: RunError.self) { try ReportJob.run(failing) }

    let next = try ReportJob.run(articles.options(out: "incremental"))
    #expect(next.changes.added + next.changes.changed == 0, "the failed run stored the edits")
    let full = try ReportJob.run(articles.options(out: "full", full: true)).report
    let lines =
      next.report.trends.flatMap { $0.rising + $0.falling }.flatMap(\.evidence)
      + next.report.cooccurrences.flatMap(\.evidence)
    #expect(!lines.isEmpty)
    #expect(!lines.contains { text($0).contains("harvest") || text($0).contains("main story") })
    #expect(next.report.trends == full.trends)
    #expect(next.report.cooccurrences == full.cooccurrences)
  }
}
