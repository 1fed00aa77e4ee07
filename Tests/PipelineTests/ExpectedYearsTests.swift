import Corpus
import Foundation
import Synchronization
import Testing

@testable import Pipeline

/// Year folders stand in for reading headers ahead only when a sample of headers agrees.
@Suite struct ExpectedYearsTests {
  @Test(arguments: [
    ("2019/0088180.txt", 2019),
    ("news/2019/03/a.txt", 2019),
    ("2018/2019/a.txt", 2019),
    ("2019/archive/a.txt", 2019),
    ("0999/a.txt", 999),
  ])
  func theInnermostFourDigitFolderIsTheYear(path: String, year: Int) {
    #expect(ExpectedYears.folderYear(path) == year)
  }

  @Test(arguments: [
    "", "2019", "2019.txt", "2019-05-04.txt", "20190/a.txt", "201/a.txt", "x2019/a.txt",
    "2019x/a.txt", "20 19/a.txt", "news/a.txt", "/a.txt",
  ])
  func otherPathsHaveNoYear(path: String) {
    #expect(ExpectedYears.folderYear(path) == nil)
  }

  /// Files `0..<count`, those with an index divisible by 5 outside any year folder, the others
  /// in the folder of `2000 + index % 3`.
  static func files(_ count: Int) -> [CorpusFile] {
    (0..<count).map { index in
      let path = index % 5 == 0 ? "loose/\(index).txt" : "\(2000 + index % 3)/\(index).txt"
      return CorpusFile(path: path, fullPath: "/nowhere/" + path, size: 100)
    }
  }

  /// A stand-in for reading headers: `headers[path]`, recording which files were asked for.
  final class Headers: Sendable {
    let headers: [String: Int?]
    let asked = Mutex<[String]>([])

    init(_ headers: [String: Int?]) { self.headers = headers }

    func peek(_ files: [CorpusFile]) -> [Int?] {
      asked.withLock { $0 += files.map(\.path) }
      return files.map { headers[$0.path] ?? nil }
    }
  }

  @Test func agreeingFoldersAreTakenAndOnlyASampleAndTheRestAreRead() {
    let files = Self.files(1000)
    var headers: [String: Int?] = [:]
    for file in files { headers[file.path] = ExpectedYears.folderYear(file.path) ?? 1990 }
    let reader = Headers(headers)
    let years = ExpectedYears.of(files, peek: reader.peek)
    #expect(years == files.map { headers[$0.path]! })
    let inFolders = files.filter { !$0.path.hasPrefix("loose/") }
    let asked = reader.asked.withLock { $0 }
    // Every loose file, and one in `sampleInterval` of the others, beginning with the first.
    #expect(asked.filter { $0.hasPrefix("loose/") }.count == 200)
    #expect(asked.count == 200 + (inFolders.count + 63) / ExpectedYears.sampleInterval)
    #expect(asked.contains(inFolders[0].path))
    #expect(asked.contains(inFolders[64].path))
    #expect(!asked.contains(inFolders[1].path))
  }

  @Test func oneDisagreeingHeaderInTheSampleMeansEveryHeaderIsRead() {
    let files = Self.files(1000)
    var headers: [String: Int?] = [:]
    for file in files { headers[file.path] = ExpectedYears.folderYear(file.path) ?? 1990 }
    let inFolders = files.filter { !$0.path.hasPrefix("loose/") }
    headers[inFolders[128].path] = 1871
    // A file outside the sample may say anything: it is not read ahead.
    headers[inFolders[129].path] = 1066
    let reader = Headers(headers)
    let years = ExpectedYears.of(files, peek: reader.peek)
    #expect(years == files.map { headers[$0.path]! })
    #expect(Set(reader.asked.withLock { $0 }) == Set(files.map(\.path)))
  }

  @Test func anUnreadableHeaderInTheSampleIsNoEvidence() {
    let files = Self.files(300)
    var headers: [String: Int?] = [:]
    for file in files { headers[file.path] = ExpectedYears.folderYear(file.path) }
    let inFolders = files.filter { !$0.path.hasPrefix("loose/") }
    headers[inFolders[0].path] = .some(nil)
    let years = ExpectedYears.of(files, peek: Headers(headers).peek)
    #expect(years == files.map { ExpectedYears.folderYear($0.path) })
  }

  /// A reader that gives back fewer years than it was asked for leaves the other files the
  /// years of their folders: an expected year is a guess, never a reason to stop.
  @Test func filesWhoseHeadersAreNotGivenBackKeepTheirFolderYears() {
    let files = Self.files(300)
    // Half as many years as files asked for, none of them the folders' years.
    let years = ExpectedYears.runs(of: files) { asked in
      Array(repeating: 1990, count: asked.count / 2)
    }
    #expect(
      Array(years)
        == files.indices.map { $0 < 150 ? 1990 : ExpectedYears.folderYear(files[$0].path) })
  }

  /// On real files, with folders that agree and with folders that lie, the expected years are
  /// those the headers name.
  @Test(arguments: [false, true])
  func onRealFilesTheYearsAreTheHeaders(lyingFolders: Bool) throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-expected-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    var files: [CorpusFile] = []
    var expected: [Int?] = []
    for index in 0..<150 {
      let year = 2001 + index % 4
      let folder = lyingFolders && index % 7 == 0 ? year + 1 : year
      let path = index % 10 == 9 ? "\(index).txt" : "\(folder)/\(index).txt"
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      let text = index % 25 == 3 ? "no header here" : " date \(year)-03-04 words and more"
      try text.write(to: url, atomically: false, encoding: .utf8)
      files.append(CorpusFile(path: path, fullPath: url.path, size: text.utf8.count))
      expected.append(
        index % 25 == 3 ? (index % 10 == 9 ? nil : ExpectedYears.folderYear(path)) : year)
    }
    let years = ExpectedYears.of(files)
    if lyingFolders {
      // The first file is sampled, and its folder lies: every header is read.
      #expect(years == ExpectedYears.peek(files))
    } else {
      #expect(years == expected)
    }
    #expect(
      ExpectedYears.peek(files).enumerated().allSatisfy { index, year in
        year == (index % 25 == 3 ? nil : 2001 + index % 4)
      })
  }
}
