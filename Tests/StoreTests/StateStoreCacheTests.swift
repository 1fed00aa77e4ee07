import Corpus
import Store
import Testing

/// The pages a walk of the state leaves cached are let go when asked.
@Suite struct StateStoreCacheTests {
  @Test func theCacheAWalkFilledIsLetGo() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    let documents = (0..<20_000).map { index in
      StoredDocument(
        path: "\(2000 + index % 20)/a-path-of-some-length-\(index).txt", size: index,
        modified: Int64(index), hash: ContentHash.hex(UInt64(index)), date: nil, accepted: false,
        reason: "no header")
    }
    try store.commit(StateChange(upsertDocuments: documents))
    store.releaseCache()
    let before = store.cachedBytes()
    var walked = 0
    try store.forEachDocument { _ in walked += 1 }
    #expect(walked == documents.count)
    let filled = store.cachedBytes()
    // 20,000 rows of about 90 bytes: more than a megabyte of pages.
    #expect(filled > before + 1 << 20)
    store.releaseCache()
    #expect(store.cachedBytes() < filled / 4)
    // Read again as before.
    #expect(try store.documents().count == documents.count)
  }
}
