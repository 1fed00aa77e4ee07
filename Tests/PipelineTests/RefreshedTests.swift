import Corpus
import Pipeline
import Store
import Synchronization
import TestSupport
import Testing

/// The touched files a reconciliation keeps (``ChangeSet/Refreshed``), as positions among the
/// files read, and the touches made from them one at a time (``ChangeSet/Reconciliation/touchSource``).
@Suite struct RefreshedTests {
  /// Stored documents, a scan of some of them and new files, and what reading it gave: about
  /// a third of the stored files still there are found as stored.
  private static func scenario(seed: UInt64) -> (
    ChangeSet, [CorpusAnalyzer.FileOutcome], [String: StoredDocument]
  ) {
    var random = SplitMix(seed: seed)
    var stored: [String: StoredDocument] = [:]
    for index in 0..<Int.random(in: 0...40, using: &random) {
      let path = "known\(index).txt"
      let accepted = Int.random(in: 0..<4, using: &random) > 0
      stored[path] = StoredDocument(
        path: path, size: 10, modified: 1,
        hash: ContentHash.hex(UInt64.random(in: 0...UInt64.max, using: &random)),
        date: accepted ? CalendarDate(year: 2010 + index % 7, month: 5, day: 6) : nil,
        accepted: accepted, reason: accepted ? nil : "no header")
    }
    var files = stored.keys.filter { _ in Bool.random(using: &random) }.map {
      CorpusFile(path: $0, fullPath: "/c/" + $0, size: 12, modified: Int64($0.utf8.count))
    }
    for index in 0..<Int.random(in: 0...20, using: &random) {
      files.append(CorpusFile(path: "new\(index).txt", fullPath: "/c/n", size: 4, modified: 2))
    }
    files.sort { $0.path.precedesInByteOrder($1.path) }
    let changes = ChangeSet(files: files, skipped: [], stored: stored)
    let outcomes = changes.toRead.map { file in
      if let old = stored[file.path], Int.random(in: 0..<3, using: &random) == 0 {
        return CorpusAnalyzer.FileOutcome(
          file: file, digest: old.contentHash.digest, date: nil, rejection: nil, repaired: false,
          sameAsStored: true)
      }
      return CorpusAnalyzer.FileOutcome(
        file: file, digest: UInt64.random(in: 0...UInt64.max, using: &random),
        date: CalendarDate(year: 2012, month: 1, day: 1), rejection: nil, repaired: false)
    }
    return (changes, outcomes, stored)
  }

  /// Each touched file read, in order, with what the state holds of it, whether the outcomes
  /// are a list of their own or a run's (``CorpusAnalyzer/FileOutcomes``, whose files are
  /// shared); the touches made one at a time are the list's.
  @Test(arguments: 0..<60 as Range<UInt64>)
  func theTouchedFilesAreThoseFoundAsStored(seed: UInt64) throws {
    let (changes, outcomes, stored) = Self.scenario(seed: seed)
    let expected = outcomes.filter(\.sameAsStored).map {
      ($0.file.path, ChangeSet.Known(stored[$0.file.path]!))
    }
    for reconciliation in [
      changes.reconcile(outcomes), changes.reconcile(CorpusAnalyzer.FileOutcomes(outcomes)),
    ] {
      let refreshed = reconciliation.refreshed
      #expect(refreshed.count == expected.count && reconciliation.touched == expected.count)
      #expect(refreshed.map(\.file.path) == expected.map(\.0))
      #expect(refreshed.map(\.known) == expected.map(\.1))
      #expect(
        reconciliation.touches
          == outcomes.filter(\.sameAsStored).map {
            TouchedDocument(path: $0.file.path, size: 12, modified: Int64($0.file.path.utf8.count))
          })
      let source = reconciliation.touchSource
      let made = Mutex<[TouchedDocument]>([])
      let writeEach = source.forEach
      try writeEach { touch in made.withLock { $0.append(touch) } }
      #expect(source.count == expected.count)
      #expect(made.withLock { $0 } == reconciliation.touches)
    }
  }
}
