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

    let first = UnreportedChanges(
      newDocumentsPerYear: [2019: 2, 2020: 1], removedDocuments: 1, addedCopies: 2)
    #expect(!StateChange(unreported: first).isEmpty)
    try store.commit(StateChange(unreported: first))
    #expect(try store.unreportedChanges() == first)
    try store.commit(
      StateChange(
        unreported: UnreportedChanges(
          newDocumentsPerYear: [2020: 3, 2021: 4], removedDocuments: 2, addedCopies: 1,
          removedCopies: 5)))
    try store.commit(StateChange(settings: ["corpus": "elsewhere"]))
    let expected = UnreportedChanges(
      newDocumentsPerYear: [2019: 2, 2020: 4, 2021: 4], removedDocuments: 3, addedCopies: 3,
      removedCopies: 5)
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

  /// Copies alone are a change to keep: a run that only added a copy, then failed to publish,
  /// leaves it for the next report to say.
  @Test func copiesAloneAreKept() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    defer { try? store.close() }
    for changes in [UnreportedChanges(addedCopies: 1), UnreportedChanges(removedCopies: 2)] {
      #expect(!changes.isEmpty)
      try store.commit(StateChange(unreported: changes))
    }
    #expect(try store.unreportedChanges() == UnreportedChanges(addedCopies: 1, removedCopies: 2))
  }
}
