import Foundation
import Pipeline
import ReportModel
import Store
import Testing

/// The "since the last run" section lists the documents changed since the last published
/// report, even when a run in between stored its figures and then failed to publish.
@Suite(.serialized) struct SinceLastRunTests {
  let articles = ArticleCorpus("since")

  @Test func aRunThatFailsAfterStoringLeavesItsChangesToTheNextReport() throws {
    defer { articles.remove() }
    try articles.write("2019/a.txt", date: "2019-03-01", "Grain prices held at the market.")
    try articles.write("2019/b.txt", date: "2019-04-01", "Farmers sold barley in the spring.")
    try articles.write("2020/c.txt", date: "2020-05-01", "Wheat exports grew in the spring.")
    _ = try ReportJob.run(articles.options(out: "out"))

    // Two articles added, one edited, one removed.
    try articles.write("2020/d.txt", date: "2020-06-01", "Wheat prices rose again in June.")
    try articles.write("2021/e.txt", date: "2021-01-10", "A new year of wheat and barley.")
    try articles.write("2020/c.txt", date: "2020-05-01", "Wheat exports fell in the spring.")
    try FileManager.default.removeItem(at: articles.folder.appendingPathComponent("2019/a.txt"))
    // What a report right after these changes lists: from a copy of the state.
    try FileManager.default.copyItem(
      at: articles.root.appendingPathComponent("out"),
      to: articles.root.appendingPathComponent("direct"))
    let direct = try #require(
      try ReportJob.run(articles.options(out: "direct")).report.sinceLastRun)
    #expect(
      direct.newDocuments.map { [$0.year, $0.count] } == [[2020, 2], [2021, 1]] as [[Int]])
    #expect(direct.removedDocuments == 1)

    // The run that stores the changes fails to publish: its output folder lies below a file.
    let failing = try articles.failingToPublish(stateOf: "out")
    #expect(throws: RunError.self) { try ReportJob.run(failing) }
    // The failed run is in the history, ended, with what it found and exit status 1.
    let store = try StateStore.open(path: failing.resolvedStatePath)
    let failed = try #require(try store.runs(limit: 1).first)
    try store.close()
    #expect(failed.endedAt != nil)
    #expect(failed.exitStatus == 1)
    #expect([failed.added, failed.changed, failed.removed] == [2, 1, 1] as [Int?])

    let next = try ReportJob.run(articles.options(out: "out"))
    #expect(
      [next.changes.added, next.changes.changed, next.changes.removed] == [0, 0, 0] as [Int])
    #expect(next.report.sinceLastRun == direct)

    // Once a report has listed them, they are not listed again.
    let after = try #require(try ReportJob.run(articles.options(out: "out")).report.sinceLastRun)
    #expect(after.newDocuments.isEmpty)
    #expect(after.removedDocuments == 0)
  }

  /// What a report right after the changes made since `out`'s last run would say of them,
  /// brought up to date (from a copy of the state) and rebuilt in full (from another), which
  /// must agree.
  func sinceLastRun(of out: String, step: Int) throws -> SinceLastRun {
    var sections: [SinceLastRun] = []
    for full in [false, true] {
      let copy = "\(out)-\(step)-\(full ? "full" : "incremental")"
      try FileManager.default.copyItem(
        at: articles.root.appendingPathComponent(out),
        to: articles.root.appendingPathComponent(copy))
      let outcome = try ReportJob.run(articles.options(out: copy, full: full))
      #expect(outcome.fullRebuild == full)
      sections.append(try #require(outcome.report.sinceLastRun))
    }
    #expect(sections[0] == sections[1], "step \(step): incremental and full disagree")
    return sections[0]
  }

  /// A copy changes no figure (it is counted once): the section lists it apart from the
  /// documents added and removed, however it came (added after or before its original in the
  /// order of paths, added beside another new file with its bytes, or a file changed into
  /// one), and however it goes (alone, with its original, or as the original).
  @Test func copiesAreListedApartFromDocumentsAddedAndRemoved() throws {
    defer { articles.remove() }
    let grain = "Grain prices held at the market."
    let barley = "Farmers sold barley in the spring."
    let rye = "Rye was sown late this year."
    try articles.write("2019/a.txt", date: "2019-03-01", grain)
    try articles.write("2019/b.txt", date: "2019-04-01", barley)
    try articles.write("2020/c.txt", date: "2020-05-01", "Wheat exports grew in the spring.")
    try articles.write("2020/d.txt", date: "2020-06-01", "Wheat prices rose again in June.")
    _ = try ReportJob.run(articles.options(out: "out"))

    // Four copies and one new document: a copy of a.txt after it in path order, one of b.txt
    // before it (counted in its place from now on), two new files with the same bytes, and
    // c.txt rewritten as a copy of a.txt.
    try articles.write("2019/a-copy.txt", date: "2019-03-01", grain)
    try articles.write("2019/0-barley.txt", date: "2019-04-01", barley)
    try articles.write("2021/x.txt", date: "2021-02-01", rye)
    try articles.write("2021/y.txt", date: "2021-02-01", rye)
    try articles.write("2020/c.txt", date: "2019-03-01", grain)
    let added = try sinceLastRun(of: "out", step: 1)
    #expect(added.newDocuments.map { [$0.year, $0.count] } == [[2021, 1]] as [[Int]])
    #expect(
      [added.addedCopies, added.removedDocuments, added.removedCopies] == [4, 0, 0] as [Int])
    let run = try ReportJob.run(articles.options(out: "out"))
    #expect([run.changes.added, run.changes.changed, run.changes.removed] == [4, 1, 0] as [Int])
    // Documents: grain, barley, rye and d.txt's wheat; c.txt's wheat went with its edit.
    #expect(run.report.corpus.documents == 4)

    // Gone: a copy alone (a-copy.txt), a document with its copy (x.txt, y.txt), and an original
    // whose copy stays (b.txt, whose bytes 0-barley.txt holds).
    for name in ["2019/a-copy.txt", "2021/x.txt", "2021/y.txt", "2019/b.txt"] {
      try FileManager.default.removeItem(at: articles.folder.appendingPathComponent(name))
    }
    let removed = try sinceLastRun(of: "out", step: 2)
    #expect(removed.newDocuments.isEmpty)
    #expect(
      [removed.addedCopies, removed.removedDocuments, removed.removedCopies] == [0, 1, 3] as [Int])
    let after = try ReportJob.run(articles.options(out: "out"))
    #expect(after.changes.removed == 4)
    #expect(after.report.corpus.documents == 3)
  }
}
