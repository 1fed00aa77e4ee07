import Corpus
import Foundation
import Pipeline
import Store
import Testing

@Suite(.serialized) struct ChangeSetOrderTests {
  /// A stored record of `path`, dated 2020, whose hash is that of its path.
  func record(_ path: String) -> StoredDocument {
    StoredDocument(
      path: path, size: 10, modified: 1, hash: ContentHash.hex(Array(path.utf8)),
      date: CalendarDate(year: 2020, month: 1, day: 1), accepted: true)
  }

  /// The comparison merges the scan with the documents as the state lists them: both in byte
  /// order of their paths, whatever the paths hold (capitals, separators, Cyrillic, a composed
  /// and a decomposed spelling of the same name, which are two files).
  @Test func theStateListsDocumentsInTheOrderTheComparisonMerges() throws {
    let paths = [
      "B.txt", "a.txt", "a-b/c.txt", "a/b.txt", "ab.txt", "caf\u{E9}.txt", "cafe\u{301}.txt",
      "я/1.txt", "Z/1.txt", "a b.txt", "10.txt", "9.txt",
    ]
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-changeset-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try StateStore.open(path: folder.appendingPathComponent("state.sqlite").path)
    defer { try? store.close() }
    // Paths compared by their bytes: `==` on strings takes the two spellings for one.
    func bytes(_ paths: [String]) -> [[UInt8]] { paths.map { Array($0.utf8) } }
    let decomposed = Array("cafe\u{301}.txt".utf8)
    // The composed name is stored; the decomposed one is a new file beside it.
    let storedPaths = paths.filter { Array($0.utf8) != decomposed }
    #expect(storedPaths.count == paths.count - 1)
    try store.commit(StateChange(upsertDocuments: storedPaths.map { record($0) }))
    // Scanned in byte order, as the scan lists them, one stored file gone.
    let scanned = paths.filter { $0 != "a/b.txt" }
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      .map { CorpusFile(path: $0, fullPath: "/c/" + $0, size: 10, modified: 1) }
    let changes = try ChangeSet(files: scanned, skipped: []) { try store.forEachDocument($0) }
    #expect(bytes(changes.toRead.map(\.path)) == [decomposed])
    #expect(changes.known == [nil] as [ChangeSet.Known?])
    #expect(bytes(changes.missing.map(\.path)) == bytes(["a/b.txt"]))
    let kept = bytes(scanned.map(\.path)).filter { $0 != decomposed }
    #expect(bytes(changes.unchanged.map { scanned[$0.file].path }) == kept)
    // The same from a table, the files in another order: the same files, in the files' order.
    let shuffled = Array(scanned.reversed())
    let table = Dictionary(uniqueKeysWithValues: storedPaths.map { ($0, record($0)) })
    let fromTable = ChangeSet(files: shuffled, skipped: [], stored: table)
    #expect(bytes(fromTable.toRead.map(\.path)) == [decomposed])
    #expect(bytes(fromTable.missing.map(\.path)) == bytes(["a/b.txt"]))
    #expect(bytes(fromTable.unchanged.map { shuffled[$0.file].path }) == kept.reversed())
  }

  /// A name skipped by the scan, or moved, is that spelling only: a stored document under the
  /// other spelling of the same name is missing all the same, and counts once.
  @Test func twoSpellingsOfANameAreTwoDocumentsWhenSkippedOrMoved() {
    let (composed, decomposed) = ("caf\u{E9}.txt", "cafe\u{301}.txt")
    func bytes(_ paths: [String]) -> [[UInt8]] { paths.map { Array($0.utf8) } }
    let fixtures = ChangeSetTests()
    let kept = CorpusFile(path: "x.txt", fullPath: "/c/x.txt", size: 10, modified: 1)
    let stored = [
      composed: fixtures.stored(composed, hash: "same", year: 2020),
      "x.txt": fixtures.stored("x.txt", hash: "x", year: 2020),
    ]
    let otherSkipped = ChangeSet(files: [kept], skipped: [decomposed, "z.txt"], stored: stored)
    #expect(bytes(otherSkipped.missing.map(\.path)) == bytes([composed]))
    let sameSkipped = ChangeSet(files: [kept], skipped: ["a.txt", composed], stored: stored)
    #expect(sameSkipped.missing.isEmpty)

    // Both spellings stored with the same bytes and both gone (a table keyed by `String` would
    // hold one of them: they are streamed as the state lists them); one new file holds those
    // bytes: one of the two moved there, the other is removed.
    let both =
      [stored[composed]!, fixtures.stored(decomposed, hash: "same", year: 2020)]
      + [stored["x.txt"]!]
    let inOrder = both.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    let new = CorpusFile(path: "new.txt", fullPath: "/c/new.txt", size: 10, modified: 1)
    let changes = ChangeSet(files: [new, kept], skipped: []) { inOrder.forEach($0) }
    #expect(bytes(changes.missing.map(\.path)) == bytes(inOrder.prefix(2).map(\.path)))
    let result = changes.reconcile([fixtures.outcome("new.txt", hash: "same", year: 2020)])
    #expect([result.added, result.moved, result.removed] == [0, 1, 1] as [Int])
    #expect(result.removals.count == 2)
  }
}
