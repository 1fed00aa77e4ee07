/// Documents naming both organizations of a pair.
public struct PairTally: Sendable, Equatable {
  /// Documents overall.
  public var documents = 0
  /// Documents per year.
  public var years: [Int: Int] = [:]

  /// Creates an empty tally.
  public init() {}

  /// Adds `count` documents of `year`.
  public mutating func add(year: Int, documents count: Int) {
    documents += count
    years[year, default: 0] += count
  }

  mutating func merge(_ other: PairTally) {
    documents += other.documents
    years.merge(other.years, uniquingKeysWith: +)
  }
}
