/// The head of a sorted blob on a shelf (its words and unigrams) read in order, a piece at a
/// time: its words one by one, then its unigrams, then where its bigrams lie.
///
/// Pooling parts of a year reads the words of every part side by side, in step, into their
/// union (``PooledTerms/init(shelved:pieceBytes:)``): only a piece of each part is held, not
/// each part's words whole.
struct ShelvedHead {
  private var reader: ShelfReader
  /// Whether its bigrams' words are written as steps (version 4, ``BigramSteps``).
  private let stepped: Bool
  /// The number of its words.
  let wordCount: Int
  /// The words not read yet.
  private var wordsLeft: Int
  /// The unigrams not read yet, once the words are read (nil before).
  private var unigramsLeft: Int?

  /// Starts reading `blob` from its shelf `pieceBytes` at a time.
  ///
  /// - Throws: What the shelf throws, or ``TermBlob/Malformed`` when the bytes are not a sorted
  ///   blob (version 3 or 4).
  init(_ blob: TermBlob.Shelved, pieceBytes: Int = ShelvedBigrams.pieceBytes) throws {
    reader = ShelfReader(shelf: blob.shelf, unread: blob.range, pieceBytes: max(64, pieceBytes))
    let magic = try reader.bytes(TermBlob.magic4.count)
    guard magic.elementsEqual(TermBlob.magic4) || magic.elementsEqual(TermBlob.magic3) else {
      throw TermBlob.Malformed(detail: "not a sorted blob")
    }
    stepped = magic.elementsEqual(TermBlob.magic4)
    wordCount = try reader.varint()
    wordsLeft = wordCount
  }

  /// The next word's bytes (valid until the next call), or nil after the last.
  mutating func nextWord() throws -> ArraySlice<UInt8>? {
    guard wordsLeft > 0 else { return nil }
    wordsLeft -= 1
    return try reader.bytes(try reader.varint())
  }

  /// The number of unigrams, read once every word is.
  mutating func unigramCount() throws -> Int {
    precondition(wordsLeft == 0, "unigrams read before the words")
    if let unigramsLeft { return unigramsLeft }
    let count = try reader.varint()
    unigramsLeft = count
    return count
  }

  /// The next unigram (its word an index among the blob's words), or nil after the last.
  ///
  /// - Throws: What the shelf throws, or ``TermBlob/Malformed`` for a unigram of no word.
  mutating func nextUnigram() throws -> SortedTerms.Unigram? {
    let left = try unigramCount()
    guard left > 0 else { return nil }
    unigramsLeft = left - 1
    let word = try reader.varint()
    let count = try reader.varint()
    let documents = try reader.varint()
    guard word < wordCount else { throw TermBlob.Malformed(detail: "a unigram of no word") }
    return SortedTerms.Unigram(
      word: Int32(word), count: UInt32(clamping: count), documents: UInt32(clamping: documents))
  }

  /// Where the blob's bigrams lie, once every unigram is read.
  mutating func bigrams() throws -> ShelvedBigrams {
    let unigramsLeft = try unigramCount()
    precondition(unigramsLeft == 0, "bigrams found before the unigrams are read")
    let count = try reader.varint()
    // The reader's unread bytes end where the blob does.
    return ShelvedBigrams(
      shelf: reader.shelf, range: reader.offset..<reader.unread.upperBound, count: count,
      stepped: stepped)
  }
}

/// Reads the numbers and byte strings of bytes on a shelf in order, a piece at a time.
struct ShelfReader {
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
