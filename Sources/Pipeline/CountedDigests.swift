import Corpus

/// The digests of the documents a run has counted, so that a file holding the same bytes as one
/// already counted (a copy of an article saved twice) is accepted but not counted again.
///
/// Equal bytes mean an equal date, so a copy always falls in the year of the document it
/// copies, and a year is always counted whole, from all of its documents, in one run: the copies
/// of a year are told apart within that count, whichever pass of an incremental run reads them.
/// Which of two copies is counted depends on which worker gets to it first, but the counts do
/// not; the report names the copies by the order of their paths (``ReportModel/DuplicateFile``).
///
/// The digests are kept by year, since a copy is only ever looked for among its year's: those
/// of the group of files being counted in sets, those of the groups counted before in sorted
/// arrays (``seal()``). In one set, three million digests took 34 MB (a set's room doubles, and
/// is at most three quarters full); sorted, each takes its 8 bytes.
///
/// A year whose files are all counted is closed (``close(through:)``): its digests are let go,
/// since the outcomes of its documents hold them anyway. Counted a year at a time, three million
/// short articles kept 23 MB of sorted digests by the last year; closed, a year or two's. A
/// document found later in a closed year (a file that changed since its year was read ahead,
/// or was put in no year) reopens it, its digests found again in the outcomes
/// (``insert(_:year:reopening:)``).
public final class CountedDigests: Sendable {
  private let state = Shared(State())

  private struct State {
    /// The digests inserted since the last ``seal()``, by year.
    var open: [Int: Set<UInt64>] = [:]
    /// The digests inserted before it, by year, ascending.
    var sealed: [Int: [UInt64]] = [:]
    /// The years closed, their digests let go.
    var closed: Set<Int> = []
  }

  /// An empty set.
  public init() {}

  /// Adds `digest`, of a document of `year`; false when it was there already, so its document
  /// is a copy.
  ///
  /// - Parameter reopening: The digests of the documents counted in a year, for a closed
  ///   `year`: it is reopened with them (kept sorted) before `digest` is looked for. Called
  ///   under this set's lock, once a closed year.
  public func insert(
    _ digest: UInt64, year: Int, reopening: ((Int) -> [UInt64])? = nil
  ) -> Bool {
    state.withLock { state in
      if state.closed.contains(year) {
        guard let reopening else { preconditionFailure("\(year) is closed: nothing reopens it") }
        state.closed.remove(year)
        state.sealed[year] = reopening(year).sorted()
      }
      if let sealed = state.sealed[year], sealed.containsSorted(digest) { return false }
      return state.open[year, default: []].insert(digest).inserted
    }
  }

  /// Keeps the digests inserted so far sorted, once a group of files is counted: most of its
  /// documents' years take no more digests, and sorted arrays take no more room than theirs.
  public func seal() {
    state.withLock { state in
      for (year, digests) in state.open {
        let before = state.sealed.removeValue(forKey: year) ?? []
        var all: [UInt64] = []
        all.reserveCapacity(before.count + digests.count)
        all += before
        all += digests
        all.sort()
        state.sealed[year] = all
      }
      state.open = [:]
    }
  }

  /// Closes every year up to `year` that holds digests: they are let go, and a document of one
  /// of them found later reopens it (``insert(_:year:reopening:)``).
  public func close(through year: Int) {
    state.withLock { state in
      let closing = Set(state.open.keys).union(state.sealed.keys).filter { $0 <= year }
      for closed in closing {
        state.open[closed] = nil
        state.sealed[closed] = nil
      }
      state.closed.formUnion(closing)
    }
  }

  /// How many digests are held, those of closed years aside.
  public var heldCount: Int {
    state.withLock { state in
      state.open.values.reduce(0) { $0 + $1.count }
        + state.sealed.values.reduce(0) { $0 + $1.count }
    }
  }

  /// Lets the digests go, and forgets which years were closed, once nothing more is counted.
  public func removeAll() {
    state.withLock { $0 = State() }
  }
}

extension Array where Element == UInt64 {
  /// Whether this array, sorted ascending, holds `value`.
  fileprivate func containsSorted(_ value: UInt64) -> Bool {
    var (low, high) = (0, count)
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < count && self[low] == value
  }
}
