import Foundation
import Testing

/// A corpus folder that comes up empty after runs that counted articles there (an unmounted
/// share leaves its empty mount point) stops the run: the published reports and the state stay
/// as they were, and the message says how to publish an empty report on purpose.
@Suite(.serialized) struct EmptyCorpusTests {
  /// The published files of `folder` (reports and CSV files) with their bytes.
  func published(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where name.hasPrefix("almanac") {
      files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
  }

  func documents(_ folder: URL) throws -> String? {
    let xml = try String(contentsOf: folder.appendingPathComponent("almanac.xml"), encoding: .utf8)
    return xml.firstMatch(of: /<corpus [^>]*documents="([0-9]+)"/).map { String($0.1) }
  }

  /// A copy of the seeds in `root`, counted and published by a first run.
  func countedSeeds(in root: URL) throws -> (corpus: URL, out: URL) {
    let corpus = root.appendingPathComponent("corpus")
    let out = root.appendingPathComponent("out")
    try FileManager.default.copyItem(
      at: BinaryRunner.repositoryRoot.appendingPathComponent("seeds"), to: corpus)
    #expect(try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path]).status == 0)
    return (corpus, out)
  }

  /// Moves the files of `corpus` to `away` in `root` and leaves the folder there, empty.
  func emptied(_ corpus: URL, in root: URL) throws -> URL {
    let away = root.appendingPathComponent("away")
    try FileManager.default.moveItem(at: corpus, to: away)
    try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: false)
    return away
  }

  @Test func anEmptiedCorpusChangesNothingUnlessAllowed() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let (corpus, out) = try countedSeeds(in: root)
    let before = try published(out)
    #expect(try documents(out) == "2")

    // The files gone, the folder still there (an empty mount point), for a nightly and a full run.
    let away = try emptied(corpus, in: root)
    for extra in [[], ["--full"]] {
      let stopped = try BinaryRunner.run(
        ["run", "--corpus", corpus.path, "--out", out.path] + extra)
      #expect(stopped.status == 1, "\(extra)")
      #expect(
        stopped.stderr.contains(
          "corpus folder '\(corpus.path)' holds no article (*.txt), but the state counted"
            + " 2 documents there; nothing was changed or published"), "\(stopped.stderr)")
      #expect(stopped.stderr.contains("--allow-empty-corpus"))
      #expect(try published(out) == before)
    }

    // The files back: the state was not changed, so there is nothing to read.
    try FileManager.default.removeItem(at: corpus)
    try FileManager.default.moveItem(at: away, to: corpus)
    let back = try BinaryRunner.run(
      ["run", "--corpus", corpus.path, "--out", out.path, "--log-level", "info"])
    #expect(back.status == 0)
    #expect(back.stderr.contains("2 files: 0 to read, 2 unchanged, 0 gone"), "\(back.stderr)")

    // Emptied on purpose.
    try FileManager.default.removeItem(at: corpus)
    try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: false)
    let allowed = try BinaryRunner.run(
      ["run", "--corpus", corpus.path, "--out", out.path, "--allow-empty-corpus"])
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(try documents(out) == "0")
    // Now the state counts nothing there: an empty folder is just an empty corpus.
    #expect(try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path]).status == 0)
  }

  /// A folder whose only entry the scan passes over (here a link, which is never followed) is
  /// not an empty mount point: the run goes on and says why it counted nothing there.
  @Test func aCorpusOfEntriesPassedOverIsNotStopped() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let (corpus, out) = try countedSeeds(in: root)
    let away = try emptied(corpus, in: root)
    try FileManager.default.createSymbolicLink(
      at: corpus.appendingPathComponent("articles"), withDestinationURL: away)
    let result = try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path])
    #expect(result.status == 3, "\(result.stderr)")
    #expect(result.stderr.contains("articles"), "\(result.stderr)")
    #expect(!result.stderr.contains("--allow-empty-corpus"))
  }
}
