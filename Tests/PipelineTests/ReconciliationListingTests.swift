import Corpus
import Pipeline
import Store
import TestSupport
import Testing

/// A reconciliation that leaves the records of the files read to its caller
/// (`listingReads: false`, as a full rebuild writes them straight from the outcomes) tells
/// exactly what one that lists them tells.
@Suite struct ReconciliationListingTests {
  /// Six contents: few enough that files share their bytes (copies) and renamed files meet
  /// their stored bytes again (moves).
  private static let contents: [UInt64] = (0..<6).map { ContentHash.hash(Array("c\($0)".utf8)) }

  private static func date(_ year: Int) -> CalendarDate {
    CalendarDate(year: year, month: 3, day: 1)!
  }

  /// A state, a scan and what reading it gave, all drawn from `seed`.
  private static func scenario(seed: UInt64) -> (ChangeSet, [CorpusAnalyzer.FileOutcome]) {
    var random = SplitMix(seed: seed)
    var stored: [String: StoredDocument] = [:]
    for index in 0..<Int.random(in: 0...12, using: &random) {
      let year = Bool.random(using: &random) ? nil : Int.random(in: 2015...2019, using: &random)
      let path = "known\(index).txt"
      stored[path] = StoredDocument(
        path: path, size: 10, modified: 1,
        hash: ContentHash.hex(contents.randomElement(using: &random)!),
        date: year.map(date), accepted: year != nil, reason: year == nil ? "no header" : nil)
    }
    // Some stored files still there (read again: their time changed), and new ones.
    var files = stored.keys.sorted().filter { _ in Int.random(in: 0..<3, using: &random) > 0 }
      .map { CorpusFile(path: $0, fullPath: "/c/" + $0, size: 10, modified: 2) }
    for index in 0..<Int.random(in: 0...12, using: &random) {
      files.append(
        CorpusFile(path: "new\(index).txt", fullPath: "/c/new\(index).txt", size: 4, modified: 2))
    }
    files.sort { $0.path.precedesInByteOrder($1.path) }
    let changes = ChangeSet(files: files, skipped: [], stored: stored)
    let outcomes = changes.toRead.map { file in
      let old = stored[file.path]
      if let old, old.accepted, Int.random(in: 0..<4, using: &random) == 0 {
        // Touched, found as it was.
        return CorpusAnalyzer.FileOutcome(
          file: file, digest: old.contentHash.digest, date: nil, rejection: nil, repaired: false,
          sameAsStored: true)
      }
      let rejected = Int.random(in: 0..<5, using: &random) == 0
      return CorpusAnalyzer.FileOutcome(
        file: file, digest: contents.randomElement(using: &random)!,
        date: rejected ? nil : date(Int.random(in: 2015...2019, using: &random)),
        rejection: rejected ? .emptyBody : nil, repaired: Bool.random(using: &random),
        isCopy: Bool.random(using: &random))
    }
    return (changes, outcomes)
  }

  @Test(arguments: 0..<200 as Range<UInt64>)
  func leavingTheRecordsOutChangesNothingElse(seed: UInt64) {
    let (changes, outcomes) = Self.scenario(seed: seed)
    let listed = changes.reconcile(outcomes)
    let unlisted = changes.reconcile(outcomes, listingReads: false)
    #expect(unlisted.upserts.isEmpty)
    // The listed records are those of the files read that were not found as stored.
    let read = outcomes.filter { !$0.sameAsStored }
    #expect(listed.upserts.map(\.path) == read.map(\.file.path))
    #expect(listed.upserts.map(\.accepted) == read.map { $0.rejection == nil })
    #expect(listed.upserts.map(\.year) == read.map { $0.date?.year })
    #expect(listed.upserts.map(\.hash) == read.map { ContentHash.hex($0.digest!) })
    #expect(unlisted.added == listed.added)
    #expect(unlisted.changed == listed.changed)
    #expect(unlisted.removed == listed.removed)
    #expect(unlisted.moved == listed.moved)
    #expect(unlisted.touched == listed.touched)
    #expect(unlisted.removals == listed.removals)
    #expect(unlisted.touches == listed.touches)
    #expect(unlisted.affectedYears == listed.affectedYears)
    #expect(unlisted.changedYears == listed.changedYears)
    #expect(unlisted.newDocumentsPerYear == listed.newDocumentsPerYear)
    #expect(unlisted.unreported == listed.unreported)
    // Every year a file read is in is affected, listed or not.
    let readYears = Set(read.compactMap { $0.date?.year })
    #expect(readYears.isSubset(of: unlisted.affectedYears))
  }

  /// The scenarios hold what the comparison is there to check: moves, copies, changes.
  @Test func theScenariosMoveCopyAndChangeFiles() {
    var moved = 0
    var copies = 0
    var changed = 0
    for seed in 0..<200 as Range<UInt64> {
      let (changes, outcomes) = Self.scenario(seed: seed)
      let result = changes.reconcile(outcomes, listingReads: false)
      moved += result.moved
      copies += result.copies.added
      changed += result.changed
    }
    #expect(moved > 20)
    #expect(copies > 20)
    #expect(changed > 20)
  }
}
