/// A year's packed bigrams put aside on a ``ByteShelf`` (``PackedBigrams/shelved(on:)``), read
/// back in order a piece at a time.
///
/// A span of years pooled reads every year's bigrams side by side (``PooledTerms``): on a
/// scratch file, only a piece of each year is in memory at once, not the whole of every year.
///
/// The shelf is held as `any ByteShelf`, so that the merge's code is not generic: generic over
/// the shelf, and not specialized across modules, the merge of 25 years took a third longer
/// (5.0-5.4 s against 4.0-4.4 s, `almanac report --compare 2025:2000-2024` at 1 GB). What it
/// throws is what the shelf throws.
public struct ShelvedBigrams: Sendable {
  private let shelf: any ByteShelf
  /// Where the bigrams' bytes are on the shelf.
  private let range: Range<Int>
  /// The number of bigrams.
  public let count: Int
  /// Whether their words are written as steps (version 4, ``BigramSteps``).
  private let stepped: Bool

  init(shelf: any ByteShelf, range: Range<Int>, count: Int, stepped: Bool) {
    self.shelf = shelf
    self.range = range
    self.count = count
    self.stepped = stepped
  }

  /// The bytes read from the shelf at a time, unless ``makeCursor(pieceBytes:)`` is told
  /// otherwise: 25 years of a 1 GB corpus pooled hold 25 such pieces.
  public static var pieceBytes: Int { 1 << 18 }

  /// A cursor at the first bigram, reading `pieceBytes` bytes at a time.
  public func makeCursor(pieceBytes: Int = pieceBytes) -> Cursor {
    Cursor(
      shelf: shelf, range: range, left: count, stepped: stepped,
      pieceBytes: max(pieceBytes, PackedBigrams.Cursor.longestBigram))
  }

  /// Reads the bigrams one after another, a piece of the shelf at a time.
  ///
  /// The bytes were checked when the blob was made or read (``TermBlob/init(validating:)``), as
  /// for ``PackedBigrams/Cursor``; the piece in memory is followed by zeros, so that even bytes
  /// that were not are never read beyond it.
  public struct Cursor {
    private let shelf: any ByteShelf
    /// The bytes of the shelf not read yet.
    private var unread: Range<Int>
    private let pieceBytes: Int
    /// The piece read: bytes `index..<end` are still to be decoded, and zeros follow them.
    private var piece = [UInt8](repeating: 0, count: PackedBigrams.Cursor.longestBigram)
    private var index = 0
    private var end = 0
    private var left: Int
    private let stepped: Bool
    private var steps = BigramSteps()

    fileprivate init(
      shelf: any ByteShelf, range: Range<Int>, left: Int, stepped: Bool, pieceBytes: Int
    ) {
      self.shelf = shelf
      unread = range
      self.left = left
      self.stepped = stepped
      self.pieceBytes = pieceBytes
    }

    /// The next bigram, or nil after the last.
    @inline(__always)
    public mutating func next() throws -> SortedTerms.Bigram? {
      guard left > 0 else { return nil }
      if end - index < PackedBigrams.Cursor.longestBigram && !unread.isEmpty { try readPiece() }
      left -= 1
      var position = index
      let bigram = piece.withUnsafeBufferPointer { all in
        PackedBigrams.Cursor.bigram(all.baseAddress!, &position, stepped: stepped, steps: &steps)
      }
      index = position
      return bigram
    }

    /// Keeps the bytes of the piece not decoded yet and reads the next piece after them, then
    /// the zeros.
    private mutating func readPiece() throws {
      let next = unread.prefix(pieceBytes)
      var fresh = Array(piece[index..<end])
      fresh += try shelf.read(next)
      unread = next.upperBound..<unread.upperBound
      (index, end) = (0, fresh.count)
      fresh += repeatElement(0, count: PackedBigrams.Cursor.longestBigram)
      piece = fresh
    }
  }
}
