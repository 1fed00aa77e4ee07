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

  @Test func theNumberOfCopiesIsKeptTillDocumentsAreUpsertedOrRemoved() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    #expect(try store.knownCopies() == nil)
    try store.commit(
      StateChange(
        upsertDocuments: [Self.document("a.txt", "00000000000000aa")], settings: ["x": "1"],
        copies: 0))
    #expect(try store.knownCopies() == 0)
    // Neither touching a document nor what a published report remembers changes it.
    try store.commit(
      StateChange(touchDocuments: [TouchedDocument(path: "a.txt", size: 11, modified: 2)]))
    try store.commit(StateChange(seen: [("organization", "un")], reported: true))
    #expect(try store.knownCopies() == 0)
    try store.commit(StateChange(upsertDocuments: [Self.document("b.txt", "00000000000000aa")]))
    #expect(try store.knownCopies() == nil)
    try store.commit(StateChange(copies: 1))
    #expect(try store.knownCopies() == 1)
    try store.commit(StateChange(removeDocuments: ["b.txt"]))
    #expect(try store.knownCopies() == nil)
  }

  @Test func aStateKnownToHoldNoCopyIsNotWalkedForThem() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    let copies = [
      Self.document("a.txt", "00000000000000aa"), Self.document("b.txt", "00000000000000aa"),
    ]
    try store.commit(StateChange(upsertDocuments: copies))
    #expect(try store.documentsSharingTheirBytes().count == 2)
    // What the state was told wins: the run that stores a number has just counted or walked.
    try store.commit(StateChange(copies: 0))
    #expect(try store.documentsSharingTheirBytes().isEmpty)
    try store.commit(StateChange(copies: 1))
    #expect(try store.documentsSharingTheirBytes().count == 2)
  }

  @Test func aNumberOfCopiesThatIsNoNumberIsReportedAsCorrupt() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    try store.commit(StateChange(settings: ["copies": "many"]))
    #expect {
      try store.knownCopies()
    } throws: { error in
      "\(error)".contains("the number of copies is \"many\"")
    }
  }
}
