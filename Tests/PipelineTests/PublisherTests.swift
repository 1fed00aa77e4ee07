import Foundation
import Pipeline
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// ``Publisher`` publishes a batch of files whole or not at all: a rename that fails part of
/// the way puts back the files already renamed.
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
}
