import Analysis
import Corpus
import Foundation
import Store

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// A path inside the folder, not created.
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Calls `body` with a new store in a temporary folder, removed afterwards.
func withStore(_ body: (StateStore) throws -> Void) throws {
  let folder = try TemporaryFolder()
  defer { folder.remove() }
  try body(StateStore.open(path: folder.path("state.sqlite")))
}

/// Hand-built values to store.
enum Sample {
  static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)!
  }

  static let documents = [
    StoredDocument(
      path: "2021/b.txt", size: 1200, modified: 1_700_000_000_123_456_789, hash: "ab12",
      date: date(2021, 3, 4), accepted: true, reason: nil, repaired: true),
    StoredDocument(
      path: "2020/а-кириллица.txt", size: 0, modified: -5, hash: "ffff",
      date: date(2020, 2, 29), accepted: true),
    StoredDocument(
      path: "broken.txt", size: 17, modified: 42, hash: "00", date: nil, accepted: false,
      reason: "no date header"),
  ]

  /// A year's slice whose counts are derived from `year`, so years differ.
  static func slice(_ year: Int) -> YearSlice {
    YearSlice(
      year: year, documents: 3 + year % 7, repairedDocuments: 1, tokens: 1000 + year,
      organizationMentions: 9, firstDate: date(year, 1, 2), lastDate: date(year, 12, 31),
      terms: [
        YearSlice.Term(n: 1, text: "gazprom", count: 4, documents: 2),
        YearSlice.Term(n: 1, text: "zebra", count: year, documents: 1),
        YearSlice.Term(n: 1, text: "рынок", count: 7, documents: 2),
        YearSlice.Term(n: 1, text: "ёж", count: 3, documents: 3),  // U+0451 sorts after U+0440
        YearSlice.Term(n: 2, text: "central bank", count: 2, documents: 2),
        YearSlice.Term(n: 2, text: "центральный банк", count: 5, documents: 3),
      ],
      organizations: [
        YearSlice.Organization(
          id: "at&t", registryName: "AT&T <Inc.> \"Ma Bell\"", registered: true, count: 5,
          documents: 2, aliases: ["AT&T": 3, "\"AT&T\" <Corp>": 2],
          latest: LatestDocuments([
            LatestDocuments.Document(
              date: date(year, 12, 31), digest: UInt64.max - 3, path: "\(year)/z & <b>.txt"),
            LatestDocuments.Document(date: date(year, 5, 1), digest: 5, path: "\(year)/а.txt"),
          ])),
        YearSlice.Organization(
          id: "газпром", registryName: "", registered: false, count: 4, documents: 2,
          aliases: ["Газпром": 3, "ПАО «Газпром»": 1],
          latest: LatestDocuments(
            (1...4).map { LatestDocuments.Document(date: date(year, 3, $0), path: "\($0).txt") })),
      ],
      pairs: [
        YearSlice.Pair(a: "at&t", b: "газпром", documents: 1),
        YearSlice.Pair(a: "at&t", b: "яндекс", documents: 2),
      ])
  }
}
