import Analysis
import Store
import Synchronization
import Testing

/// Documents made while a change is written (``StateChange/DocumentSource``), as a full
/// rebuild writes its records.
@Suite struct DocumentSourceTests {
  /// A source that gives `documents` in their order.
  private func source(_ documents: [StoredDocument]) -> StateChange.DocumentSource {
    StateChange.DocumentSource(count: documents.count) { write in
      for document in documents { try write(document) }
    }
  }

  private struct Stop: Error {}

  @Test func aSourcesDocumentsAreStoredAsAListsAre() throws {
    try withStore { store in
      try store.commit(StateChange(documentSource: source(Sample.documents)))
      #expect(
        try store.documents()
          == Sample.documents.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) })
      #expect(try store.documents(accepted: false).map(\.path) == ["broken.txt"])
    }
  }

  /// The list is written after the source: a path in both is stored as the list has it, as a
  /// run's skipped files are recorded after what it read.
  @Test func theListWinsOverTheSourceForAPathInBoth() throws {
    try withStore { store in
      var again = Sample.documents[2]
      again.reason = "could not be opened"
      again.size = 0
      try store.commit(
        StateChange(upsertDocuments: [again], documentSource: source(Sample.documents)))
      let stored = try store.documents()
      #expect(stored.count == 3)
      #expect(stored.first { $0.path == "broken.txt" } == again)
    }
  }

  /// What the source throws fails the commit, and nothing of it is written: neither the
  /// documents it gave before nor the rest of the change.
  @Test func aSourceThatThrowsWritesNothing() throws {
    try withStore { store in
      try store.commit(StateChange(upsertDocuments: [Sample.documents[0]], settings: ["a": "1"]))
      var changed = Sample.documents[0]
      changed.hash = "cd34"
      let failing = StateChange.DocumentSource(count: 2) { [changed] write in
        try write(changed)
        try write(Sample.documents[1])
        throw Stop()
      }
      #expect(throws: StoreError.self) {
        try store.commit(
          StateChange(
            documentSource: failing, replaceAllYears: true, slices: [Sample.slice(2021)],
            settings: ["a": "2"]))
      }
      #expect(try store.documents() == [Sample.documents[0]])
      #expect(try store.setting("a") == "1")
      #expect(try store.years().isEmpty)
    }
  }

  /// Documents upserted from a source forget the number of copies stored, as a list's do; a
  /// source of none is no change, and is not asked for any.
  @Test func upsertingFromASourceForgetsTheNumberOfCopies() throws {
    try withStore { store in
      try store.commit(StateChange(upsertDocuments: [Sample.documents[0]], copies: 0))
      let asked = Mutex(false)
      let none = StateChange.DocumentSource(count: 0) { _ in asked.withLock { $0 = true } }
      #expect(StateChange(documentSource: none).isEmpty)
      try store.commit(StateChange(documentSource: none))
      #expect(try store.knownCopies() == 0)
      #expect(!StateChange(documentSource: source([Sample.documents[1]])).isEmpty)
      try store.commit(StateChange(documentSource: source([Sample.documents[1]])))
      #expect(try store.knownCopies() == nil)
      #expect(try store.documents().count == 2)
      #expect(!asked.withLock { $0 })
    }
  }

  /// What the source holds is let go once its documents are written, before the years are
  /// made: a full rebuild's outcomes are not held beside a year's figures.
  @Test func theSourceIsLetGoBeforeTheYearsAreMade() throws {
    final class Held: Sendable {}
    try withStore { store in
      let heldWhileYearsWereMade = Mutex<[Bool]>([])
      func change() -> StateChange {
        let held = Held()
        return StateChange(
          documentSource: StateChange.DocumentSource(count: 1) { write in
            withExtendedLifetime(held) {}
            try write(Sample.documents[0])
          },
          replaceAllYears: true,
          sliceSource: StateChange.SliceSource(years: [2020, 2021]) { [weak held] year in
            heldWhileYearsWereMade.withLock { $0.append(held != nil) }
            return Sample.slice(year)
          })
      }
      try store.commit(change())
      #expect(heldWhileYearsWereMade.withLock { $0 } == [false, false])
      #expect(try store.years() == [2020, 2021])
      #expect(try store.documents() == [Sample.documents[0]])
    }
  }
}
