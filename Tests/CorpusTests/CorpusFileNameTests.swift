import Corpus
import Foundation
import Testing

/// A scanned file's name is kept apart from its path only when the path shows it otherwise: a
/// long name, a name shown escaped and a name at the corpus root are all opened as they are on
/// disk, in their folder and by their whole path.
@Suite struct CorpusFileNameTests {
  static let names = [
    "2021/a-long-name-of-more-than-fifteen-bytes-about-the-eaeu.txt", "2021/short.txt",
    "2021/new\nline.txt", "2021/back\\slash.txt", "2021/Отчёт о встрече в Минске.txt",
    "at-the-root-with-a-long-name.txt", "r.txt", "2022/deeper/still/x.txt",
  ]

  @Test func everyFileIsOpenedAsItIsOnDisk() throws {
    var corpus: [String: String] = [:]
    for (index, name) in Self.names.enumerated() { corpus[name] = "article \(index) of \(name)" }
    let root = CorpusScannerTests.makeCorpus(corpus)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let files = try CorpusScanner.scan(root: root).files
    #expect(files.count == Self.names.count)
    // By its shown path, the file's real path and what it holds.
    let real = Dictionary(
      uniqueKeysWithValues: Self.names.map { (FileName.display(Array($0.utf8)).text, $0) })
    let folder = OpenFolder()
    for file in files {
      let name = try #require(real[file.path], "\(file.path)")
      #expect(file.fullPath == root + "/" + name)
      let expected = Array(corpus[name]!.utf8)
      #expect(try folder.opening(file, prefetch: false).readAndClose() == expected, "\(name)")
      #expect(try FileReader.Opened(file.fullPath, prefetch: false).readAndClose() == expected)
    }
    // The newline and the backslash.
    #expect(files.filter { real[$0.path] != $0.path }.count == 2)
  }
}
