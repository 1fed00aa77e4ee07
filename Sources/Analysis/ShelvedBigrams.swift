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

extension TermBlob.Shelved {
  /// The words and unigrams of this sorted blob (a ``SortedTerms`` without bigrams), read from
  /// its shelf `pieceBytes` at a time, and its bigrams where they lie: what
  /// ``PackedBigrams/unpacking(_:)`` gives of a blob in memory, without the blob. A year's
  /// bigrams are most of its blob (67 of the 90 MB of the bench's 1 GB corpus dated in one
  /// year), and are not read here.
  ///
  /// - Throws: What the shelf throws, or ``TermBlob/Malformed`` when the bytes are not a sorted
  ///   blob (version 3 or 4).
  public func unpackingHead(pieceBytes: Int = ShelvedBigrams.pieceBytes) throws -> (
    words: SortedTerms, bigrams: ShelvedBigrams
  ) {
    var reader = ShelfReader(shelf: shelf, unread: range, pieceBytes: max(64, pieceBytes))
    let magic = try reader.bytes(TermBlob.magic4.count)
    guard magic.elementsEqual(TermBlob.magic4) || magic.elementsEqual(TermBlob.magic3) else {
      throw TermBlob.Malformed(detail: "not a sorted blob")
    }
    let stepped = magic.elementsEqual(TermBlob.magic4)
    let wordCount = try reader.varint()
    var arena: [UInt8] = []
    var starts: [Int32] = [0]
    starts.reserveCapacity(wordCount + 1)
    for _ in 0..<wordCount {
      arena += try reader.bytes(try reader.varint())
      starts.append(Int32(arena.count))
    }
    let unigramCount = try reader.varint()
    var unigrams: [SortedTerms.Unigram] = []
    unigrams.reserveCapacity(unigramCount)
    for _ in 0..<unigramCount {
      let word = try reader.varint()
      let count = try reader.varint()
      let documents = try reader.varint()
      guard word < wordCount else { throw TermBlob.Malformed(detail: "a unigram of no word") }
      unigrams.append(
        SortedTerms.Unigram(
          word: Int32(word), count: UInt32(clamping: count), documents: UInt32(clamping: documents)
        ))
    }
    let bigramCount = try reader.varint()
    let words = SortedTerms(
      arena: arena, starts: starts, unigrams: unigrams, bigrams: [], sorted: true)
    let bigrams = ShelvedBigrams(
      shelf: shelf, range: reader.offset..<range.upperBound, count: bigramCount,
      stepped: stepped)
    return (words, bigrams)
  }
}

/// Reads the numbers and byte strings of bytes on a shelf in order, a piece at a time.
private struct ShelfReader {
  let shelf: any ByteShelf
  /// The bytes of the shelf not read into ``piece`` yet.
  var unread: Range<Int>
  let pieceBytes: Int
  /// Bytes read from the shelf: those from ``index`` on are not decoded yet.
  private var piece: [UInt8] = []
  private var index = 0

  init(shelf: any ByteShelf, unread: Range<Int>, pieceBytes: Int) {
    self.shelf = shelf
    self.unread = unread
    self.pieceBytes = pieceBytes
  }

  /// Where on the shelf the next byte to decode is.
  var offset: Int { unread.lowerBound - (piece.count - index) }

  /// Reads more of the shelf until `count` bytes are there to decode, or the shelf's are all
  /// read.
  private mutating func need(_ count: Int) throws {
    guard piece.count - index < count, !unread.isEmpty else { return }
    let next = unread.prefix(max(pieceBytes, count - (piece.count - index)))
    piece = Array(piece[index...]) + (try shelf.read(next))
    index = 0
    unread = next.upperBound..<unread.upperBound
  }

  /// The next number (an unsigned LEB128 varint).
  mutating func varint() throws -> Int {
    try need(PackedBytes.maximumVarintBytes)
    let start = index
    let (value, end) = try piece.withUnsafeBufferPointer { all throws(TermBlob.Malformed) in
      var reader = TermBlob.Reader(bytes: all, index: start)
      return (try reader.varint(), reader.index)
    }
    index = end
    return value
  }

  /// The next `count` bytes.
  mutating func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
    try need(count)
    guard piece.count - index >= count else { throw TermBlob.Malformed(detail: "truncated text") }
    defer { index += count }
    return piece[index..<index + count]
  }
}
