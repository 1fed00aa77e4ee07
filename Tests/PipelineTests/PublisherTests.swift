import Foundation
import Testing

@testable import Pipeline

#if canImport(Glibc)
  import Glibc
#endif

/// ``Publisher`` publishes a batch of files whole or not at all: a rename that fails part of
/// the way puts back the files already renamed, and a batch stopped between two renames is
/// finished by the next publish or run in the folder.
@Suite struct PublisherTests {
  /// A scratch folder, removed by the caller.
  func folder() throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-publish-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  func batch(_ version: String, names: [String]) -> [(name: String, bytes: [UInt8])] {
    names.map { ($0, Array("\($0) \(version)\n".utf8)) }
  }

  /// Each regular file of `folder` with its text, hidden ones included.
  func contents(of folder: String) throws -> [String: String] {
    var result: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
      if isFolder.boolValue { continue }
      result[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }
    return result
  }

  @Test func aBatchReplacesEveryFileAndLeavesNothingElse() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let names = ["a.xml", "b.html", "c.csv"]
    try Publisher.publish(batch("old", names: names), in: folder)
    try Publisher.publish(batch("new", names: names), in: folder)
    #expect(
      try contents(of: folder) == [
        "a.xml": "a.xml new\n", "b.html": "b.html new\n", "c.csv": "c.csv new\n",
      ])
  }

  /// The third of four files cannot be renamed into place (a folder with something in it holds
  /// its name): the two renamed before it are put back as they were, the one that was new is
  /// removed again, and no temporary or second name is left behind.
  @Test func aRenameThatFailsPutsBackTheFilesRenamedBeforeIt() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Publisher.publish(batch("old", names: ["a.xml", "b.html", "d.csv"]), in: folder)
    try FileManager.default.createDirectory(
      atPath: folder + "/c.csv/inside", withIntermediateDirectories: true)
    let before = try contents(of: folder)
    #expect(before.count == 3)

    let names = ["a.xml", "b.html", "new.csv", "c.csv", "d.csv"]
    #expect(throws: PublishError.writeFailed(path: folder + "/c.csv", errno: EISDIR)) {
      try Publisher.publish(batch("new", names: names), in: folder)
    }
    #expect(try contents(of: folder) == before)
    #expect(FileManager.default.fileExists(atPath: folder + "/c.csv/inside"))
  }

  /// A published file that other names link to (a user's hard link, say) keeps its old bytes
  /// under those names: publishing replaces the name, never writes into the published file.
  @Test func aPublishedFileIsReplacedNotWrittenInto() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Publisher.publish(batch("old", names: ["a.xml"]), in: folder)
    #expect(link(folder + "/a.xml", folder + "/copy.xml") == 0)
    try Publisher.publish(batch("new", names: ["a.xml"]), in: folder)
    #expect(try contents(of: folder) == ["a.xml": "a.xml new\n", "copy.xml": "a.xml old\n"])
  }

  /// A batch stopped after its first rename, as a killed run leaves it: nothing tidied up.
  func stoppedBatch(_ version: String, names: [String], in folder: String) throws {
    var stopped = Publisher.Batch(folder: folder)
    try stopped.stage(batch(version, names: names))
    try stopped.putInPlace(count: 1)
  }

  /// The pid of a process that has ended.
  func endedProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  @Test func aBatchStoppedBetweenTwoRenamesIsFinishedFromItsJournal() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let names = ["a.xml", "b.html", "c.csv"]
    try Publisher.publish(batch("old", names: names), in: folder)
    try stoppedBatch("new", names: names, in: folder)
    let stopped = try contents(of: folder)
    #expect(stopped["a.xml"] == "a.xml new\n" && stopped["b.html"] == "b.html old\n")
    #expect(stopped[PublishJournal.name] != nil)

    #expect(try PublishJournal.finish(in: folder) == ["b.html", "c.csv"])
    #expect(
      try contents(of: folder) == [
        "a.xml": "a.xml new\n", "b.html": "b.html new\n", "c.csv": "c.csv new\n",
      ])
    #expect(try PublishJournal.finish(in: folder) == [])
  }

  /// The next publish finishes the stopped batch before writing its own, whatever its names.
  @Test func theNextPublishFinishesAStoppedBatchFirst() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let names = ["a.xml", "b.html", "c.csv"]
    try Publisher.publish(batch("old", names: names), in: folder)
    try stoppedBatch("new", names: names, in: folder)
    try Publisher.publish(batch("newer", names: ["d.pdf"]), in: folder)
    #expect(
      try contents(of: folder) == [
        "a.xml": "a.xml new\n", "b.html": "b.html new\n", "c.csv": "c.csv new\n",
        "d.pdf": "d.pdf newer\n",
      ])
  }

  /// A journal that Almanac did not write stops the publish, which changes nothing.
  @Test func aJournalThatIsNotOneStopsThePublish() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Publisher.publish(batch("old", names: ["a.xml"]), in: folder)
    let journal = folder + "/" + PublishJournal.name
    try "some notes\n".write(toFile: journal, atomically: false, encoding: .utf8)
    let before = try contents(of: folder)
    #expect(throws: PublishError.unreadableJournal(path: journal)) {
      try Publisher.publish(batch("new", names: ["a.xml"]), in: folder)
    }
    #expect(try contents(of: folder) == before)
  }

  /// A journal that cannot be read stops the publish with the reason the read gave, not as a
  /// journal Almanac did not write: at a low limit on open files, the journal of a folder that
  /// had none was once called foreign, and the run told to move it away.
  @Test func aJournalThatCannotBeReadStopsThePublishWithTheReason() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Publisher.publish(batch("old", names: ["a.xml"]), in: folder)
    let journal = folder + "/" + PublishJournal.name
    try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: false)
    let before = try contents(of: folder)
    #expect(throws: PublishError.journalReadFailed(path: journal, errno: EISDIR)) {
      try Publisher.publish(batch("new", names: ["a.xml"]), in: folder)
    }
    #expect(
      PublishError.journalReadFailed(path: journal, errno: EISDIR).description.hasSuffix(
        ": Is a directory"))
    #expect(try contents(of: folder) == before)
  }

  /// An output folder whose path runs through a file is reported with that file; one through a
  /// link to a folder is made.
  @Test func anOutputFolderBehindAFileNamesTheFile() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/reports"
    try Data("not a folder".utf8).write(to: URL(fileURLWithPath: file))
    for path in [file, file + "/.almanac", file + "/a/b"] {
      #expect(throws: PublishError.notAFolder(path: path, file: file)) {
        try Publisher.makeFolder(path)
      }
    }
    #expect(
      PublishError.notAFolder(path: file + "/.almanac", file: file).description
        == "cannot make output folder '\(file)/.almanac': '\(file)' is a file, not a folder")
    try FileManager.default.createDirectory(
      atPath: folder + "/real", withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/link", withDestinationPath: folder + "/real")
    try Publisher.makeFolder(folder + "/link/inside/deeper")
    var isFolder: ObjCBool = false
    #expect(
      FileManager.default.fileExists(atPath: folder + "/real/inside/deeper", isDirectory: &isFolder)
        && isFolder.boolValue)
  }

  /// What stopped runs left under the names of the batch is removed; what a live process is
  /// writing, and files of other names, are not.
  @Test func leftoversOfEndedRunsAreRemoved() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let ended = try endedProcess()
    let live = getppid()
    let leftovers = [
      ".a.xml.tmp-\(ended)", ".a.xml.old-\(ended)", "\(PublishJournal.name).tmp-\(ended)",
    ]
    let kept = [".a.xml.tmp-\(live)", ".notes.txt.tmp-\(ended)", ".a.xml.tmp-x\(ended)"]
    for name in leftovers + kept {
      try "left\n".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
    }
    try Publisher.publish(batch("new", names: ["a.xml"]), in: folder)
    #expect(Set(try contents(of: folder).keys) == Set(kept + ["a.xml"]))
  }
}
