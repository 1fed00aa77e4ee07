import Store
import Testing

@Suite struct UnreportedChangesTests {
  /// Commits add their changes up, year by year, until one marks them reported, which clears
  /// them before adding its own; they are kept across reopening.
  @Test func changesAddUpUntilReported() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path("state.sqlite")
    let store = try StateStore.open(path: path)
    #expect(try store.unreportedChanges() == UnreportedChanges())

    let first = UnreportedChanges(newDocumentsPerYear: [2019: 2, 2020: 1], removedDocuments: 1)
    #expect(!StateChange(unreported: first).isEmpty)
    try store.commit(StateChange(unreported: first))
    #expect(try store.unreportedChanges() == first)
    try store.commit(
      StateChange(
        unreported: UnreportedChanges(newDocumentsPerYear: [2020: 3, 2021: 4], removedDocuments: 2)
      ))
    try store.commit(StateChange(settings: ["corpus": "elsewhere"]))
    let expected = UnreportedChanges(
      newDocumentsPerYear: [2019: 2, 2020: 4, 2021: 4], removedDocuments: 3)
    #expect(try store.unreportedChanges() == expected)
    try store.close()

    let reopened = try StateStore.open(path: path)
    #expect(try reopened.unreportedChanges() == expected)
    #expect(!StateChange(reported: true).isEmpty)
    let own = UnreportedChanges(newDocumentsPerYear: [2022: 1])
    try reopened.commit(StateChange(unreported: own, reported: true))
    #expect(try reopened.unreportedChanges() == own)
    try reopened.commit(StateChange(reported: true))
    #expect(try reopened.unreportedChanges() == UnreportedChanges())
  }
}
