import Corpus
import Pipeline
import Store
import TestSupport
import Testing

/// What a comparison keeps of each file it knows: ``ChangeSet/Known`` in 12 bytes, and the
/// unchanged files as indices beside it (``ChangeSet/Unchanged``).
@Suite struct ChangeSetUnchangedTests {
  /// What the state holds of a file reads back as it was stored: its digest (every bit of
  /// it), year and verdict, for years across the calendar's range and digests of every size.
  @Test(arguments: 0..<4 as Range<UInt64>)
  func whatIsKnownReadsBackAsStored(seed: UInt64) {
    var random = SplitMix(seed: seed)
    for _ in 0..<500 {
      let digest =
        Bool.random(using: &random)
        ? UInt64.random(in: 0...UInt64.max, using: &random)
        : UInt64.random(in: 0...UInt64(UInt32.max), using: &random)
      let year = [1, 9999, Int.random(in: 1...9999, using: &random)].randomElement(using: &random)!
      let dated = Bool.random(using: &random)
      let hashed = Int.random(in: 0..<8, using: &random) > 0
      let document = StoredDocument(
        path: "a.txt", size: 1, modified: 1, hash: hashed ? ContentHash.hex(digest) : "",
        date: dated ? CalendarDate(year: year, month: 12, day: 31) : nil, accepted: dated,
        reason: dated ? nil : "no header")
      let known = ChangeSet.Known(document)
      #expect(known.digest == (hashed ? digest : nil))
      #expect(known.year == (dated ? year : nil))
      #expect(known.accepted == dated)
    }
    #expect(MemoryLayout<ChangeSet.Known>.stride == 12)
    #expect(MemoryLayout<ChangeSet.Known?>.stride == 12)
  }

  /// The unchanged files of a scan out of order are listed by their index, each with what the
  /// state holds of it, as a sorted list of the pairs would have them.
  @Test(arguments: 0..<20 as Range<UInt64>)
  func theUnchangedFilesAreInTheOrderOfTheirIndices(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let count = Int.random(in: 0...60, using: &random)
    var stored: [String: StoredDocument] = [:]
    var files: [CorpusFile] = []
    for index in 0..<count {
      let path = "f\(index).txt"
      files.append(CorpusFile(path: path, fullPath: "/c/" + path, size: 5, modified: 7))
      guard Int.random(in: 0..<4, using: &random) > 0 else { continue }
      let changed = Bool.random(using: &random)
      stored[path] = StoredDocument(
        path: path, size: changed ? 6 : 5, modified: 7,
        hash: ContentHash.hex(UInt64.random(in: 0...UInt64.max, using: &random)),
        date: CalendarDate(year: 1990 + index, month: 1, day: 2), accepted: true)
    }
    files.shuffle(using: &random)
    let changes = ChangeSet(files: files, skipped: [], stored: stored)
    let expected = files.indices.compactMap { index -> (Int, ChangeSet.Known)? in
      guard let document = stored[files[index].path], document.size == 5 else { return nil }
      return (index, ChangeSet.Known(document))
    }
    #expect(changes.unchanged.map(\.file) == expected.map(\.0))
    #expect(changes.unchanged.map(\.known) == expected.map(\.1))
    #expect(changes.unchanged.count == expected.count)
  }
}
