import Corpus
import Store
import TestSupport
import Testing

/// ``StoredDocument/Hash`` holds the hashes runs write as numbers and any other text as it is,
/// and gives back, and stores, the text it was made from.
@Suite struct StoredDocumentHashTests {
  /// `value` as 16 lower-case hexadecimal digits, written here without ``ContentHash``.
  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  static func values() -> [UInt64] {
    var generator = SplitMix(seed: 5)
    return [0, 1, 0xf, 0x8000_0000_0000_0000, .max] + (0..<50).map { _ in generator.next() }
  }

  /// Texts that are not 16 lower-case hexadecimal digits.
  static let otherTexts = [
    "", "h1", "ab12", "00", "0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0",
    " 123456789abcdef", "0123456789abcdeg", "ёж", "0123456789abcdé",
  ]

  @Test func runsHashesAreNumbersAndOtherTextsAreKept() {
    for value in Self.values() {
      let hash = StoredDocument.Hash(Self.hex(value))
      #expect(hash == .digest(value))
      #expect(hash.text == Self.hex(value) && hash.digest == value && !hash.isEmpty)
    }
    for text in Self.otherTexts {
      let hash = StoredDocument.Hash(text)
      #expect(hash == .text(text), "\(text)")
      #expect(hash.text == text && hash.digest == nil && hash.isEmpty == text.isEmpty)
    }
    // Equal texts, equal hashes, and only those.
    let texts = Self.values().map(Self.hex) + Self.otherTexts
    #expect(Set(texts.map(StoredDocument.Hash.init)).count == Set(texts).count)
  }

  @Test func aRecordGivesBackTheHashItWasGiven() {
    for text in Self.values().map(Self.hex) + Self.otherTexts {
      var document = StoredDocument(
        path: "a.txt", size: 1, modified: 2, hash: text, date: nil, accepted: false)
      #expect(document.hash == text)
      document.hash = text + "0"
      #expect(document.hash == text + "0")
    }
  }

  /// Both forms are written as their text: read back, and as the state's copies name them.
  @Test func theStateHoldsTheTextOfEitherForm() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    let texts = Self.values().map(Self.hex) + Self.otherTexts
    // Each hash twice, so that the documents sharing a hash name every one Almanac wrote.
    let documents = texts.enumerated().flatMap { index, text in
      ["a", "b"].map { copy in
        StoredDocument(
          path: "\(index)-\(copy).txt", size: index, modified: 1, hash: text,
          date: CalendarDate(year: 2020, month: 1, day: 1), accepted: true)
      }
    }
    try store.commit(StateChange(upsertDocuments: documents, copies: 1))
    let stored = try store.documents()
    #expect(
      Dictionary(uniqueKeysWithValues: stored.map { ($0.path, $0.hash) })
        == Dictionary(uniqueKeysWithValues: documents.map { ($0.path, $0.hash) }))
    let sharing = try store.documentsSharingTheirBytes()
    #expect(Set(sharing.map(\.digest)) == Set(Self.values().map(Self.hex)))
    #expect(sharing.count == 2 * Self.values().count)
  }
}
