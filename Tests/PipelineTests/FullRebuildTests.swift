import Foundation
import Pipeline
import ReportModel
import Store
import TestSupport
import Testing

/// A full rebuild (`--full`) over an existing state recounts everything, yet still tells what
/// changed since the last run: its "since the last run" section and its counts of added,
/// changed, moved and removed files are those the incremental run on the same state gives.
@Suite(.serialized) struct FullRebuildTests {
  func run(corpus: URL, out: URL, full: Bool) throws -> ReportJob.Outcome {
    try ReportJob.run(.test(corpus: corpus, output: out, full: full))
  }

  func xml(_ folder: URL) throws -> String {
    try PublishedXML.read(in: folder, keepingSinceLastRun: true)
  }

  /// The report `almanac report` renders into `folder` from the state of the runs over `corpus`
  /// that publish in `out`.
  func reportFromState(of out: URL, corpus: URL, into folder: URL) throws -> Report {
    var options = RunOptions.test(corpus: corpus, output: out)
    options.statePath = options.resolvedStatePath
    options.output = folder.path
    return try ReportJob.report(options)
  }

  /// The documents the state of the runs over `corpus` that publish in `out` holds.
  func records(of out: URL, corpus: URL) throws -> [StoredDocument] {
    let store = try StateStore.open(
      path: RunOptions.test(corpus: corpus, output: out).resolvedStatePath)
    defer { try? store.close() }
    return try store.documents()
  }

  @Test(arguments: [4, 5, 6] as [UInt64])
  func aFullRebuildTellsWhatChangedLikeAnIncrementalRun(seed: UInt64) throws {
    var generator = SplitMix(seed: seed)
    let manager = FileManager.default
    let root = manager.temporaryDirectory
      .appendingPathComponent("almanac-full-\(seed)-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: root) }
    let corpus = root.appendingPathComponent("corpus")
    let incremental = root.appendingPathComponent("incremental")
    let full = root.appendingPathComponent("full")
    var dated = DatedCorpus(root: corpus)
    func write(_ name: String, _ text: String) throws { try dated.write(name, text) }
    var names = (0..<20).map { "y\($0 % 4)/doc\($0).txt" }
    for name in names { try write(name, IncrementalEquivalenceTests.article(&generator)) }
    _ = try run(corpus: corpus, out: incremental, full: false)

    // Two added, one edited, one removed, one renamed, one touched.
    for index in 0..<2 {
      let name = "y\(index)/new\(index).txt"
      try write(name, IncrementalEquivalenceTests.article(&generator))
      names.append(name)
    }
    try write(names[3], IncrementalEquivalenceTests.article(&generator))
    try manager.removeItem(at: corpus.appendingPathComponent(names.remove(at: 5)))
    try manager.moveItem(
      at: corpus.appendingPathComponent(names[7]), to: corpus.appendingPathComponent("renamed.txt"))
    try dated.touch(names[9])

    // The same state twice: one brought up to date, the other rebuilt in full.
    try manager.copyItem(at: incremental, to: full)
    let updated = try run(corpus: corpus, out: incremental, full: false)
    let rebuilt = try run(corpus: corpus, out: full, full: true)
    #expect(!updated.fullRebuild && rebuilt.fullRebuild)
    let (a, b) = (updated.changes, rebuilt.changes)
    let counts: (ChangeSet.Reconciliation) -> [Int] = {
      [$0.added, $0.changed, $0.moved, $0.removed]
    }
    #expect(counts(a) == [2, 1, 1, 1])
    #expect(counts(b) == counts(a))
    let since = try #require(rebuilt.report.sinceLastRun)
    #expect(since == updated.report.sinceLastRun)
    #expect(since.removedDocuments == 1)
    #expect(since.newDocuments.map(\.count).reduce(0, +) <= 3)
    #expect(try xml(full) == xml(incremental))

    // Nothing changed since: a second full rebuild finds nothing new.
    let again = try run(corpus: corpus, out: full, full: true)
    #expect(counts(again.changes) == [0, 0, 0, 0])
    #expect(again.report.sinceLastRun?.newDocuments.isEmpty == true)
    #expect(again.report.sinceLastRun?.newOrganizations.isEmpty == true)
    #expect(again.report.sinceLastRun?.movedTerms.isEmpty == true)
  }

  /// A full rebuild builds its report from the counted years while the commit stores them: it
  /// must be the report `almanac report` builds from the state the commit leaves, rejected
  /// files included (in the state's order), whatever the state held before.
  @Test func aFullRebuildsReportIsTheOneTheStateGives() throws {
    var generator = SplitMix(seed: 7)
    let manager = FileManager.default
    let root = manager.temporaryDirectory
      .appendingPathComponent("almanac-full-state-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: root) }
    let corpus = root.appendingPathComponent("corpus")
    let out = root.appendingPathComponent("out")
    var dated = DatedCorpus(root: corpus)
    func article() -> String {
      var text = IncrementalEquivalenceTests.article(&generator)
      while !text.hasPrefix(" date ") { text = IncrementalEquivalenceTests.article(&generator) }
      return text
    }
    for index in 0..<24 { try dated.write("y\(index % 3)/doc\(index).txt", article()) }
    try dated.write("bad/early.txt", "no header, rejected and later removed")
    try dated.write("bad/kept.txt", "no header, rejected in both runs")
    _ = try run(corpus: corpus, out: out, full: false)

    // A rejected file removed, another added, an accepted one emptied, one removed, and a
    // name that is not UTF-8 (skipped by the scan, recorded as rejected).
    try manager.removeItem(at: corpus.appendingPathComponent("bad/early.txt"))
    try dated.write("bad/late.txt", " date 2019-13-40 an impossible date")
    try dated.write("y0/doc0.txt", "")
    try manager.removeItem(at: corpus.appendingPathComponent("y1/doc1.txt"))
    #expect(
      RawPathFile.create(
        root: corpus, bytePath: Array("b-".utf8) + [0xFF] + Array(".txt".utf8),
        contents: Array(article().utf8)))
    let rebuilt = try run(corpus: corpus, out: out, full: true)
    #expect(rebuilt.fullRebuild)
    let rejected = rebuilt.report.rejected.map(\.path)
    #expect(rejected.count == 4)
    #expect(rejected.contains { $0.hasSuffix("bad/late.txt") })
    #expect(!rejected.contains { $0.hasSuffix("bad/early.txt") })

    let fromState = try reportFromState(
      of: out, corpus: corpus, into: root.appendingPathComponent("report"))
    #expect(fromState.rejected == rebuilt.report.rejected)
    #expect(
      try PublishedXML.read(in: root.appendingPathComponent("report"))
        == PublishedXML.read(in: out))
  }

  /// An incremental run that finds every file changed counts them all, and so stores and
  /// reports as a full rebuild does (it takes the same way, building its report from what it
  /// counted while the commit stores it): the same reports, the same records, and the report
  /// the state gives; a year whose only document went is gone.
  @Test func anIncrementalRunThatFindsEveryFileChangedIsAFullRebuild() throws {
    var generator = SplitMix(seed: 8)
    let manager = FileManager.default
    let root = manager.temporaryDirectory
      .appendingPathComponent("almanac-all-changed-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: root) }
    let corpus = root.appendingPathComponent("corpus")
    let incremental = root.appendingPathComponent("incremental")
    var dated = DatedCorpus(root: corpus)
    var names = (0..<12).map { "y\($0 % 3)/doc\($0).txt" }
    for name in names { try dated.write(name, IncrementalEquivalenceTests.article(&generator)) }
    try dated.write("only/doc.txt", " date 1999-05-05 The only article of its year.")
    try dated.write("bad/kept.txt", "no header, rejected in both runs")
    _ = try run(corpus: corpus, out: incremental, full: false)

    // Every file rewritten, the only one of 1999 removed, the rejected one still rejected.
    for name in names { try dated.write(name, IncrementalEquivalenceTests.article(&generator)) }
    try manager.removeItem(at: corpus.appendingPathComponent("only/doc.txt"))
    try dated.write("bad/kept.txt", "still no header")
    names.append("bad/kept.txt")
    let full = root.appendingPathComponent("full")
    try manager.copyItem(at: incremental, to: full)
    let updated = try run(corpus: corpus, out: incremental, full: false)
    let rebuilt = try run(corpus: corpus, out: full, full: true)
    #expect(!updated.fullRebuild)
    let changes = updated.changes
    #expect(
      [changes.added, changes.changed, changes.moved, changes.removed]
        == [0, names.count, 0, 1] as [Int])
    #expect(changes.touched == 0)
    #expect(!updated.report.years.contains { $0.year == 1999 })
    #expect(updated.report.rejected.map(\.path) == ["bad/kept.txt"])
    #expect(try PublishedXML.read(in: incremental) == PublishedXML.read(in: full))
    #expect(try records(of: incremental, corpus: corpus) == records(of: full, corpus: corpus))
    #expect(rebuilt.report.rejected == updated.report.rejected)

    let fromState = try reportFromState(
      of: incremental, corpus: corpus, into: root.appendingPathComponent("report"))
    #expect(fromState.rejected == updated.report.rejected)
    #expect(
      try PublishedXML.read(in: root.appendingPathComponent("report"))
        == PublishedXML.read(in: incremental))
  }
}
