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

/// A shelf that also makes room first and writes into it afterwards: a blob is written there in
/// its parts, some of them read back from elsewhere a piece at a time, and never held whole
/// (``TermBlob/Builder/finish(onto:)``).
public protocol WritableShelf: ByteShelf {
  /// Room for `count` bytes after those put before (threads making room at once each get room
  /// of their own), to be written with ``write(_:at:)``.
  func reserve(_ count: Int) throws(Failure) -> Range<Int>
  /// Writes `bytes` at `offset`, within room ``reserve(_:)`` made.
  func write(_ bytes: ArraySlice<UInt8>, at offset: Int) throws(Failure)
}

/// A shelf in memory: what is put on it stays in the process's memory until it goes.
///
/// It never fails; `Failure` is the failure the shelf is to pass for (that of the
/// ``ReportModel`` year source it serves).
public final class MemoryShelf<Failure: Error>: WritableShelf {
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

  /// Room for `count` bytes, zeros until written.
  public func reserve(_ count: Int) throws(Failure) -> Range<Int> {
    try append([UInt8](repeating: 0, count: count))
  }

  /// Writes `bytes` over those at `offset`.
  public func write(_ bytes: ArraySlice<UInt8>, at offset: Int) throws(Failure) {
    self.bytes.withLock { $0.replaceSubrange(offset..<offset + bytes.count, with: bytes) }
  }
}

extension TermBlob {
  /// A blob put on a shelf: where its bytes are, and what they were when it was put there, so
  /// that they are read back without being checked again.
  public struct Shelved: Sendable {
    /// The shelf it is on.
    public let shelf: any ByteShelf
    /// Where its bytes are on ``shelf``.
    public let range: Range<Int>
    /// What its bytes were.
    public let checked: Checked

    /// Puts `blob` on `shelf`.
    public init<Shelf: ByteShelf>(_ blob: TermBlob, on shelf: Shelf) throws(Shelf.Failure) {
      self.shelf = shelf
      range = try shelf.append(blob.bytes)
      checked = blob.checked
    }

    /// A blob put on `shelf` before, at `range`, whose bytes were `checked`.
    public init(shelf: any ByteShelf, range: Range<Int>, checked: Checked) {
      self.shelf = shelf
      self.range = range
      self.checked = checked
    }

    /// The blob, read back.
    ///
    /// - Throws: What the shelf throws, or ``Malformed`` when the bytes read back are not as
    ///   many as were put there.
    public func read() throws -> TermBlob {
      let bytes = try shelf.read(range)
      guard let blob = TermBlob(bytes: bytes, checkedBefore: checked) else {
        throw Malformed(detail: "\(bytes.count) bytes read back of \(checked.byteCount) put aside")
      }
      return blob
    }
  }
}
