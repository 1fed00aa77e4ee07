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
    // Read first, it is checked, and refused.
    #expect(throws: StoreError.self) { try StoredYears(store).slice(2020) }
    #expect(throws: StoreError.self) { try StoredYears(store).terms(2020) }
    #expect(try StoredYears(store).terms(2021).count > 0)
  }
}
