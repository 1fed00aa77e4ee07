import Foundation
import Testing

/// Two runs with different states and one output folder: the second waits for nothing and
/// publishes nothing, so the first's reports and its publish journal stay its own.
@Suite(.serialized) struct OutputFolderLockTests {
  /// Starts a process that holds `flock` on `folder` itself, as a run at work does, and returns
  /// once it holds it.
  func holdLock(on folder: URL, ready: URL) throws -> Process {
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    holder.arguments = [
      "python3", "-c",
      "import fcntl, os, sys, time\n"
        + "d = os.open(sys.argv[1], os.O_RDONLY); fcntl.flock(d, fcntl.LOCK_EX)\n"
        + "open(sys.argv[2], 'w').close(); time.sleep(30)",
      folder.path, ready.path,
    ]
    try holder.run()
    var waited = 0
    while !FileManager.default.fileExists(atPath: ready.path), waited < 250 {
      usleep(20_000)
      waited += 1
    }
    return holder
  }

  @Test func twoStatesCannotPublishIntoOneFolderAtOnce() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let out = root.appendingPathComponent("out")
    let first = root.appendingPathComponent("first.sqlite").path
    let second = root.appendingPathComponent("second.sqlite").path
    #expect(try BinaryRunner.run(["run", "--out", out.path, "--state", first]).status == 0)
    let published = try Data(contentsOf: out.appendingPathComponent("almanac.xml"))
    // A journal that the run at work is still writing: another run must not finish it.
    let journal = out.appendingPathComponent(".almanac-publishing")
    try Data(".almanac.xml.tmp-4242/almanac.xml/\n".utf8).write(to: journal)

    let holder = try holdLock(on: out, ready: root.appendingPathComponent("ready"))
    defer { holder.terminate() }
    let blocked = try BinaryRunner.run(["run", "--out", out.path, "--state", second])
    #expect(blocked.status == 75, "\(blocked.stderr)")
    #expect(blocked.stderr.contains("is writing reports to \(out.path)"), "\(blocked.stderr)")
    #expect(!blocked.stderr.contains("stopped while publishing"), "\(blocked.stderr)")
    #expect(FileManager.default.fileExists(atPath: journal.path))
    #expect(try Data(contentsOf: out.appendingPathComponent("almanac.xml")) == published)
    #expect(!FileManager.default.fileExists(atPath: second))
    let report = try BinaryRunner.run(["report", "--out", out.path, "--state", first])
    #expect(report.status == 75, "\(report.stderr)")

    // Once the holder is gone, by SIGKILL even, the folder is free again.
    kill(holder.processIdentifier, SIGKILL)
    holder.waitUntilExit()
    try FileManager.default.removeItem(at: journal)
    let freed = try BinaryRunner.run(["run", "--out", out.path, "--state", second])
    #expect(freed.status == 0, "\(freed.stderr)")
  }

  /// The lock is taken on the folder's own descriptor: a run leaves no lock file in it.
  @Test func theLockLeavesNothingInTheFolder() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let out = root.appendingPathComponent("out")
    let state = root.appendingPathComponent("state.sqlite").path
    #expect(try BinaryRunner.run(["run", "--out", out.path, "--state", state]).status == 0)
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(names.filter { $0.hasPrefix(".") }.isEmpty, "\(names)")
  }
}
