import Corpus
import Store
import TestSupport
import Testing

/// The documents whose bytes another accepted document has too: what the report lists as
/// copies, read from the state without grouping it in SQL.
@Suite struct SharedBytesTests {
  static func document(_ path: String, _ hash: String, accepted: Bool = true) -> StoredDocument {
    StoredDocument(
      path: path, size: 10, modified: 1, hash: hash,
      date: accepted ? CalendarDate(year: 2021, month: 1, day: 2) : nil, accepted: accepted,
      reason: accepted ? nil : "no date header")
  }

  @Test func acceptedDocumentsThatShareTheirHashAreListedInPathOrder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    let one = "00000000000000aa"
    let two = "00000000000000bb"
    try store.commit(
      StateChange(upsertDocuments: [
        Self.document("b/copy.txt", one), Self.document("a.txt", one),
        Self.document("c.txt", two), Self.document("d.txt", "00000000000000cc"),
        // A rejected file with the same bytes is no copy of an accepted one.
        Self.document("e.txt", two, accepted: false),
        // Nor are two files whose stored hash Almanac did not write.
        Self.document("f.txt", "foreign"), Self.document("g.txt", "foreign"),
        Self.document("h.txt", two), Self.document("ё.txt", one),
      ]))
    let sharing = try store.documentsSharingTheirBytes()
    #expect(sharing.map(\.path) == ["a.txt", "b/copy.txt", "c.txt", "h.txt", "ё.txt"])
    #expect(sharing.map(\.digest) == [one, one, two, two, one])
  }

  @Test func aStateWithoutCopiesHasNone() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    #expect(try store.documentsSharingTheirBytes().isEmpty)
    try store.commit(
      StateChange(upsertDocuments: [
        Self.document("a.txt", "00000000000000aa"), Self.document("b.txt", "00000000000000bb"),
      ]))
    #expect(try store.documentsSharingTheirBytes().isEmpty)
  }
}
