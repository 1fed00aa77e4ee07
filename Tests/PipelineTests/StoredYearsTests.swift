import Analysis
import Foundation
import Store
import Testing

@testable import Pipeline

/// The report builder reads each stored year's terms in three passes; what checking them found
/// the first time is kept (the run's lock keeps the state as it was), so each year's bytes are
/// walked to be checked once, whichever way they are first read.
@Suite(.serialized) struct StoredYearsTests {
  @Test func aYearsTermsAreCheckedWhenFirstReadAndTrustedAfter() throws {
    let manager = FileManager.default
    let root = manager.temporaryDirectory
      .appendingPathComponent("almanac-stored-years-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: root) }
    var dated = DatedCorpus(root: root.appendingPathComponent("corpus"))
    try dated.write("2020/a.txt", " date 2020-01-01 The summit on trade and energy.")
    try dated.write("2021/b.txt", " date 2021-03-01 Another border summit.")
    let options = RunOptions.test(
      corpus: root.appendingPathComponent("corpus"), output: root.appendingPathComponent("out"))
    _ = try ReportJob.run(options)
    let store = try StateStore.open(path: options.resolvedStatePath)
    defer { try? store.close() }

    // The terms of 2020 read first through `terms(_:)`, as the builder's first pass does ...
    let years = try StoredYears(store)
    let terms = try years.terms(2020)
    // ... then replaced, behind its back, by bytes of the same length that are no blob.
    let garbage = [UInt8](repeating: 0xFF, count: terms.bytes.count)
    var slice = try #require(try store.slices(years: [2020]).first)
    slice.packedTerms = try #require(TermBlob(bytes: garbage, checkedBefore: terms.checked))
    try store.commit(StateChange(replaceYears: [2020], slices: [slice]))

    // Read again through `slice(_:)`, the year is not checked again: what was found holds.
    #expect(try years.slice(2020).packedTerms.bytes == garbage)
    // Read first, it is checked, and refused as a damaged state.
    for error in [
      #expect(throws: RunError.self) { try StoredYears(store).slice(2020) },
      #expect(throws: RunError.self) { try StoredYears(store).terms(2020) },
    ] {
      guard case .state(.corrupt) = error else {
        Issue.record("not a damaged state: \(String(describing: error))")
        continue
      }
    }
    #expect(try StoredYears(store).terms(2021).count > 0)
  }

  /// A span of years pooled puts its bigrams aside in a scratch file in the state's folder,
  /// which reads back what was put there and leaves nothing behind; a folder where none can be
  /// made is a run error that says where, and what the file was for.
  @Test func aSpansShelfIsAScratchFileBesideTheState() throws {
    let manager = FileManager.default
    let root = manager.temporaryDirectory
      .appendingPathComponent("almanac-stored-shelf-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: root) }
    try manager.createDirectory(at: root, withIntermediateDirectories: true)
    let store = try StateStore.open(path: root.appendingPathComponent("state.sqlite").path)
    defer { try? store.close() }
    let before = try manager.contentsOfDirectory(atPath: root.path)

    let shelf = try StoredYears(store).makeShelf()
    let first = try shelf.append(Array("first".utf8))
    let second = try shelf.append(Array("second".utf8))
    #expect(try shelf.read(second) == Array("second".utf8))
    #expect(try shelf.read(first.lowerBound..<first.lowerBound + 3) == Array("fir".utf8))
    #expect(try manager.contentsOfDirectory(atPath: root.path) == before)

    let missing = root.appendingPathComponent("missing").path
    let error = #expect(throws: RunError.self) {
      try ScratchShelf(folder: missing) { RunError.scratch($0.description) }
    }
    let message = error.map(String.init(describing:)) ?? ""
    #expect(message.contains(missing))
    #expect(message.contains("the years pooled by --compare"))
  }
}
