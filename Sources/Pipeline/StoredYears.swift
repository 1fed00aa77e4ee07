import Analysis
import ReportModel
import Store

/// The years of the state database, each read when the report builder asks for it, so a
/// report never needs every year's terms in memory at once.
struct StoredYears: YearSource {
  let store: StateStore
  let years: [Int]
  /// The size of each year's packed terms.
  let sizes: [Int]?

  /// The years `store` holds now.
  init(_ store: StateStore) throws(StoreError) {
    self.store = store
    years = try store.years()
    let bytes = try store.termBytes()
    sizes = years.map { bytes[$0] ?? 0 }
  }

  /// The stored figures of `year`.
  func slice(_ year: Int) throws(StoreError) -> YearSlice {
    guard let slice = try store.slices(years: [year]).first else {
      throw .corrupt(
        path: store.path, detail: "year \(year) disappeared while the report was built")
    }
    return slice
  }

  /// The stored terms of `year`, read without its organizations and pairs.
  func terms(_ year: Int) throws(StoreError) -> TermBlob {
    guard let terms = try store.terms(year: year) else {
      throw .corrupt(
        path: store.path, detail: "year \(year) disappeared while the report was built")
    }
    return terms
  }
}
