import Analysis
import Corpus
import Foundation
import Logging
import Store
import TestSupport
import Testing

@testable import Pipeline

/// A file that changes between the scan and its recount, to a date in a year the run had no
/// other reason to recount: that year is recounted in full, as a full rebuild counts it (the
/// commit was refused: a year's figures without its other documents).
@Suite(.serialized) struct ChangedDuringRunTests {
  let articles = ArticleCorpus("changed-during-run")

  @Test func aFileMovedToAnotherYearSinceTheScanHasThatYearRecounted() throws {
    defer { articles.remove() }
    try articles.write("u.txt", date: "2019-03-01", "Grain prices held at the market.")
    try articles.write("v.txt", date: "2020-05-01", "Wheat exports grew in the spring.")
    try articles.write("w.txt", date: "2021-02-01", "Barley harvests failed in the north.")
    try articles.write("x.txt", date: "2021-06-01", "Barley prices rose in the summer.")
    let options = articles.options(out: "out")
    _ = try ReportJob.run(options)

    // 2019 gains an article; the scan sees u.txt as stored, and it is then rewritten as an
    // article of 2021, before the run reads it.
    try articles.write("n.txt", date: "2019-09-01", "Grain prices fell in the autumn.")
    let scan = try CorpusScanner.scan(root: articles.folder.path)
    try articles.write("u.txt", date: "2021-11-01", "Oats were sold at the market.")

    let stopwords = StopwordList.builtin()
    let registry = OrganizationRegistry.builtin()
    let store = try StateStore.open(path: options.resolvedStatePath)
    let update = try Incremental.update(
      store: store, scan: scan,
      analyzer: CorpusAnalyzer(
        stopwords: stopwords, matcher: OrganizationMatcher(registry: registry), workers: 2),
      settings: ["fingerprint": ReportJob.fingerprint(stopwords: stopwords, registry: registry)],
      full: false, seedLimit: options.top, log: Logger(label: "test"))
    _ = try update.storing?.commit.wait()
    try store.close()
    #expect(update.changes.affectedYears == [2019, 2021])

    // The state now holds what a full rebuild counts: the next run finds nothing to change,
    // and reports what a full rebuild reports.
    let next = try ReportJob.run(options)
    #expect(
      [next.changes.added, next.changes.changed, next.changes.removed] == [0, 0, 0] as [Int])
    _ = try ReportJob.run(articles.options(out: "full", full: true))
    let expected = try PublishedXML.read(in: articles.root.appendingPathComponent("full"))
    #expect(try PublishedXML.read(in: articles.root.appendingPathComponent("out")) == expected)
    #expect(expected.contains("oats"))
  }
}
