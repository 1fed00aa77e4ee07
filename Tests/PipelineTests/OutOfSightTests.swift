import Foundation
import Pipeline
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A counted file that the scan can no longer examine (replaced by a symbolic link, which the
/// scan skips) is rejected and its year recounted without it, as a full rebuild does; before,
/// it stayed counted in its year for good.
@Suite(.serialized) struct OutOfSightTests {
  let articles = ArticleCorpus("out-of-sight")

  @Test func aCountedFileReplacedByALinkIsRecountedOutOfItsYear() throws {
    defer { articles.remove() }
    try articles.write("a.txt", date: "2019-03-01", "Apples grow well. Apples are red.")
    try articles.write("b.txt", date: "2019-05-01", "Bananas grow in the south.")
    try articles.write("c.txt", date: "2020-05-01", "Cherries were sold at the market.")
    _ = try ReportJob.run(articles.options(out: "out"))

    // a.txt becomes a link to a file outside the corpus, with the same text.
    let outside = articles.root.appendingPathComponent("outside.txt")
    let a = articles.folder.appendingPathComponent("a.txt")
    try FileManager.default.copyItem(at: a, to: outside)
    try FileManager.default.removeItem(at: a)
    #expect(symlink(outside.path, a.path) == 0)

    let incremental = try ReportJob.run(articles.options(out: "out"))
    #expect(incremental.changes.changed == 1)
    #expect(incremental.report.rejected.map(\.path) == ["a.txt"])
    #expect(incremental.report.corpus.documents == 2)
    let full = try ReportJob.run(articles.options(out: "full", full: true))
    #expect(full.report.rejected.map(\.path) == ["a.txt"])
    let expected = try PublishedXML.read(in: articles.root.appendingPathComponent("full"))
    #expect(try PublishedXML.read(in: articles.root.appendingPathComponent("out")) == expected)
    #expect(!expected.contains("apples"))

    // The next run finds nothing more to change.
    let next = try ReportJob.run(articles.options(out: "out"))
    #expect(
      [next.changes.added, next.changes.changed, next.changes.removed] == [0, 0, 0] as [Int])
    #expect(try PublishedXML.read(in: articles.root.appendingPathComponent("out")) == expected)

    // Back as a file, it is counted again.
    try FileManager.default.removeItem(at: a)
    try articles.write("a.txt", date: "2019-03-01", "Apples grow well. Apples are red.")
    _ = try ReportJob.run(articles.options(out: "out"))
    _ = try ReportJob.run(articles.options(out: "full", full: true))
    let again = try PublishedXML.read(in: articles.root.appendingPathComponent("full"))
    #expect(try PublishedXML.read(in: articles.root.appendingPathComponent("out")) == again)
    #expect(again.contains("apples"))
  }
}
