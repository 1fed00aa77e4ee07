import Foundation
import TestSupport
import Testing

/// Workers open the next files they take before reading them; under a low limit on open files
/// they open fewer ahead, and every file is still read, never rejected for want of a file
/// descriptor. A run raises a low soft limit to the hard one, and a limit it cannot raise to
/// what it needs stops it before it opens anything.
@Suite(.serialized) struct OpenFileLimitTests {
  func xml(_ folder: URL) throws -> String {
    try PublishedXML.read(in: folder, keepingSinceLastRun: true)
  }

  @Test func aLowLimitStillReadsEveryFile() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let corpus = root.appendingPathComponent("corpus")
    try KilledRunTests.makeCorpus(at: corpus, articles: 400, seed: 3)
    let reference = root.appendingPathComponent("reference")
    #expect(
      try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", reference.path]).status == 0)

    // Two workers with eight files open each, beside the state, the scratch file and the
    // standard streams, would need more than 20 descriptors.
    let limited = root.appendingPathComponent("limited")
    let run = try BinaryRunner.run(
      ["run", "--corpus", corpus.path, "--out", limited.path], openFiles: 20)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stderr.contains("unreadable"))
    #expect(try xml(limited) == xml(reference))
  }

  /// Below ``OpenFileLimit/needed`` (20) the first run on the seeds failed at the state
  /// database ("unable to open database file", from 16 down); now `run` and `report` say what
  /// the limit is, and leave everything as it was.
  @Test func aLimitTooLowStopsTheRunAndSaysSo() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let out = root.appendingPathComponent("out")
    let run = try BinaryRunner.run(["run", "--corpus", "seeds", "--out", out.path], openFiles: 16)
    #expect(run.status == 1)
    #expect(
      run.stderr.contains("this process may open only 16 files at once (ulimit -n)"),
      "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path))

    #expect(try BinaryRunner.run(["run", "--corpus", "seeds", "--out", out.path]).status == 0)
    let published = try xml(out)
    let report = try BinaryRunner.run(["report", "--out", out.path], openFiles: 12)
    #expect(report.status == 1)
    #expect(report.stderr.contains("may open only 12 files at once"), "\(report.stderr)")
    #expect(try xml(out) == published)
  }

  /// A soft limit far below the hard one is raised: the same run that a hard limit of 16 stops
  /// succeeds with a soft limit of 16 under a hard limit of 1,024.
  @Test func aLowSoftLimitIsRaised() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let out = root.appendingPathComponent("out")
    let run = try BinaryRunner.run(
      ["run", "--corpus", "seeds", "--out", out.path], openFiles: 16, hardOpenFiles: 1024)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("almanac.xml").path))
  }
}
