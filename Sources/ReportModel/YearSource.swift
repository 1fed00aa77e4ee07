public import Analysis

/// Where ``ReportBuilder`` gets each year's figures, one year at a time.
///
/// The builder asks for a year whenever it needs it and keeps only what the report shows, so a
/// report over many years never holds every year's terms at once; a year may be asked for
/// several times, by several threads at once.
public protocol YearSource: Sendable {
  /// Why a year could not be had.
  associatedtype Failure: Error
  /// Where a span of years pooled puts its years' packed bigrams while it merges them
  /// (``Analysis/PooledTerms``): a scratch file keeps them out of memory.
  associatedtype Shelf: ByteShelf = MemoryShelf<Failure> where Shelf.Failure == Failure
  /// The years that have figures, ascending.
  var years: [Int] { get }
  /// The figures of `year`, one of ``years``.
  func slice(_ year: Int) throws(Failure) -> YearSlice
  /// The packed terms of `year`, one of ``years``: what ``slice(_:)`` gives, without the rest,
  /// for the passes that need only the terms.
  func terms(_ year: Int) throws(Failure) -> TermBlob
  /// How much work each year of ``years`` is, in any unit (the size of its packed terms, say),
  /// so that the builder can share consecutive years evenly between cores; nil when not known
  /// (every year then counts the same).
  var sizes: [Int]? { get }
  /// A new, empty shelf, for one span of years pooled.
  func makeShelf() throws(Failure) -> Shelf
  /// The latest documents naming each organization of `wanted` (ids by year), where the lines
  /// of the organizations a report shows rising and falling are read; `frames` are the years'
  /// slices as ``slice(_:)`` gave them, without their terms.
  func latestDocuments(_ wanted: [Int: Set<String>], frames: [YearSlice]) throws(Failure)
    -> [Int: [String: LatestDocuments]]
}

extension YearSource {
  /// Not known.
  public var sizes: [Int]? { nil }

  /// A shelf in memory.
  public func makeShelf() -> Shelf where Shelf == MemoryShelf<Failure> { MemoryShelf() }

  /// The terms of the whole slice.
  public func terms(_ year: Int) throws(Failure) -> TermBlob { try slice(year).packedTerms }

  /// Those the frames carry (``Analysis/YearSlice/Organization/latest``), a year's counted in
  /// several pieces merged.
  public func latestDocuments(_ wanted: [Int: Set<String>], frames: [YearSlice])
    throws(Failure) -> [Int: [String: LatestDocuments]]
  {
    var latest: [Int: [String: LatestDocuments]] = [:]
    for frame in frames {
      guard let ids = wanted[frame.year] else { continue }
      for organization in frame.organizations where ids.contains(organization.id) {
        latest[frame.year, default: [:]][organization.id, default: LatestDocuments()].merge(
          organization.latest)
      }
    }
    return latest
  }
}

/// The years of statistics already in memory.
public struct StatisticsYears: YearSource {
  /// The statistics.
  public let statistics: CorpusStatistics
  /// The years that have figures, ascending.
  public let years: [Int]

  /// Serves the years of `statistics`.
  public init(_ statistics: CorpusStatistics) {
    self.statistics = statistics
    years = statistics.years.keys.sorted()
  }

  /// The figures of `year`.
  public func slice(_ year: Int) -> YearSlice {
    guard let slice = statistics.slice(year: year) else {
      preconditionFailure("year \(year) is not one of the statistics' years")
    }
    return slice
  }
}
