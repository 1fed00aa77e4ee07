import Corpus
import Foundation
import Glibc
import Testing

@Suite struct CorpusScannerTests {
  /// Makes a scratch folder with the given files (relative path → content).
  static func makeCorpus(_ files: [String: String]) -> String {
    var template = Array("/tmp/almanac-scan-XXXXXX".utf8CString)
    let root = template.withUnsafeMutableBufferPointer {
      String(cString: mkdtemp($0.baseAddress!)!)
    }
    for (path, content) in files {
      let full = root + "/" + path
      var folder = ""
      for component in full.split(separator: "/").dropLast() {
        folder += "/" + component
        mkdir(folder, 0o755)
      }
      let handle = fopen(full, "w")!
      fputs(content, handle)
      fclose(handle)
    }
    return root
  }

  @Test func findsTxtFilesAtAnyDepthInByteOrder() throws {
    let root = Self.makeCorpus([
      "b.txt": "x", "a/z.txt": "x", "a/b/c.txt": "x", "notes.md": "x", ".hidden.txt": "x",
      "A.txt": "x",
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let scan = try CorpusScanner.scan(root: root)
    #expect(scan.files.map(\.path) == ["A.txt", "a/b/c.txt", "a/z.txt", "b.txt"])
    #expect(scan.files.allSatisfy { $0.fullPath == root + "/" + $0.path })
  }

  /// Folders are listed and their files sorted one by one: names that sort between a folder's
  /// name and its files (`-` and `.` come before `/`) still come out in byte order of the
  /// whole paths, at every depth.
  @Test func filesOfFoldersWithSimilarNamesComeInByteOrder() throws {
    let paths = [
      "2000/a.txt", "2000/b/c.txt", "2000/b-1.txt", "2000/b.txt", "2000-1/b.txt", "2000.txt",
      "20001.txt", "2000/b/a/z.txt", "2000/b-c/d.txt", "z/0.txt", "Я/1.txt", "2000 2/x.txt",
    ]
    let root = Self.makeCorpus(Dictionary(uniqueKeysWithValues: paths.map { ($0, "x") }))
    defer { try? FileManager.default.removeItem(atPath: root) }
    let scan = try CorpusScanner.scan(root: root)
    let expected = paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    #expect(scan.files.map(\.path) == expected)
  }

  @Test func symbolicLinksAreNotFollowedButReported() throws {
    let root = Self.makeCorpus(["real.txt": "x"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    symlink("/etc/passwd", root + "/escape.txt")
    symlink(root, root + "/loop")
    let scan = try CorpusScanner.scan(root: root)
    #expect(scan.files.map(\.path) == ["real.txt"])
    #expect(scan.skipped.map(\.path) == ["escape.txt", "loop"])
  }

  @Test func missingFolderAndFileAreErrors() {
    #expect(throws: CorpusError.missingFolder(path: "/nonexistent/almanac")) {
      try CorpusScanner.scan(root: "/nonexistent/almanac")
    }
    let root = Self.makeCorpus(["a.txt": "x"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(throws: CorpusError.notAFolder(path: root + "/a.txt")) {
      try CorpusScanner.scan(root: root + "/a.txt")
    }
  }

  @Test func fileReaderReadsWholeFiles() throws {
    let text = String(repeating: "Ünïcode line\n", count: 10_000)
    let root = Self.makeCorpus(["big.txt": text])
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(try FileReader.read(root + "/big.txt") == Array(text.utf8))
    #expect(throws: Rejection.self) { try FileReader.read(root + "/absent.txt") }
  }

  @Test func filesOpenedAheadAreReadAsTheyAreWhenRead() throws {
    let text = String(repeating: "Ünïcode line\n", count: 10_000)
    let root = Self.makeCorpus(["big.txt": text, "kept.txt": "old", "gone.txt": "still here"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    for prefetch in [true, false] {
      #expect(
        try FileReader.Opened(root + "/big.txt", prefetch: prefetch).readAndClose()
          == Array(text.utf8))
    }
    // Opened, then changed or removed before it is read.
    let kept = FileReader.Opened(root + "/kept.txt", prefetch: true)
    let gone = FileReader.Opened(root + "/gone.txt", prefetch: true)
    try "new and longer".write(toFile: root + "/kept.txt", atomically: false, encoding: .utf8)
    try FileManager.default.removeItem(atPath: root + "/gone.txt")
    #expect(try kept.readAndClose() == Array("new and longer".utf8))
    #expect(try gone.readAndClose() == Array("still here".utf8))
    // A failure to open is told when the file is read, with its reason.
    let absent = FileReader.Opened(root + "/absent.txt", prefetch: true)
    #expect(throws: Rejection.unreadable(errno: ENOENT, detail: "No such file or directory")) {
      try absent.readAndClose()
    }
    #expect(throws: Rejection.self) {
      try FileReader.Opened(root, prefetch: true).readAndClose()
    }
  }

  /// The size the scan saw is only a hint: a file that grew or shrank since is read whole, and
  /// one that was too large when scanned is refused as it would be without the hint.
  @Test func aStaleSizeHintStillReadsTheWholeFile() throws {
    let text = String(repeating: "Ünïcode line\n", count: 10_000)
    let bytes = Array(text.utf8)
    let root = Self.makeCorpus(["big.txt": text])
    defer { try? FileManager.default.removeItem(atPath: root) }
    for hint in [0, 1, 4095, 4096, bytes.count - 1, bytes.count, bytes.count + 1, 1 << 20] {
      let read = try FileReader.Opened(root + "/big.txt", prefetch: false).readAndClose(
        sizeHint: hint)
      #expect(read == bytes, "size hint \(hint)")
    }
    #expect(throws: Rejection.unreadable(errno: EFBIG, detail: "larger than 256 MiB")) {
      try FileReader.Opened(root + "/big.txt", prefetch: false).readAndClose(
        sizeHint: FileReader.maximumSize + 1)
    }
  }

  @Test func fileReaderReadsTheStartOfFiles() throws {
    let text = String(repeating: "Ünïcode line\n", count: 10_000)
    let root = Self.makeCorpus(["big.txt": text, "small.txt": "tiny"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(FileReader.prefix(root + "/big.txt", count: 512) == Array(text.utf8.prefix(512)))
    #expect(FileReader.prefix(root + "/small.txt", count: 512) == Array("tiny".utf8))
    #expect(FileReader.prefix(root + "/absent.txt", count: 512) == nil)
    #expect(FileReader.prefix(root, count: 512) == nil)
  }
}

@Suite struct FileNameTests {
  @Test func plainNamesShowAsTheyAre() {
    #expect(FileName.display(Array("Отчёт 2020 <b>.txt".utf8)) == ("Отчёт 2020 <b>.txt", true))
  }

  @Test func controlCharactersAndBadBytesAreEscapedWithoutCollisions() {
    #expect(FileName.display(Array("a\nb.txt".utf8)) == ("a\\x0Ab.txt", true))
    #expect(FileName.display([0x62, 0xFF, 0x2E]) == ("b\\xFF.", false))
    #expect(FileName.display([0x62, 0xFE, 0x2E]) == ("b\\xFE.", false))
    // A literal "\xFF" in a name is not the byte 0xFF.
    #expect(FileName.display(Array("b\\xFF.".utf8)) == ("b\\\\xFF.", true))
    #expect(FileName.display([0x01]).text != FileName.display([0x02]).text)
  }
}
