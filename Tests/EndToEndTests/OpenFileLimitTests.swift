import Foundation
import TestSupport
import Testing

/// Workers open the next files they take before reading them; under a low limit on open files
/// they open fewer ahead, and every file is still read, never rejected for want of a file
/// descriptor.
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
}
