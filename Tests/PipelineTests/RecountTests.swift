import Foundation
import Pipeline
import Store
import Testing

/// An incremental run recounts the unchanged documents of every year that changed, after it
/// has let the stored records go (they and the recount's tables together were the peak of such
/// a run): what it records of them must still be what they are now.
@Suite(.serialized) struct RecountTests {
  /// A document whose bytes changed behind the same size and modification time is passed over
  /// by the comparison, recounted with its year, and then recorded as it is now: its record is
  /// the one a full rebuild makes.
  @Test func aRecountedDocumentThatChangedUnseenIsRecordedAsItIsNow() throws {
    let manager = FileManager.default
    let root = manager.temporaryDirectory
      .appendingPathComponent("almanac-recount-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: root) }
    let corpus = root.appendingPathComponent("corpus")
    var dated = DatedCorpus(root: corpus)
    try dated.write("2020/a.txt", " date 2020-01-01 The summit on trade.")
    try dated.write("2020/b.txt", " date 2020-02-01 The grain treaty was signed.")
    try dated.write("2021/c.txt", " date 2021-03-01 Another border summit.")
    func options(_ folder: String, full: Bool = false) -> RunOptions {
      .test(corpus: corpus, output: root.appendingPathComponent(folder), full: full)
    }
    _ = try ReportJob.run(options("incremental"))

    // b's bytes change but not its size or time; a's change has its year recounted.
    let b = corpus.appendingPathComponent("2020/b.txt").path
    let time = try #require(try manager.attributesOfItem(atPath: b)[.modificationDate] as? Date)
    try Data(" date 2020-02-01 The trade treaty was signed.".utf8).write(
      to: URL(fileURLWithPath: b))
    try manager.setAttributes([.modificationDate: time], ofItemAtPath: b)
    try dated.write("2020/a.txt", " date 2020-01-01 The summit on energy.")

    // The same state twice: one brought up to date, the other rebuilt in full.
    try manager.copyItem(
      at: root.appendingPathComponent("incremental"), to: root.appendingPathComponent("full"))
    let updated = try ReportJob.run(options("incremental"))
    let rebuilt = try ReportJob.run(options("full", full: true))
    #expect(updated.changes.changed == 1 && !updated.fullRebuild && rebuilt.fullRebuild)
    func record(_ folder: String) throws -> StoredDocument? {
      let store = try StateStore.open(path: options(folder).resolvedStatePath)
      defer { try? store.close() }
      return try store.documents().first { $0.path == "2020/b.txt" }
    }
    let (recounted, rebuiltRecord) = (try record("incremental"), try record("full"))
    #expect(recounted != nil)
    #expect(recounted?.hash == rebuiltRecord?.hash)
    #expect(recounted == rebuiltRecord)
  }
}
