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
}
