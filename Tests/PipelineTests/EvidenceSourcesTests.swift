import Corpus
import Foundation
import Store
import Testing

@testable import Pipeline

/// What the evidence may read again: the accepted documents of the state that the scan found,
/// each as the scan found it and dated as the state holds it.
@Suite struct EvidenceSourcesTests {
  static let scanned = ["2020/a.txt", "2020/b.txt", "2021/z.txt", "2021/ж.txt", "new.txt", "r.txt"]

  @Test(arguments: [false, true])
  func theAcceptedDocumentsTheScanFoundAreListedInPathOrder(ownConnection: Bool) throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-sources-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    for path in Self.scanned {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(repeating: UInt8(ascii: "x"), count: path.utf8.count).write(to: url)
    }
    let scan = try CorpusScanner.scan(root: root.path)
    #expect(scan.files.map(\.path) == Self.scanned)
    // The state: every scanned file but `new.txt`, `r.txt` rejected, and a document gone.
    var dates: [String: CalendarDate] = [:]
    var documents: [StoredDocument] = []
    for (index, path) in (Self.scanned + ["2020/gone.txt"]).enumerated() where path != "new.txt" {
      let date = try #require(CalendarDate(year: 2020 + index % 3, month: 1 + index, day: 2))
      let accepted = path != "r.txt"
      if accepted { dates[path] = date }
      documents.append(
        StoredDocument(
          path: path, size: 1, modified: 1, hash: "h", date: date, accepted: accepted,
          reason: accepted ? nil : "no header"))
    }
    let store = try StateStore.open(path: root.appendingPathComponent("state.sqlite").path)
    try store.commit(StateChange(upsertDocuments: documents))

    let sources = try ReportFromState.evidenceSources(
      store: store, scan: scan, onConnectionOfItsOwn: ownConnection)
    let expected = scan.files.filter { dates[$0.path] != nil }
    #expect(sources.map(\.path) == ["2020/a.txt", "2020/b.txt", "2021/z.txt", "2021/ж.txt"])
    #expect(sources.map(\.file) == expected)
    #expect(sources.map(\.fullPath) == expected.map(\.fullPath))
    #expect(sources.map(\.size) == expected.map(\.size))
    #expect(sources.map(\.date) == expected.map { dates[$0.path]! })
  }

  @Test func aSourceIsTheFileAtItsPlace() throws {
    let files = (0..<5).map {
      CorpusFile(path: "\($0).txt", fullPath: "/c/\($0).txt", size: 10 * $0, modified: Int64($0))
    }
    let date = try #require(CalendarDate(year: 2021, month: 7, day: 8))
    for index in files.indices {
      let source = EvidenceGatherer.Source(files: files, index: index, date: date)
      #expect(source.file == files[index] && source.path == files[index].path)
      #expect(source.fullPath == files[index].fullPath && source.size == files[index].size)
      #expect(source.date == date)
      let alone = EvidenceGatherer.Source(file: files[index], date: date)
      #expect(alone.file == files[index] && alone.fullPath == files[index].fullPath)
    }
  }
}
