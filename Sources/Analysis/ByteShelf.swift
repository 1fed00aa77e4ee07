import Synchronization

/// Somewhere to put bytes aside, written once and read back later a piece at a time, so that
/// they need not stay in memory while they wait.
///
/// A span of years pooled (``PooledTerms``) puts each year's packed bigrams on one and merges
/// them reading a piece of each at a time: a run gives it a scratch file, which holds them out
/// of the process's memory; ``MemoryShelf`` keeps them in memory, for figures already there.
public protocol ByteShelf: Sendable {
  /// Why bytes could not be put aside or read back.
  associatedtype Failure: Error
  /// Puts `bytes` aside, after those put before, returning where they are.
  func append(_ bytes: [UInt8]) throws(Failure) -> Range<Int>
  /// The bytes at `range`, within ranges ``append(_:)`` returned.
  func read(_ range: Range<Int>) throws(Failure) -> [UInt8]
}

/// A shelf in memory: what is put on it stays in the process's memory until it goes.
///
/// It never fails; `Failure` is the failure the shelf is to pass for (that of the
/// ``ReportModel`` year source it serves).
public final class MemoryShelf<Failure: Error>: ByteShelf {
  private let bytes = Mutex<[UInt8]>([])

  /// An empty shelf.
  public init() {}

  /// Appends `bytes`, returning where they are.
  public func append(_ bytes: [UInt8]) throws(Failure) -> Range<Int> {
    self.bytes.withLock { all in
      all += bytes
      return all.count - bytes.count..<all.count
    }
  }

  /// The bytes at `range`.
  public func read(_ range: Range<Int>) throws(Failure) -> [UInt8] {
    bytes.withLock { Array($0[range]) }
  }
}
