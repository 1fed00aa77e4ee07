import Corpus
import Foundation
import Glibc
import Testing

@Suite struct OpenFolderTests {
  /// What opening `file` by its whole path reads, or the rejection it meets.
  func byPath(_ file: CorpusFile) -> Result<[UInt8], Rejection> {
    Result { () throws(Rejection) in
      try FileReader.Opened(file.fullPath, prefetch: false).readAndClose()
    }
  }

  func inFolder(_ folder: OpenFolder, _ file: CorpusFile) -> Result<[UInt8], Rejection> {
    Result { () throws(Rejection) in try folder.opening(file, prefetch: true).readAndClose() }
  }

  @Test func filesAreReadInTheirFoldersAsByTheirPaths() throws {
    let root = CorpusScannerTests.makeCorpus([
      "2020/a.txt": "first", "2020/b.txt": "второй", "2021/c.txt": "third",
      "2021/deeper/d.txt": "fourth", "e.txt": "at the root",
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let files = try CorpusScanner.scan(root: root).files
    #expect(files.count == 5)
    let folder = OpenFolder()
    // Back and forth between folders, and each file twice in a row.
    for file in files + files.reversed() + files.flatMap({ [$0, $0] }) {
      let read = inFolder(folder, file)
      #expect(read == byPath(file), "\(file.path)")
      #expect(
        try read.get() == Array(try String(contentsOfFile: file.fullPath, encoding: .utf8).utf8))
    }
    // An entry made from a path alone is opened by that path.
    let loose = CorpusFile(path: "x", fullPath: root + "/2020/a.txt", size: 0)
    #expect(try inFolder(folder, loose).get() == Array("first".utf8))
  }

  @Test func whatChangedAfterTheScanFailsAsByPath() throws {
    let root = CorpusScannerTests.makeCorpus([
      "2020/a.txt": "a", "2020/gone.txt": "gone", "2020/link.txt": "a file for now",
      "2021/b.txt": "b", "2022/c.txt": "c",
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let files = try CorpusScanner.scan(root: root).files
    let folder = OpenFolder()
    // 2020 is the folder open when its files change.
    #expect(try inFolder(folder, files[0]).get() == Array("a".utf8))
    try FileManager.default.removeItem(atPath: root + "/2020/gone.txt")
    try FileManager.default.removeItem(atPath: root + "/2020/link.txt")
    try FileManager.default.createSymbolicLink(
      atPath: root + "/2020/link.txt", withDestinationPath: root + "/2020/a.txt")
    // A folder gone before any of its files is opened.
    try FileManager.default.moveItem(atPath: root + "/2021", toPath: root + "/moved")
    for file in files {
      let read = inFolder(folder, file)
      #expect(read == byPath(file), "\(file.path)")
      switch file.path {
      case "2020/gone.txt", "2021/b.txt":
        #expect(read == .failure(.unreadable(errno: ENOENT, detail: "No such file or directory")))
      case "2020/link.txt":
        // Not followed, by name in its folder as by path.
        #expect(
          read == .failure(.unreadable(errno: ELOOP, detail: String(cString: strerror(ELOOP)))))
      default:
        #expect(
          try read.get() == Array(try String(contentsOfFile: file.fullPath, encoding: .utf8).utf8))
      }
    }
  }
}
