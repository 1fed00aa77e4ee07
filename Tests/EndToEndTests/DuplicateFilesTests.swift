import Foundation
import LibXML
import TestSupport
import Testing

/// An article saved twice is counted once, by a full run and by the nightly runs that follow,
/// and the report names the copy.
@Suite(.serialized) struct DuplicateFilesTests {
  /// The figures of a published report: the corpus' counts, and every element that counts
  /// something, as written but for its evidence.
  func figures(_ folder: URL) throws -> [String] {
    let xml = try String(contentsOf: folder.appendingPathComponent("almanac.xml"), encoding: .utf8)
    let bytes = Array(xml.utf8)
    let corpus = try #require(
      XMLDocument.parse(bytes, name: "almanac.xml").root.children(named: "corpus").first)
    var figures = ["documents", "tokens", "rejected"].map { corpus.attribute($0) ?? "-" }
    for name in ["years", "terms", "organizations", "cooccurrences"] {
      let start = try #require(xml.range(of: "<" + name))
      let end = try #require(xml.range(of: "</" + name + ">"))
      // Without the evidence lines, which quote whichever copy is counted.
      figures.append(
        String(xml[start.lowerBound..<end.upperBound]).replacing(
          /<evidence [^>]*>[^<]*(<hit>[^<]*<\/hit>[^<]*)*<\/evidence>/, with: ""))
    }
    return figures
  }

  func listed(_ folder: URL) throws -> [String] {
    let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("almanac.xml")))
    let root = try XMLDocument.parse(bytes, name: "almanac.xml").root
    return (root.children(named: "duplicates").first?.children ?? []).map {
      ($0.attribute("path") ?? "") + " < " + ($0.attribute("original") ?? "")
    }
  }

  /// An article saved again with CR LF line ends (or lone CRs) is the same text: a copy,
  /// counted once; one with another word is not.
  /// The report of the seeds alone, in `root/reference`, and a copy of the seeds in
  /// `root/corpus` to add copies to.
  func seedsAndTheirReport(in root: URL) throws -> (reference: URL, corpus: URL) {
    let seeds = BinaryRunner.repositoryRoot.appendingPathComponent("seeds")
    let reference = root.appendingPathComponent("reference")
    #expect(
      try BinaryRunner.run(["run", "--corpus", seeds.path, "--out", reference.path]).status == 0)
    let corpus = root.appendingPathComponent("corpus")
    try FileManager.default.copyItem(at: seeds, to: corpus)
    return (reference, corpus)
  }

  @Test func aCopyWithOtherLineEndsIsACopy() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let (reference, corpus) = try seedsAndTheirReport(in: root)
    let text = try String(
      contentsOf: corpus.appendingPathComponent("002_139cab1db7a7b812.txt"), encoding: .utf8)
    #expect(text.contains("\n"))
    try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(
      to: corpus.appendingPathComponent("crlf.txt"))
    try Data(text.replacingOccurrences(of: "\n", with: "\r").utf8).write(
      to: corpus.appendingPathComponent("cr.txt"))
    let out = root.appendingPathComponent("out")
    let run = try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try figures(out) == figures(reference))
    #expect(
      try listed(out) == [
        "cr.txt < 002_139cab1db7a7b812.txt", "crlf.txt < 002_139cab1db7a7b812.txt",
      ])

    // Another word is another article, whatever its line ends.
    try Data(text.replacingOccurrences(of: "\n", with: "\r\n").appending(" Edited.").utf8).write(
      to: corpus.appendingPathComponent("crlf.txt"))
    #expect(try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path]).status == 0)
    #expect(try listed(out) == ["cr.txt < 002_139cab1db7a7b812.txt"])
    #expect(try figures(out) != figures(reference))
  }

  @Test func aCopyIsCountedOnceAndNamedTillItsOriginalGoes() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let (reference, corpus) = try seedsAndTheirReport(in: root)
    let original = corpus.appendingPathComponent("002_139cab1db7a7b812.txt")
    // Before the original in byte order, and in a folder of its own.
    let copy = corpus.appendingPathComponent("0/saved again.txt")
    try FileManager.default.createDirectory(
      at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: original, to: copy)
    let out = root.appendingPathComponent("out")
    let first = try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.isEmpty, "a copy is no error: \(first.stderr)")
    #expect(try figures(out) == figures(reference))
    #expect(try listed(out) == ["002_139cab1db7a7b812.txt < 0/saved again.txt"])
    let xml = try String(contentsOf: out.appendingPathComponent("almanac.xml"), encoding: .utf8)
    #expect(xml.contains(#"duplicates="1""#))
    // Evidence quotes the file counted, never its copy.
    #expect(!xml.contains(#"<evidence path="002_139cab1db7a7b812.txt""#))
    #expect(xml.contains(#"<evidence path="0/saved again.txt""#))

    // The original removed, the copy is counted in its place; then a copy of a copy.
    try FileManager.default.removeItem(at: copy)
    #expect(try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path]).status == 0)
    #expect(try figures(out) == figures(reference))
    #expect(try listed(out).isEmpty)
    // A run that finds nothing changed lists what the state holds, copies or none.
    #expect(try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path]).status == 0)
    #expect(try listed(out).isEmpty)
    try FileManager.default.copyItem(at: original, to: corpus.appendingPathComponent("z.txt"))
    #expect(try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path]).status == 0)
    #expect(try figures(out) == figures(reference))
    #expect(try listed(out) == ["z.txt < 002_139cab1db7a7b812.txt"])
    #expect(try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path]).status == 0)
    #expect(try figures(out) == figures(reference))
    #expect(try listed(out) == ["z.txt < 002_139cab1db7a7b812.txt"])
    let state = out.appendingPathComponent(".almanac/state.sqlite").path
    let again = root.appendingPathComponent("again")
    #expect(
      try BinaryRunner.run(["report", "--state", state, "--out", again.path]).status == 0)
    #expect(try listed(again) == ["z.txt < 002_139cab1db7a7b812.txt"])
  }
}
