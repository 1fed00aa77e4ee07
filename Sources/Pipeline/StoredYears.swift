import Analysis
import Corpus
import ReportModel
import Store

/// The years of the state database, each read when the report builder asks for it, so a
/// report never needs every year's terms in memory at once.
struct StoredYears: YearSource {
  let store: StateStore
  let years: [Int]
  /// The size of each year's packed terms.
  let sizes: [Int]?
  /// The folder of the state, where a span of years pooled puts its bigrams aside.
  private let folder: String
  /// What checking each year's terms found, given or when ``slice(_:)`` or ``terms(_:)`` first
  /// read them: the builder reads a year's terms again in later passes, and the lock keeps them
  /// as they were.
  private let checked = Shared<[Int: TermBlob.Checked]>([:])

  /// The years `store` holds now; `checked` tells what checking the terms of some years found
  /// earlier while the store was held (the terms this run stored), so they are not checked again.
  init(_ store: StateStore, checked: [Int: TermBlob.Checked] = [:]) throws(StoreError) {
    self.store = store
    self.checked.withLock { $0 = checked }
    years = try store.years()
    let bytes = try store.termBytes()
    sizes = years.map { bytes[$0] ?? 0 }
    folder = ReportJob.parent(of: store.path)
  }

  /// The stored figures of `year`, without its organizations' latest documents
  /// (``latestDocuments(_:frames:)`` reads those a report wants).
  func slice(_ year: Int) throws(RunError) -> YearSlice {
    let known = checked.value[year].map { [year: $0] } ?? [:]
    guard
      let slice = try ReportJob.state({
        try store.slices(years: [year], checkedBefore: known, latest: false)
      }).first
    else {
      throw .state(
        .corrupt(
          path: store.path, detail: "year \(year) disappeared while the report was built"))
    }
    checked.withLock { $0[year] = slice.packedTerms.checked }
    return slice
  }

  /// The stored terms of `year`, read without its organizations and pairs.
  func terms(_ year: Int) throws(RunError) -> TermBlob {
    let known = checked.value[year]
    guard let terms = try ReportJob.state({ try store.terms(year: year, checkedBefore: known) })
    else {
      throw .state(
        .corrupt(
          path: store.path, detail: "year \(year) disappeared while the report was built"))
    }
    // The builder's first pass reads each year's terms here, and its second through
    // ``slice(_:)``: each year is checked once.
    checked.withLock { $0[year] = terms.checked }
    return terms
  }

  /// The stored latest documents of the organizations wanted: a few hundred rows, where every
  /// year's would be tens of thousands held while the report is built.
  func latestDocuments(_ wanted: [Int: Set<String>], frames: [YearSlice]) throws(RunError)
    -> [Int: [String: LatestDocuments]]
  {
    try ReportJob.state({ try store.latestDocuments(wanted) })
  }

  /// A scratch file in the state's folder.
  func makeShelf() throws(RunError) -> ScratchShelf<RunError> {
    try ScratchShelf(folder: folder) { .scratch($0.description) }
  }
}
