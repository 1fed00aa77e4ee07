import Analysis

/// Cuts a statistics value into year slices two years at a time, one per core, while the
/// state store writes them one at a time: the store asks for year after year, and every other
/// request is already made.
///
/// At most two slices (every term of a year, packed) are held at once.
final class SlicePairs: Sendable {
  private let statistics: CorpusStatistics
  private let years: [Int]
  /// The slice made ahead of its turn, if any.
  private let ahead = Shared<YearSlice?>(nil)

  /// Prepares to slice `years` of `statistics`, in that order.
  init(_ statistics: CorpusStatistics, years: [Int]) {
    self.statistics = statistics
    self.years = years
  }

  /// The slice of `year`; when it is the first of a pair, the next year's slice is made at the
  /// same time on another core and kept for the next call.
  func slice(_ year: Int) -> YearSlice {
    if let made = ahead.withLock({ ahead -> YearSlice? in
      defer { if ahead?.year == year { ahead = nil } }
      return ahead?.year == year ? ahead : nil
    }) {
      return made
    }
    guard let index = years.firstIndex(of: year), index + 1 < years.count else {
      return statistics.slice(year: year)!
    }
    let next = years[index + 1]
    let slices = Concurrent().map(2) { [statistics] part in
      statistics.slice(year: part == 0 ? year : next)!
    }
    ahead.withLock { $0 = slices[1] }
    return slices[0]
  }
}
