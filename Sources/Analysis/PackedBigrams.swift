/// The bigrams of a sorted (version 3 or 4) ``TermBlob``, read in order straight from its bytes.
///
/// A year's bigrams are most of its terms, and unpacked they take several times the room of
/// their packed bytes; a reader that goes through them once, in order (comparing two years,
/// picking the frequent ones), takes them one at a time from the blob instead.
public struct PackedBigrams: Sendable {
  /// The blob's bytes (shared with the blob, not copied); ``shelved(on:)`` puts the bigrams'
  /// alone aside.
  private let bytes: [UInt8]
  /// Where the first bigram starts in ``bytes``.
  private let start: Int
  /// The number of bigrams.
  public let count: Int
  /// Whether their words are written as steps (version 4, ``BigramSteps``).
  private let stepped: Bool

  /// The bigrams of the sorted `blob`, the first of them at byte `start`.
  private init(sortedBlob blob: TermBlob, start: Int) {
    bytes = blob.bytes
    self.start = start
    count = blob.bigrams
    stepped = blob.hasBigramSteps
  }

  /// `blob`'s words and unigrams unpacked (a ``SortedTerms`` without bigrams), and its bigrams
  /// left packed. A blob of an earlier version is sorted first.
  public static func unpacking(_ blob: TermBlob) -> (words: SortedTerms, bigrams: PackedBigrams) {
    guard blob.isSorted else { return unpacking(SortedTerms(blob).blob) }
    var arena: [UInt8] = []
    var starts: [Int32] = [0]
    var unigrams: [SortedTerms.Unigram] = []
    unigrams.reserveCapacity(blob.unigrams)
    // The bytes were checked when the blob was made, so reading cannot fail.
    let start = blob.bytes.withUnsafeBufferPointer { all in
      var reader = TermBlob.Reader(bytes: all, index: TermBlob.magic3.count)
      let words = try! reader.varint()
      arena.reserveCapacity(all.count / 4)
      starts.reserveCapacity(words + 1)
      for _ in 0..<words {
        arena += UnsafeBufferPointer(rebasing: all[try! reader.text()])
        starts.append(Int32(arena.count))
      }
      for _ in 0..<(try! reader.varint()) {
        let word = Int32(try! reader.varint())
        let count = UInt32(clamping: try! reader.varint())
        let documents = UInt32(clamping: try! reader.varint())
        unigrams.append(SortedTerms.Unigram(word: word, count: count, documents: documents))
      }
      _ = try! reader.varint()
      return reader.index
    }
    let words = SortedTerms(
      arena: arena, starts: starts, unigrams: unigrams, bigrams: [], sorted: true)
    return (words, PackedBigrams(sortedBlob: blob, start: start))
  }

  /// Reads bigrams one after another.
  ///
  /// The blob was checked when it was made (``TermBlob/init(validating:)``) or written here, so
  /// its numbers are read without checking each byte against the end.
  public struct Cursor {
    private let bytes: [UInt8]
    private var index: Int
    private var left: Int
    /// Whether the words are written as steps (version 4).
    private let stepped: Bool
    private var steps = BigramSteps()

    fileprivate init(bytes: [UInt8], index: Int, left: Int, stepped: Bool) {
      self.bytes = bytes
      self.index = index
      self.left = left
      self.stepped = stepped
    }

    /// The next bigram, or nil after the last.
    @inline(__always)
    public mutating func next() -> SortedTerms.Bigram? {
      guard left > 0 else { return nil }
      left -= 1
      var position = index
      let bigram = bytes.withUnsafeBufferPointer { all in
        Self.bigram(all.baseAddress!, &position, stepped: stepped, steps: &steps)
      }
      index = position
      return bigram
    }

    /// The most bytes a bigram takes: four numbers of at most ten bytes.
    static let longestBigram = 40

    /// The bigram written at `position` of `base`, `position` moved past it; `steps` follows
    /// the words of a `stepped` blob (version 4).
    @inline(__always)
    static func bigram(
      _ base: UnsafePointer<UInt8>, _ position: inout Int, stepped: Bool,
      steps: inout BigramSteps
    ) -> SortedTerms.Bigram {
      var first = Int(truncatingIfNeeded: varint(base, &position))
      var second = Int(truncatingIfNeeded: varint(base, &position))
      if stepped { (first, second) = steps.decode(first, second) }
      let count = UInt32(clamping: varint(base, &position))
      let documents = UInt32(clamping: varint(base, &position))
      return SortedTerms.Bigram(
        first: Int32(truncatingIfNeeded: first), second: Int32(truncatingIfNeeded: second),
        count: count, documents: documents)
    }

    /// A number of one to three bytes (word indices below 2²¹, most counts) without a loop;
    /// a byte after one with its high bit set belongs to the same number, so it is there to read.
    ///
    /// The same decoding as ``TermBlob/Reader/varint()``, without its check against the end:
    /// reading through that reader cost the comparisons' cursor 11 % more instructions, and a
    /// helper shared by both, returning nil for longer numbers, 29 % more (callgrind, 2026-12-03).
    @inline(__always)
    private static func varint(_ base: UnsafePointer<UInt8>, _ position: inout Int) -> UInt64 {
      let low = base[position]
      if low < 0x80 {
        position += 1
        return UInt64(low)
      }
      let middle = base[position + 1]
      if middle < 0x80 {
        position += 2
        return UInt64(low & 0x7F) | UInt64(middle) << 7
      }
      let high = base[position + 2]
      if high < 0x80 {
        position += 3
        return UInt64(low & 0x7F) | UInt64(middle & 0x7F) << 7 | UInt64(high) << 14
      }
      return longVarint(base, &position)
    }

    /// A number of four bytes or more.
    private static func longVarint(_ base: UnsafePointer<UInt8>, _ position: inout Int) -> UInt64 {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        let byte = base[position]
        position += 1
        value |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { return value }
        shift += 7
      }
    }
  }

  /// The same bigrams put on `shelf`, their bytes alone (the words and unigrams before them in
  /// the blob, about two fifths of it, are not), so that the blob can go.
  ///
  /// The bytes are appended `pieceBytes` at a time, so that they are never held twice (a
  /// year's bigrams at three million files: 24 MB); nothing else is to be appended to `shelf`
  /// meanwhile.
  public func shelved<Shelf: ByteShelf>(on shelf: Shelf, pieceBytes: Int = 1 << 20)
    throws(Shelf.Failure) -> ShelvedBigrams
  {
    precondition(pieceBytes > 0, "pieces of no bytes")
    var range: Range<Int>?
    for piece in stride(from: start, to: max(start + 1, bytes.count), by: pieceBytes) {
      let put = try shelf.append(Array(bytes[piece..<min(piece + pieceBytes, bytes.count)]))
      if let before = range {
        precondition(put.lowerBound == before.upperBound, "bytes appended to the shelf between")
        range = before.lowerBound..<put.upperBound
      } else {
        range = put
      }
    }
    return ShelvedBigrams(shelf: shelf, range: range!, count: count, stepped: stepped)
  }

  /// A cursor at the first bigram.
  public func makeCursor() -> Cursor {
    Cursor(bytes: bytes, index: start, left: count, stepped: stepped)
  }

  /// Calls `body` with each bigram, in order.
  public func forEachBigram(_ body: (SortedTerms.Bigram) throws -> Void) rethrows {
    var cursor = makeCursor()
    while let bigram = cursor.next() { try body(bigram) }
  }
}
