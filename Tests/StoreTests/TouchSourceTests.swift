import Store
import Synchronization
import TestSupport
import Testing

/// Touched documents made while a change is written (``StateChange/TouchSource``), as a run
/// that found files touched writes their new sizes and times.
@Suite struct TouchSourceTests {
  /// A source that gives `touches` in their order.
  private func source(_ touches: [TouchedDocument]) -> StateChange.TouchSource {
    StateChange.TouchSource(count: touches.count) { write in
      for touch in touches { try write(touch) }
    }
  }

  private struct Stop: Error {}

  /// What `documents` become once `touches` are applied in order: the last touch of a path
  /// sets its size and time, and a path not stored is passed over.
  private func touched(_ documents: [StoredDocument], by touches: [TouchedDocument])
    -> [StoredDocument]
  {
    documents.map { document in
      var document = document
      for touch in touches where touch.path == document.path {
        (document.size, document.modified) = (touch.size, touch.modified)
      }
      return document
    }
  }

  /// A source's touches change each stored record's size and time and nothing else, as a
  /// list's do; a path not stored is passed over.
  @Test(arguments: [0, 1, 2])
  func aSourcesTouchesAreStoredAsAListsAre(seed: UInt64) throws {
    var random = SplitMix(seed: seed)
    let paths = Sample.documents.map(\.path) + ["never.txt"]
    let touches = (0..<6).map { _ in
      TouchedDocument(
        path: paths[Int(random.next() % UInt64(paths.count))],
        size: Int(random.next() % 5000), modified: Int64(random.next() % 1_000_000) - 9)
    }
    let sorted = Sample.documents.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    try withStore { store in
      try store.commit(StateChange(upsertDocuments: Sample.documents))
      try store.commit(StateChange(touchSource: source(touches)))
      #expect(try store.documents() == touched(sorted, by: touches))
    }
  }

  /// The list is written after the source, and upserts after both: a path in the list and the
  /// source gets the list's size and time, and an upserted path is stored as upserted.
  @Test func theListAndThenUpsertsWinOverTheSource() throws {
    try withStore { store in
      try store.commit(StateChange(upsertDocuments: Sample.documents))
      let before = try store.documents()
      var upserted = before[2]
      upserted.hash = "ef56"
      try store.commit(
        StateChange(
          upsertDocuments: [upserted],
          touchDocuments: [TouchedDocument(path: before[0].path, size: 5, modified: 6)],
          touchSource: source([
            TouchedDocument(path: before[0].path, size: 1, modified: 2),
            TouchedDocument(path: before[1].path, size: 3, modified: 4),
            TouchedDocument(path: before[2].path, size: 7, modified: 8),
          ])))
      var first = before[0]
      (first.size, first.modified) = (5, 6)
      var second = before[1]
      (second.size, second.modified) = (3, 4)
      #expect(try store.documents() == [first, second, upserted])
    }
  }

  /// What the source throws fails the commit, and nothing of it is written: neither the
  /// touches it gave before nor the rest of the change.
  @Test func aSourceThatThrowsWritesNothing() throws {
    try withStore { store in
      try store.commit(StateChange(upsertDocuments: Sample.documents, settings: ["a": "1"]))
      let before = try store.documents()
      let failing = StateChange.TouchSource(count: 2) { [path = before[0].path] write in
        try write(TouchedDocument(path: path, size: 1, modified: 2))
        throw Stop()
      }
      #expect(throws: StoreError.self) {
        try store.commit(StateChange(touchSource: failing, settings: ["a": "2"]))
      }
      #expect(try store.documents() == before)
      #expect(try store.setting("a") == "1")
    }
  }

  /// A source of none is no change, and is not asked for any; a source of some is a change,
  /// which leaves the number of copies stored (a touch changes no document's bytes).
  @Test func aSourceOfNoneIsNoChange() throws {
    try withStore { store in
      try store.commit(StateChange(upsertDocuments: Sample.documents, copies: 1))
      let asked = Mutex(false)
      let none = StateChange.TouchSource(count: 0) { _ in asked.withLock { $0 = true } }
      #expect(StateChange(touchSource: none).isEmpty)
      try store.commit(StateChange(touchSource: none))
      #expect(!asked.withLock { $0 })
      let path = Sample.documents[0].path
      let some = source([TouchedDocument(path: path, size: 1, modified: 2)])
      #expect(!StateChange(touchSource: some).isEmpty)
      try store.commit(StateChange(touchSource: some))
      #expect(try store.knownCopies() == 1)
      #expect(try store.documents().first { $0.path == path }?.modified == 2)
    }
  }
}
