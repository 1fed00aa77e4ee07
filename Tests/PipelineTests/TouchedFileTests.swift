import Foundation
import Pipeline
import Store
import TestSupport
import Testing

/// A file whose modification time changed but not its bytes (touched, or copied without its
/// times) is read and hashed, found as stored, and not counted: its year is recounted only when
/// something else changed in it, and then with it.
@Suite(.serialized) struct TouchedFileTests {
  /// A corpus of three articles in two years, run once, in a folder of its own.
  struct Fixture {
    let root: URL
    var dated: DatedCorpus
    var corpus: URL { root.appendingPathComponent("corpus") }

    init() throws {
      root = FileManager.default.temporaryDirectory
        .appendingPathComponent("almanac-touched-\(UUID().uuidString)")
      dated = DatedCorpus(root: root.appendingPathComponent("corpus"))
      try dated.write(
        "2020/a.txt", " date 2020-01-01 The zeppelin summit on trade. Zeppelin talks.")
      try dated.write("2020/b.txt", " date 2020-02-01 The grain treaty was signed.")
      try dated.write("2021/c.txt", " date 2021-03-01 Another border summit.")
      _ = try run("incremental")
    }

    func options(_ folder: String, full: Bool = false) -> RunOptions {
      .test(corpus: corpus, output: root.appendingPathComponent(folder), full: full)
    }

    func run(_ folder: String, full: Bool = false) throws -> ReportJob.Outcome {
      try ReportJob.run(options(folder, full: full))
    }

    /// The incremental state copied, and rebuilt in full from the corpus as it is now.
    func rebuilt() throws -> ReportJob.Outcome {
      try FileManager.default.copyItem(
        at: root.appendingPathComponent("incremental"), to: root.appendingPathComponent("full"))
      return try run("full", full: true)
    }

    func records(_ folder: String) throws -> [StoredDocument] {
      let store = try StateStore.open(path: options(folder).resolvedStatePath)
      defer { try? store.close() }
      return try store.documents().sorted { $0.path < $1.path }
    }

    func xml(_ folder: String) throws -> String {
      try PublishedXML.read(in: root.appendingPathComponent(folder))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
  }

  @Test func aTouchedFileIsReadOnceAndItsYearIsNotRecounted() throws {
    var fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.dated.touch("2020/a.txt")

    let touched = try fixture.run("incremental")
    #expect(touched.changes.touched == 1)
    #expect(touched.changes.affectedYears.isEmpty)
    #expect(touched.changes.changedYears.isEmpty)
    let counts = [
      touched.changes.added, touched.changes.changed, touched.changes.moved,
      touched.changes.removed,
    ]
    #expect(counts == [0, 0, 0, 0])
    // The figures are those of a full rebuild, and the record has the file's new time ...
    let rebuilt = try fixture.rebuilt()
    #expect(try fixture.xml("incremental") == fixture.xml("full"))
    #expect(try fixture.records("incremental") == fixture.records("full"))
    #expect(rebuilt.report.corpus.documents == 3)
    // ... so that the next run does not read it again.
    let next = try fixture.run("incremental")
    #expect(next.changes.touched == 0 && next.changes.affectedYears.isEmpty)
  }

  @Test func aTouchedFileIsCountedWhenItsYearIsRecounted() throws {
    var fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.dated.touch("2020/a.txt")
    try fixture.dated.write("2020/b.txt", " date 2020-02-01 The grain treaty was broken.")

    let updated = try fixture.run("incremental")
    #expect(updated.changes.touched == 1 && updated.changes.changed == 1)
    #expect(updated.changes.affectedYears == [2020])
    _ = try fixture.rebuilt()
    // The touched article's words are in 2020's figures as a full rebuild counts them.
    let xml = try fixture.xml("incremental")
    #expect(xml.contains("zeppelin"))
    #expect(xml == (try fixture.xml("full")))
    #expect(try fixture.records("incremental") == fixture.records("full"))
  }

  /// A touched file that a run found rejected stays rejected, with its reason, without being
  /// parsed again.
  @Test func aTouchedRejectedFileKeepsItsReason() throws {
    var fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.dated.write("2020/bad.txt", "no header here")
    let first = try fixture.run("incremental")
    #expect(first.changes.added == 1)
    try fixture.dated.touch("2020/bad.txt")

    let touched = try fixture.run("incremental")
    #expect(touched.changes.touched == 1 && touched.changes.affectedYears.isEmpty)
    let record = try #require(
      try fixture.records("incremental").first { $0.path == "2020/bad.txt" })
    #expect(!record.accepted && record.reason != nil)
    _ = try fixture.rebuilt()
    #expect(try fixture.records("incremental") == fixture.records("full"))
    #expect(try fixture.xml("incremental") == fixture.xml("full"))
  }
}
