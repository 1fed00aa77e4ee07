import Foundation
import Pipeline
import ReportModel
import Testing

/// The "since the last run" section lists the documents changed since the last published
/// report, even when a run in between stored its figures and then failed to publish.
@Suite(.serialized) struct SinceLastRunTests {
  let root = FileManager.default.temporaryDirectory
    .appendingPathComponent("almanac-since-\(UUID().uuidString)")
  var corpus: URL { root.appendingPathComponent("corpus") }

  func write(_ name: String, date: String, _ text: String) throws {
    let url = corpus.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data((" date \(date) " + text).utf8).write(to: url)
  }

  func options(out: String) -> RunOptions {
    .test(corpus: corpus, output: root.appendingPathComponent(out))
  }

  @Test func aRunThatFailsAfterStoringLeavesItsChangesToTheNextReport() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write("2019/a.txt", date: "2019-03-01", "Grain prices held at the market.")
    try write("2019/b.txt", date: "2019-04-01", "Farmers sold barley in the spring.")
    try write("2020/c.txt", date: "2020-05-01", "Wheat exports grew in the spring.")
    _ = try ReportJob.run(options(out: "out"))

    // Two articles added, one edited, one removed.
    try write("2020/d.txt", date: "2020-06-01", "Wheat prices rose again in June.")
    try write("2021/e.txt", date: "2021-01-10", "A new year of wheat and barley.")
    try write("2020/c.txt", date: "2020-05-01", "Wheat exports fell in the spring.")
    try FileManager.default.removeItem(at: corpus.appendingPathComponent("2019/a.txt"))
    // What a report right after these changes lists: from a copy of the state.
    try FileManager.default.copyItem(
      at: root.appendingPathComponent("out"), to: root.appendingPathComponent("direct"))
    let direct = try #require(try ReportJob.run(options(out: "direct")).report.sinceLastRun)
    #expect(
      direct.newDocuments.map { [$0.year, $0.count] } == [[2020, 2], [2021, 1]] as [[Int]])
    #expect(direct.removedDocuments == 1)

    // The run that stores the changes fails to publish: its output folder lies below a file.
    try Data("a file, not a folder".utf8).write(to: root.appendingPathComponent("blocked"))
    var failing = options(out: "blocked/out")
    failing.statePath = options(out: "out").resolvedStatePath
    #expect(throws: RunError.self) { try ReportJob.run(failing) }

    let next = try ReportJob.run(options(out: "out"))
    #expect(
      [next.changes.added, next.changes.changed, next.changes.removed] == [0, 0, 0] as [Int])
    #expect(next.report.sinceLastRun == direct)

    // Once a report has listed them, they are not listed again.
    let after = try #require(try ReportJob.run(options(out: "out")).report.sinceLastRun)
    #expect(after.newDocuments.isEmpty)
    #expect(after.removedDocuments == 0)
  }
}
