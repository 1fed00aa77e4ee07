import Foundation
import LibXML
import TestSupport
import Testing

/// The nightly behaviour of the built binary: state, lock, re-rendering, killed runs.
@Suite(.serialized) struct NightlyRunTests {
  func xml(_ folder: URL) throws -> String {
    try String(contentsOf: folder.appendingPathComponent("almanac.xml"), encoding: .utf8)
  }

  func withoutRunMetadata(_ xml: String) -> String { PublishedXML.withoutRunMetadata(xml) }

  /// A copy of the repository's seeds in `root`.
  func seedsCorpus(in root: URL) throws -> URL {
    let corpus = root.appendingPathComponent("corpus")
    try FileManager.default.copyItem(
      at: BinaryRunner.repositoryRoot.appendingPathComponent("seeds"), to: corpus)
    return corpus
  }

  @Test func aSecondRunExitsWith75AndNamesTheHolder() throws {
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    let stateFolder = out.appendingPathComponent(".almanac")
    try FileManager.default.createDirectory(at: stateFolder, withIntermediateDirectories: true)
    let lock = stateFolder.appendingPathComponent("state.sqlite.lock")
    // A process that holds the lock the way a running almanac does, with its pid in the file.
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    holder.arguments = [
      "python3", "-c",
      "import fcntl, os, sys, time\n"
        + "f = open(sys.argv[1], 'w'); fcntl.flock(f, fcntl.LOCK_EX)\n"
        + "f.write(str(os.getpid())); f.flush(); time.sleep(30)",
      lock.path,
    ]
    try holder.run()
    defer { holder.terminate() }
    var waited = 0
    while (try? String(contentsOf: lock, encoding: .utf8))?.isEmpty ?? true, waited < 100 {
      usleep(20_000)
      waited += 1
    }
    usleep(200_000)
    let pid = holder.processIdentifier
    let result = try BinaryRunner.run(["run", "--out", out.path])
    #expect(result.status == 75)
    #expect(result.stderr.contains("process \(pid)"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("almanac.xml").path))

    // Killed with SIGKILL, the holder leaves no stale lock.
    kill(pid, SIGKILL)
    holder.waitUntilExit()
    #expect(try BinaryRunner.run(["run", "--out", out.path]).status == 0)
  }

  /// A lock file that cannot be made (a folder holds its name) is a failure like any other:
  /// exit status 1 with the reason, not 75, on which a scheduler would retry for ever.
  @Test func aLockThatCannotBeMadeFailsWith1Not75() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let corpus = try seedsCorpus(in: root)
    let out = root.appendingPathComponent("out")
    let lock = out.appendingPathComponent(".almanac/state.sqlite.lock")
    try FileManager.default.createDirectory(at: lock, withIntermediateDirectories: true)
    let result = try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("state.sqlite.lock"), "\(result.stderr)")
    #expect(result.stderr.contains("Is a directory"), "\(result.stderr)")
    let state = out.appendingPathComponent(".almanac/state.sqlite").path
    let report = try BinaryRunner.run(["report", "--state", state, "--out", out.path])
    #expect(report.status == 1, "\(report.stderr)")
  }

  /// `almanac report` says which stopwords and registry the stored figures were counted with,
  /// needs neither file again, and takes no option that would change them.
  @Test func reportStatesTheStopwordsAndRegistryTheFiguresWereCountedWith() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let corpus = try seedsCorpus(in: root)
    let out = root.appendingPathComponent("out")
    let stopwords = root.appendingPathComponent("mine.txt")
    try Data("eurasian\n".utf8).write(to: stopwords)
    let registry = root.appendingPathComponent("registry.tsv")
    try Data("grain\tGrain Board\tGrain Board\n".utf8).write(to: registry)
    let run = try BinaryRunner.run([
      "run", "--corpus", corpus.path, "--out", out.path, "--stopwords", stopwords.path,
      "--organizations", registry.path,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    func provenance(_ xml: String) -> [String] {
      ["stopwords", "registryVersion"].map { name in
        xml.components(separatedBy: "\(name)=\"").dropFirst().first?
          .components(separatedBy: "\"").first ?? "none"
      }
    }
    let published = provenance(try xml(out))
    #expect(published[0].contains("mine.txt"), "\(published)")
    #expect(published[1].contains("+"), "the built-in registry with the added one: \(published)")

    try FileManager.default.removeItem(at: stopwords)
    try FileManager.default.removeItem(at: registry)
    let again = root.appendingPathComponent("again")
    let state = out.appendingPathComponent(".almanac/state.sqlite").path
    let report = try BinaryRunner.run(["report", "--state", state, "--out", again.path])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(provenance(try xml(again)) == published)
    #expect(withoutRunMetadata(try xml(again)) == withoutRunMetadata(try xml(out)))

    let refused = try BinaryRunner.run([
      "report", "--state", state, "--out", again.path, "--stopwords", "/dev/null",
    ])
    #expect(refused.status == 64, "\(refused.stderr)")
  }

  @Test func reportRerendersFromTheStateAlone() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let corpus = try seedsCorpus(in: root)
    let out = root.appendingPathComponent("out")
    #expect(try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path]).status == 0)
    try FileManager.default.removeItem(at: corpus)  // the corpus is gone

    let again = root.appendingPathComponent("again")
    let state = out.appendingPathComponent(".almanac/state.sqlite").path
    let result = try BinaryRunner.run(["report", "--state", state, "--out", again.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(withoutRunMetadata(try xml(again)) == withoutRunMetadata(try xml(out)))

    let fewer = try BinaryRunner.run([
      "report", "--state", state, "--out", again.path, "--top", "3",
    ])
    #expect(fewer.status == 0)
    // The top terms alone (the comparisons list terms too): three unigrams and three bigrams.
    let topTerms =
      try xml(again).components(separatedBy: "<terms>").dropFirst().first?
      .components(separatedBy: "</terms>").first ?? ""
    #expect(topTerms.components(separatedBy: "<term text=").count - 1 == 6)
  }

  /// A run killed between two renames left the XML of its batch in place and the rest under
  /// temporary names, with the journal of the renames: the next run, even one that fails at
  /// once, puts the whole batch in place first and says so.
  @Test func theNextRunFinishesAPublishThatWasStopped() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let corpus = try seedsCorpus(in: root)
    let out = root.appendingPathComponent("out")
    let next = root.appendingPathComponent("next")
    #expect(try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path]).status == 0)
    let seeds = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
    try FileManager.default.removeItem(at: corpus.appendingPathComponent(seeds[0]))
    #expect(try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", next.path]).status == 0)

    /// The published files of a folder (its visible regular files) and their bytes.
    func published(_ folder: URL) throws -> [String: Data] {
      var files: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
      where !name.hasPrefix(".") && name != "archive" {
        files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
      }
      return files
    }
    let batch = try published(next)
    let before = try published(out)
    #expect(batch.count >= 3 && batch != before)
    var journal = ""
    for (name, bytes) in batch {
      if name == "almanac.xml" {
        try bytes.write(to: out.appendingPathComponent(name))
      } else {
        try bytes.write(to: out.appendingPathComponent(".\(name).tmp-4242"))
      }
      journal += ".\(name).tmp-4242/\(name)/.\(name).old-4242\n"
    }
    try Data(journal.utf8).write(to: out.appendingPathComponent(".almanac-publishing"))

    let missing = root.appendingPathComponent("no-such-corpus").path
    let failed = try BinaryRunner.run(["run", "--corpus", missing, "--out", out.path])
    #expect(failed.status != 0)
    #expect(failed.stderr.contains("stopped while publishing"), "\(failed.stderr)")
    #expect(try published(out) == batch)
    let hidden = try FileManager.default.contentsOfDirectory(atPath: out.path)
      .filter { $0.hasPrefix(".") && $0 != ".almanac" }
    #expect(hidden.isEmpty, "\(hidden)")
  }

  @Test func aRunWithNoChangeReadsNothingAndAgreesWithAFullRun() throws {
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    #expect(try BinaryRunner.run(["run", "--out", out.path]).status == 0)
    let first = try xml(out)
    let page = out.appendingPathComponent("almanac.html")
    #expect(try String(contentsOf: page, encoding: .utf8).contains("First run of this state:"))
    let second = try BinaryRunner.run(["run", "--out", out.path, "--log-level", "info"])
    #expect(second.status == 0)
    #expect(second.stderr.contains("0 to read, 2 unchanged"))
    #expect(withoutRunMetadata(try xml(out)) == withoutRunMetadata(first))
    #expect(try xml(out).contains("<sinceLastRun previousRunAt="))
    let since = try String(contentsOf: page, encoding: .utf8)
    #expect(since.contains("Changes since the previous run, published "))
    #expect(!since.contains("First run of this state"))
    let archive = out.appendingPathComponent("archive")
    let days = try FileManager.default.contentsOfDirectory(atPath: archive.path)
    #expect(days.count == 1)
    // The day's copy holds the reports and every file its page links, byte for byte.
    let day = archive.appendingPathComponent(try #require(days.first))
    let copied = Set(try FileManager.default.contentsOfDirectory(atPath: day.path))
    let html = try String(contentsOf: day.appendingPathComponent("almanac.html"), encoding: .utf8)
    let linked = html.components(separatedBy: #"href=""#).dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }.filter { !$0.hasPrefix("#") }
    #expect(linked.contains("almanac-organizations.csv"))
    for name in linked + ["almanac.xml", "almanac.html"] {
      #expect(copied.contains(name), "\(name) is not in the archive")
      #expect(
        FileManager.default.contents(atPath: day.appendingPathComponent(name).path)
          == FileManager.default.contents(atPath: out.appendingPathComponent(name).path))
    }
  }

  /// A corpus copied again without its modification times (`rsync` without `-t`, a restore):
  /// every file is read and hashed, none is counted again, the reports are the same, the run is
  /// quiet at the default level, and the next run reads nothing.
  @Test func aCorpusCopiedWithoutItsTimesIsReadButNotRecounted() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let corpus = try seedsCorpus(in: root)
    let out = root.appendingPathComponent("out")
    let arguments = ["run", "--corpus", corpus.path, "--out", out.path]
    #expect(try BinaryRunner.run(arguments).status == 0)
    let first = try xml(out)
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
    #expect(names.count == 2)
    func touchAll(_ seconds: TimeInterval) throws {
      for name in names {
        try FileManager.default.setAttributes(
          [.modificationDate: Date(timeIntervalSinceNow: seconds)],
          ofItemAtPath: corpus.appendingPathComponent(name).path)
      }
    }
    try touchAll(60)
    let touched = try BinaryRunner.run(arguments + ["--log-level", "info"])
    #expect(touched.status == 0, "\(touched.stderr)")
    #expect(touched.stderr.contains("2 to read, 0 unchanged"), "\(touched.stderr)")
    #expect(touched.stderr.contains("not counted again: 2"), "\(touched.stderr)")
    #expect(!touched.stderr.contains("recounting"), "\(touched.stderr)")
    #expect(withoutRunMetadata(try xml(out)) == withoutRunMetadata(first))
    let next = try BinaryRunner.run(arguments + ["--log-level", "info"])
    #expect(next.stderr.contains("0 to read, 2 unchanged"), "\(next.stderr)")
    try touchAll(120)
    let quiet = try BinaryRunner.run(arguments)
    #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
    #expect(withoutRunMetadata(try xml(out)) == withoutRunMetadata(first))
  }

  @Test func aForeignStateIsRefusedAndRebuildStateRecovers() throws {
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    let stateFolder = out.appendingPathComponent(".almanac")
    try FileManager.default.createDirectory(at: stateFolder, withIntermediateDirectories: true)
    let state = stateFolder.appendingPathComponent("state.sqlite")
    try Data("this is not a database, but it is somebody's file".utf8).write(to: state)
    let refused = try BinaryRunner.run(["run", "--out", out.path])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("--rebuild-state"), "\(refused.stderr)")
    #expect(
      try Data(contentsOf: state) == Data("this is not a database, but it is somebody's file".utf8))
    let rebuilt = try BinaryRunner.run(["run", "--out", out.path, "--rebuild-state"])
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
  }

  @Test func aFullDiskFailsCleanlyAndKeepsThePublishedReports() throws {
    // A full disk, simulated with a file-size limit: every write past 64 KiB fails with EFBIG
    // (SIGXFSZ is ignored, so the write returns an error instead of killing the process).
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let out = root.appendingPathComponent("out")
    #expect(try BinaryRunner.run(["run", "--out", out.path]).status == 0)
    let before = try Data(contentsOf: out.appendingPathComponent("almanac.xml"))
    let corpus = root.appendingPathComponent("corpus")
    try KilledRunTests.makeCorpus(at: corpus, articles: 400, seed: 9)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c", "trap '' XFSZ; ulimit -f 128; exec \"$0\" run --corpus \"$1\" --out \"$2\"",
      BinaryRunner.executable.path, corpus.path, out.path,
    ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1, "\(message)")
    #expect(message.contains("almanac: "), "a clear message: \(message)")
    #expect(try Data(contentsOf: out.appendingPathComponent("almanac.xml")) == before)
    let check = try BinaryRunner.run(["validate", out.appendingPathComponent("almanac.xml").path])
    #expect(check.status == 0)
  }

  /// Whether runs in `root` are to be made as nobody (permissions do not bind root), which
  /// then owns `root` and all in it.
  static func ownedByWhoRuns(_ root: URL) throws -> Bool {
    guard getuid() == 0 else { return false }
    chmod(root.path, 0o755)
    let owner = try Process.run(
      URL(fileURLWithPath: "/bin/chown"), arguments: ["-R", "65534:65534", root.path])
    owner.waitUntilExit()
    return true
  }

  /// A counted file made unreadable without changing its size or time (`chmod 000`) is
  /// rejected by the next nightly run, as a full run rejects it, and its year recounted without
  /// it; readable again, it counts again.
  @Test func aFileMadeUnreadableIsRejectedWithoutBeingRead() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let corpus = try seedsCorpus(in: root)
    let (out, full) = (root.appendingPathComponent("out"), root.appendingPathComponent("full"))
    let asNobody = try Self.ownedByWhoRuns(root)
    func run(_ folder: URL, _ extra: [String] = []) throws -> BinaryRunner.Result {
      try BinaryRunner.run(
        ["run", "--corpus", corpus.path, "--out", folder.path] + extra, asNobody: asNobody)
    }
    #expect(try run(out).status == 0)
    let counted = withoutRunMetadata(try xml(out))
    let name = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()[0]
    chmod(corpus.appendingPathComponent(name).path, 0)
    let nightly = try run(out)
    #expect(nightly.status == 3)
    #expect(nightly.stderr.contains(name) && nightly.stderr.contains("Permission denied"))
    #expect(try run(full, ["--full"]).status == 3)
    #expect(withoutRunMetadata(try xml(out)) == withoutRunMetadata(try xml(full)))
    #expect(withoutRunMetadata(try xml(out)) != counted)
    chmod(corpus.appendingPathComponent(name).path, 0o644)
    #expect(try run(out).status == 0)
    #expect(withoutRunMetadata(try xml(out)) == counted)
  }

  /// A state made read-only is refused with a message before SQLite opens it, so that it
  /// leaves no read-only companions behind, and the next run once it is writable again works.
  /// (Permissions do not bind root: as root, the runs are made as nobody.)
  @Test func aReadOnlyStateIsRefusedAndLeavesNothingBehind() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let corpus = try seedsCorpus(in: root)
    let out = root.appendingPathComponent("out")
    let asNobody = try Self.ownedByWhoRuns(root)
    func run() throws -> BinaryRunner.Result {
      try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path], asNobody: asNobody)
    }
    let first = try run()
    #expect(first.status == 0, "\(first.stderr)")
    let state = out.appendingPathComponent(".almanac/state.sqlite").path
    chmod(state, 0o444)
    let refused = try run()
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("cannot be written"), "\(refused.stderr)")
    for companion in ["-wal", "-shm"] {
      #expect(!FileManager.default.fileExists(atPath: state + companion), "\(companion)")
    }
    chmod(state, 0o644)
    let again = try run()
    #expect(again.status == 0, "\(again.stderr)")
  }

  @Test func anUnwritableOutputFolderFailsCleanly() throws {
    guard getuid() != 0 else { return }  // root writes anywhere; the publisher test covers it
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    chmod(out.path, 0o500)
    defer { chmod(out.path, 0o700) }
    let result = try BinaryRunner.run(["run", "--out", out.path])
    #expect(result.status == 1)
  }
}
