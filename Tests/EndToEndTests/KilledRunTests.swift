import Foundation
import LibXML
import TestSupport
import Testing

/// SIGKILL at random moments of a long run: the published reports stay intact and valid, and
/// the next run ends where an uninterrupted run would.
@Suite(.serialized) struct KilledRunTests {
  /// A corpus big enough that a run takes a noticeable time (a few thousand articles).
  static func makeCorpus(at folder: URL, articles: Int, seed: Int) throws {
    let words = [
      "trade", "summit", "integration", "security", "energy", "grain", "border", "treaty",
      "EAEU", "NATO", "the Eurasian Economic Union", "ОДКБ", "торговля", "Bishkek", "visit",
    ]
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for index in 0..<articles {
      var text = " date \(2010 + next(12))-0\(1 + next(9))-1\(next(9)) "
      for _ in 0..<200 { text += words[next(words.count)] + (next(12) == 0 ? ". " : " ") }
      let url = folder.appendingPathComponent("y\(index % 7)/a\(index).txt")
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
  }

  func stripped(_ url: URL) throws -> String { try PublishedXML.read(in: url) }

  @Test func killedRunsLoseNothing() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let corpus = root.appendingPathComponent("corpus")
    let out = root.appendingPathComponent("out")
    try Self.makeCorpus(at: corpus, articles: 300, seed: 1)
    #expect(try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path]).status == 0)
    try Self.makeCorpus(at: corpus, articles: 1500, seed: 2)  // rewrites and adds: a long run

    for delay in [30_000, 150_000, 400_000] as [UInt32] {
      let process = Process()
      process.executableURL = BinaryRunner.executable
      process.arguments = ["run", "--corpus", corpus.path, "--out", out.path, "--full"]
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      // Whatever moment it died, the published XML is complete and valid: old or new.
      let check = try BinaryRunner.run(["validate", out.appendingPathComponent("almanac.xml").path])
      #expect(check.status == 0, "after a kill at \(delay) µs: \(check.stderr)")
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path)
        .filter { $0.contains(".tmp-") }
      #expect(
        leftovers.allSatisfy { $0.hasPrefix(".") }, "temporary files are hidden: \(leftovers)")
    }

    let resumed = try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    // What the killed runs left half written or half published is gone.
    let archive = out.appendingPathComponent("archive")
    let folders =
      [out.path]
      + (try FileManager.default.contentsOfDirectory(atPath: archive.path)).map {
        archive.appendingPathComponent($0).path
      }
    for folder in folders {
      let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        .filter { $0.hasPrefix(".") && $0 != ".almanac" }
      #expect(left.isEmpty, "left in \(folder): \(left)")
    }
    let reference = root.appendingPathComponent("reference")
    #expect(
      try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", reference.path]).status == 0)
    let resumedXML = try stripped(out)
    let referenceXML = try stripped(reference)
    #expect(resumedXML == referenceXML)
  }
}
