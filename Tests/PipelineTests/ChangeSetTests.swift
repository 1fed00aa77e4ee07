import Corpus
import Pipeline
import Store
import Testing

@Suite struct ChangeSetTests {
  /// The content hash a fixture labels `label`: equal labels, equal hashes.
  func digest(_ label: String) -> UInt64 { ContentHash.hash(Array(label.utf8)) }

  func stored(_ path: String, size: Int = 10, modified: Int64 = 1, hash: String, year: Int?)
    -> StoredDocument
  {
    StoredDocument(
      path: path, size: size, modified: modified,
      hash: hash.isEmpty ? "" : ContentHash.hex(digest(hash)),
      date: year.flatMap { CalendarDate(year: $0, month: 1, day: 1) }, accepted: year != nil,
      reason: year == nil ? "no header" : nil, repaired: false)
  }

  func outcome(_ path: String, hash: String, year: Int?) -> CorpusAnalyzer.FileOutcome {
    CorpusAnalyzer.FileOutcome(
      file: CorpusFile(path: path, fullPath: "/c/" + path, size: 11, modified: 2),
      digest: digest(hash),
      date: year.flatMap { CalendarDate(year: $0, month: 6, day: 1) },
      rejection: year == nil ? .emptyBody : nil, repaired: false)
  }

  @Test func sizeAndModificationTimeDecideWhatIsRead() {
    let known = [
      "a.txt": stored("a.txt", hash: "h1", year: 2020),
      "b.txt": stored("b.txt", hash: "h2", year: 2021),
    ]
    let files = [
      CorpusFile(path: "a.txt", fullPath: "/c/a.txt", size: 10, modified: 1),  // unchanged
      CorpusFile(path: "b.txt", fullPath: "/c/b.txt", size: 10, modified: 5),  // touched or edited
      CorpusFile(path: "c.txt", fullPath: "/c/c.txt", size: 3, modified: 1),  // new
    ]
    let changes = ChangeSet(files: files, skipped: [], stored: known)
    #expect(changes.unchanged.map { files[$0.file].path } == ["a.txt"])
    #expect(changes.unchanged.map(\.known) == [ChangeSet.Known(known["a.txt"]!)])
    #expect(changes.unchanged.map(\.known.digest) == [digest("h1")])
    #expect(changes.unchanged.map(\.known.year) == [2020])
    #expect(changes.toRead.map(\.path) == ["b.txt", "c.txt"])
    #expect(changes.missing.isEmpty)
  }

  @Test func withNothingStoredEveryFileIsReadInOrder() {
    let files = ["b.txt", "a.txt", "c/d.txt"].map {
      CorpusFile(path: $0, fullPath: "/c/" + $0, size: 10, modified: 1)
    }
    for readingAll in [false, true] {
      let changes = ChangeSet(files: files, skipped: ["x.txt"], stored: [:], readingAll: readingAll)
      #expect(changes.toRead.map(\.path) == ["b.txt", "a.txt", "c/d.txt"])
      #expect(changes.unchanged.isEmpty && changes.missing.isEmpty)
      let result = changes.reconcile(
        files.map { outcome($0.path, hash: $0.path, year: 2020) })
      #expect([result.added, result.changed, result.moved, result.removed] == [3, 0, 0, 0])
    }
  }

  /// A full rebuild reads every file, and the stored documents still tell which are new.
  @Test func readingAllReadsUnchangedFilesAndStillTellsWhatIsNew() {
    let known = [
      "a.txt": stored("a.txt", hash: "h1", year: 2020),
      "b.txt": stored("b.txt", hash: "h2", year: 2021),
      "gone.txt": stored("gone.txt", hash: "g", year: 2019),
    ]
    let files = [
      CorpusFile(path: "a.txt", fullPath: "/c/a.txt", size: 10, modified: 1),  // unchanged
      CorpusFile(path: "b.txt", fullPath: "/c/b.txt", size: 10, modified: 1),  // unchanged
      CorpusFile(path: "c.txt", fullPath: "/c/c.txt", size: 3, modified: 1),  // new
    ]
    let changes = ChangeSet(files: files, skipped: [], stored: known, readingAll: true)
    #expect(changes.unchanged.isEmpty)
    #expect(changes.toRead.map(\.path) == ["a.txt", "b.txt", "c.txt"])
    #expect(changes.missing.map(\.path) == ["gone.txt"])
    let result = changes.reconcile(
      [
        outcome("a.txt", hash: "h1", year: 2020), outcome("b.txt", hash: "edited", year: 2021),
        outcome("c.txt", hash: "n", year: 2022),
      ])
    #expect([result.added, result.changed, result.moved, result.removed] == [1, 1, 0, 1])
    #expect(result.newDocumentsPerYear == [2021: 1, 2022: 1])
    #expect(result.upserts.map(\.path) == ["a.txt", "b.txt", "c.txt"])
  }

  @Test func editsAdditionsRemovalsAndTheYearsTheyTouch() {
    let known = [
      "edit.txt": stored("edit.txt", hash: "old", year: 2019),
      "touch.txt": stored("touch.txt", hash: "same", year: 2018),
      "gone.txt": stored("gone.txt", hash: "g", year: 2017),
      "keep.txt": stored("keep.txt", hash: "k", year: 2016),
    ]
    let files = ["edit.txt", "touch.txt", "new.txt", "keep.txt"].map {
      CorpusFile(path: $0, fullPath: "/c/" + $0, size: 10, modified: $0 == "keep.txt" ? 1 : 9)
    }
    let changes = ChangeSet(files: files, skipped: [], stored: known)
    let result = changes.reconcile(
      [
        outcome("edit.txt", hash: "new", year: 2021),
        outcome("touch.txt", hash: "same", year: 2018),
        outcome("new.txt", hash: "n", year: 2022),
      ])
    #expect(result.added == 1)
    #expect(result.changed == 1)
    #expect(result.removed == 1)
    #expect(result.moved == 0)
    #expect(result.removals == ["gone.txt"])
    // The edit leaves 2019 and enters 2021; the touch re-reads 2018; the new file is 2022;
    // the removal touches 2017; 2016 is not read at all.
    #expect(result.affectedYears == [2017, 2018, 2019, 2021, 2022])
    #expect(result.newDocumentsPerYear == [2021: 1, 2022: 1])
  }

  /// A touched file found as stored (not counted) keeps its record but for its size and time,
  /// written before the others; it changes no year. What the comparison keeps of the files to
  /// read is what their stored records say.
  @Test func aFileFoundAsStoredIsRefreshedNotCounted() {
    let known = [
      "touch.txt": stored("touch.txt", hash: "same", year: 2018),
      "edit.txt": stored("edit.txt", hash: "old", year: 2019),
      "bad.txt": stored("bad.txt", hash: "bad", year: nil),
      "unread.txt": stored("unread.txt", hash: "", year: 2017),
    ]
    let files = ["touch.txt", "edit.txt", "new.txt", "bad.txt", "unread.txt"].map {
      CorpusFile(path: $0, fullPath: "/c/" + $0, size: 11, modified: 9)
    }
    let changes = ChangeSet(files: files, skipped: [], stored: known)
    #expect(changes.toRead.map(\.path) == files.map(\.path))
    #expect(changes.storedDigests! == [digest("same"), digest("old"), nil, digest("bad"), nil])
    #expect(changes.known.map { $0?.year } == [2018, 2019, nil, nil, 2017])
    #expect(changes.known.map { $0?.accepted } == [true, true, nil, false, true])
    var touched = outcome("touch.txt", hash: "same", year: nil)
    touched.sameAsStored = true
    touched.rejection = nil
    let result = changes.reconcile(
      [
        touched, outcome("edit.txt", hash: "new", year: 2019),
        outcome("new.txt", hash: "n", year: 2020), outcome("bad.txt", hash: "bad", year: nil),
        outcome("unread.txt", hash: "u", year: 2017),
      ])
    #expect(result.touched == 1 && result.changed == 2 && result.added == 1)
    #expect(result.affectedYears == [2017, 2019, 2020])
    #expect(result.changedYears == [2017, 2019, 2020])
    #expect(result.refreshed.map(\.file.path) == ["touch.txt"])
    #expect(result.refreshed.map(\.known) == [changes.known[0]!])
    #expect(result.touches == [TouchedDocument(path: "touch.txt", size: 11, modified: 2)])
    #expect(result.upserts.map(\.path) == ["edit.txt", "new.txt", "bad.txt", "unread.txt"])
    // With nothing stored, nothing is known.
    #expect(ChangeSet(files: files, skipped: [], stored: [:]).storedDigests == nil)
  }

  @Test func aRenameIsAMove() {
    let known = ["old/name.txt": stored("old/name.txt", hash: "abc", year: 2020)]
    let files = [
      CorpusFile(path: "new/name.txt", fullPath: "/c/new/name.txt", size: 10, modified: 1)
    ]
    let changes = ChangeSet(files: files, skipped: [], stored: known)
    #expect(changes.missing.map(\.path) == ["old/name.txt"])
    let result = changes.reconcile(
      [outcome("new/name.txt", hash: "abc", year: 2020)])
    #expect(result.moved == 1)
    #expect(result.added == 0)
    #expect(result.removed == 0)
    #expect(result.removals == ["old/name.txt"])
    #expect(result.upserts.map(\.path) == ["new/name.txt"])
    #expect(result.newDocumentsPerYear.isEmpty)
    #expect(result.changedYears == [2020])
    // Once the records are written and let go, the years they changed are still known.
    var released = result
    released.releaseUpserts()
    #expect(released.upserts.isEmpty)
    #expect(released.changedYears == [2020])
  }

  @Test func skippedEntriesAreNotMissing() {
    let known = ["link.txt": stored("link.txt", hash: "", year: nil)]
    let changes = ChangeSet(files: [], skipped: ["link.txt"], stored: known)
    #expect(changes.missing.isEmpty)
  }
}
