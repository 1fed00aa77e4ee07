/// The year expected of each file of a list, in order, kept as runs of consecutive files
/// expected in the same year.
///
/// A corpus kept in year folders and scanned in path order has a run a folder: the expected
/// years of its files (``ExpectedYears``) take a few bytes a folder where an `[Int?]` took 16
/// bytes a file (48 MB for three million files), and ``CountedYears`` takes each year's files as
/// ranges rather than a list of their indices (8 bytes a file more). Files whose years alternate
/// take 12 bytes each.
struct YearRuns: RandomAccessCollection, Sendable, Equatable {
  /// Where each run starts, ascending; the first at 0.
  private var starts: [Int] = []
  /// Each run's year, ``none`` where no year is expected.
  private var years: [Int32] = []
  /// The number of files.
  private(set) var endIndex = 0

  /// A run's year when no year is expected.
  private static let none = Int32.min

  /// No files.
  init() {}

  /// The years of `years`, in order.
  init(_ years: some Sequence<Int?>) {
    for year in years { append(year) }
  }

  var startIndex: Int { 0 }

  /// The year expected of the file at `position`.
  subscript(position: Int) -> Int? {
    precondition(indices.contains(position), "no file at \(position)")
    return Self.year(years[starts.lastIndex(notAbove: position)])
  }

  /// Adds `count` files expected in `year`. A year that does not fit 32 bits (no four-digit
  /// year is one) is taken as none expected: an expected year only saves memory, and a file is
  /// counted under the year its header names all the same.
  mutating func append(_ year: Int?, count: Int = 1) {
    guard count > 0 else { return }
    let stored = year.flatMap { Int32(exactly: $0) }.flatMap { $0 == Self.none ? nil : $0 }
    let value = stored ?? Self.none
    if years.last != value {
      starts.append(endIndex)
      years.append(value)
    }
    endIndex += count
  }

  /// Each run: its year and the positions of its files, in order.
  var runs: some Sequence<(year: Int?, positions: Range<Int>)> {
    starts.indices.lazy.map { [starts, years, endIndex] run in
      let end = run + 1 < starts.count ? starts[run + 1] : endIndex
      return (Self.year(years[run]), starts[run]..<end)
    }
  }

  func makeIterator() -> Iterator { Iterator(runs: self) }

  /// The years one after another, without a search for each.
  struct Iterator: IteratorProtocol {
    fileprivate let runs: YearRuns
    private var run = 0
    private var position = 0

    fileprivate init(runs: YearRuns) { self.runs = runs }

    mutating func next() -> Int?? {
      guard position < runs.endIndex else { return nil }
      while run + 1 < runs.starts.count && runs.starts[run + 1] <= position { run += 1 }
      position += 1
      return .some(YearRuns.year(runs.years[run]))
    }
  }

  private static func year(_ stored: Int32) -> Int? {
    stored == none ? nil : Int(stored)
  }
}

extension [Int] {
  /// The index of the last element at or below `value`, in ascending elements whose first is
  /// at or below it: the run that a position is in, given where each run starts (of equal
  /// starts, an empty run's and the next run's, the last).
  func lastIndex(notAbove value: Int) -> Int {
    precondition(first.map { $0 <= value } == true, "no element at or below \(value)")
    var (low, high) = (0, count)
    while high - low > 1 {
      let middle = (low + high) / 2
      if self[middle] <= value { low = middle } else { high = middle }
    }
    return low
  }
}
