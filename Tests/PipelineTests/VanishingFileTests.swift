import Analysis
import Corpus
import Foundation
import Pipeline
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Files that change or vanish between the scan and the read: each one comes out of
/// ``CorpusAnalyzer`` as an outcome with a clear reason, never a crash, and the other files are
/// counted as usual.
@Suite struct VanishingFileTests {
  let analyzer = CorpusAnalyzer(
    stopwords: StopwordList.builtin(), matcher: OrganizationMatcher(registry: .builtin()),
    workers: 2)

  static let article = Array("date 2021-05-01 The EAEU summit met in Minsk.\n".utf8)

  /// A scratch corpus with `names` holding a good article each, and its scan.
  func corpus(_ names: [String]) throws -> (root: URL, scan: CorpusScan) {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-vanish-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    // Each its own article: files with the same bytes would be counted once.
    for name in names {
      try Data(Self.article + Array(name.utf8)).write(to: root.appendingPathComponent(name))
    }
    let scan = try CorpusScanner.scan(root: root.path)
    #expect(scan.files.map(\.path) == names.sorted())
    return (root, scan)
  }

  func outcome(_ result: CorpusAnalyzer.Result, _ path: String) -> CorpusAnalyzer.FileOutcome? {
    result.outcomes.first { $0.file.path == path }
  }

  @Test func aFileRemovedAfterTheScanIsRejectedAsUnreadable() throws {
    let (root, scan) = try corpus(["a.txt", "gone.txt", "z.txt"])
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.removeItem(at: root.appendingPathComponent("gone.txt"))

    let result = analyzer.analyze(scan.files)
    #expect(result.outcomes.count == 3)
    let gone = try #require(outcome(result, "gone.txt"))
    #expect(gone.rejection == .unreadable(errno: ENOENT, detail: String(cString: strerror(ENOENT))))
    #expect(
      gone.rejection?.description == "unreadable (errno \(ENOENT)): No such file or directory")
    #expect(gone.hash.isEmpty)
    #expect(gone.date == nil)
    for path in ["a.txt", "z.txt"] {
      #expect(outcome(result, path)?.rejection == nil, "\(path) is still counted")
    }
    #expect(result.statistics.documents == 2)
  }

  @Test func aFileReplacedByASymbolicLinkIsNotFollowed() throws {
    let (root, scan) = try corpus(["a.txt", "link.txt"])
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("link.txt").path
    try FileManager.default.removeItem(atPath: path)
    #expect(symlink("/etc/passwd", path) == 0)

    let result = analyzer.analyze(scan.files)
    let link = try #require(outcome(result, "link.txt"))
    // O_NOFOLLOW: the link is refused with ELOOP, never read.
    guard case .unreadable(let code, _) = link.rejection else {
      Issue.record("expected an unreadable rejection, got \(String(describing: link.rejection))")
      return
    }
    #expect(code == ELOOP)
    #expect(result.statistics.documents == 1)
  }

  @Test func aFileReplacedByAFolderIsRejected() throws {
    let (root, scan) = try corpus(["a.txt", "folder.txt"])
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("folder.txt")
    try FileManager.default.removeItem(at: path)
    try FileManager.default.createDirectory(at: path, withIntermediateDirectories: false)

    let result = analyzer.analyze(scan.files)
    let folder = try #require(outcome(result, "folder.txt"))
    guard case .unreadable(let code, _) = folder.rejection else {
      Issue.record("expected an unreadable rejection, got \(String(describing: folder.rejection))")
      return
    }
    #expect(code == EISDIR)
  }

  @Test func aFileTruncatedOrRewrittenAfterTheScanIsReadAsItIsNow() throws {
    let (root, scan) = try corpus(["emptied.txt", "rewritten.txt", "grown.txt"])
    defer { try? FileManager.default.removeItem(at: root) }
    try Data().write(to: root.appendingPathComponent("emptied.txt"))
    try Data("no header any more".utf8).write(to: root.appendingPathComponent("rewritten.txt"))
    // Grown far beyond the size the scan saw: read whole, not cut at the scanned size.
    let long = Self.article + Array(repeating: UInt8(ascii: "a"), count: 1 << 20)
    try Data(long).write(to: root.appendingPathComponent("grown.txt"))

    let result = analyzer.analyze(scan.files)
    #expect(outcome(result, "emptied.txt")?.rejection == .empty)
    #expect(
      outcome(result, "rewritten.txt")?.rejection == .missingHeader(found: "no header any more"))
    let grown = try #require(outcome(result, "grown.txt"))
    #expect(grown.rejection == nil)
    #expect(grown.hash == ContentHash.hex(long))
  }

  @Test func aFileMadeUnreadableAfterTheScanIsRejected() throws {
    let (root, scan) = try corpus(["a.txt", "locked.txt"])
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("locked.txt").path
    #expect(chmod(path, 0) == 0)
    defer { chmod(path, 0o644) }
    // As root (CI containers) permissions do not stop a read: nothing to check then.
    guard access(path, R_OK) != 0 else { return }

    let result = analyzer.analyze(scan.files)
    #expect(
      outcome(result, "locked.txt")?.rejection
        == .unreadable(errno: EACCES, detail: String(cString: strerror(EACCES))))
    #expect(result.statistics.documents == 1)
  }

  /// Each worker opens the next files it takes before it reads them: removed files scattered
  /// through many more than it opens ahead are each rejected, in their place, and the rest
  /// counted.
  @Test func removedFilesAmongManyAreEachRejectedInTheirPlace() throws {
    let names = (0..<100).map { String(format: "f%03d.txt", $0) }
    let (root, scan) = try corpus(names)
    defer { try? FileManager.default.removeItem(at: root) }
    let gone = Set(names.enumerated().filter { $0.offset % 7 == 3 }.map(\.element))
    for name in gone { try FileManager.default.removeItem(at: root.appendingPathComponent(name)) }

    let result = analyzer.analyze(scan.files)
    #expect(result.outcomes.map(\.file.path) == names)
    for outcome in result.outcomes {
      if gone.contains(outcome.file.path) {
        #expect(outcome.rejection?.description.contains("No such file") == true)
      } else {
        #expect(outcome.rejection == nil && outcome.date != nil, "\(outcome.file.path)")
      }
    }
    #expect(result.statistics.documents == names.count - gone.count)
  }

  @Test func everyFileGone() throws {
    let (root, scan) = try corpus((0..<50).map { "f\($0).txt" })
    try FileManager.default.removeItem(at: root)
    let result = analyzer.analyze(scan.files)
    #expect(result.outcomes.count == 50)
    #expect(
      result.outcomes.allSatisfy { $0.rejection?.description.contains("No such file") == true })
    #expect(result.statistics.documents == 0)
  }
}
