import ReportModel
import Testing

/// Which files a report lists as copies: of the files that share their bytes, every one but the
/// first in byte order of their paths, each with that first one.
@Suite struct DuplicateFileTests {
  @Test func everyFileButTheFirstOfItsBytesIsACopyOfTheFirst() {
    let listed = DuplicateFile.listed([
      (path: "a.txt", digest: "x"), (path: "b.txt", digest: "y"), (path: "c.txt", digest: "x"),
      (path: "d/e.txt", digest: "x"), (path: "d/f.txt", digest: "y"), (path: "g.txt", digest: "z"),
    ])
    #expect(
      listed == [
        DuplicateFile(path: "c.txt", original: "a.txt"),
        DuplicateFile(path: "d/e.txt", original: "a.txt"),
        DuplicateFile(path: "d/f.txt", original: "b.txt"),
      ])
  }

  @Test func filesOfTheirOwnBytesAreNoCopies() {
    #expect(
      DuplicateFile.listed([(path: "a.txt", digest: "x"), (path: "b.txt", digest: "y")]).isEmpty)
    #expect(DuplicateFile.listed([(path: String, digest: String)]()).isEmpty)
  }

  /// The summary counts what the list holds; listing again replaces, never adds.
  @Test func listingCountsTheCopiesInTheSummary() {
    let report = SliceReport.build([], pairs: 10)
    let copies = [
      DuplicateFile(path: "b.txt", original: "a.txt"),
      DuplicateFile(path: "c.txt", original: "a.txt"),
    ]
    let listed = report.listing(duplicates: copies)
    #expect(listed.duplicates == copies)
    #expect(listed.corpus.duplicates == 2)
    #expect(listed.corpus.documents == report.corpus.documents)
    #expect(listed.listing(duplicates: []).corpus.duplicates == 0)
    #expect(report.corpus.duplicates == 0)
    #expect(report.duplicates.isEmpty)
  }
}
