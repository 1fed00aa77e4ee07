extension TermBlob {
  /// Packs a version 2 or 4 blob: words first (each once), then unigrams and bigrams that refer to
  /// them by index.
  public struct Builder: Sendable {
    private var words = PackedBytes()
    private var wordCount = 0
    private var unigrams = PackedBytes()
    private var unigramCount = 0
    private var bigrams: PackedBytes
    private var bigramCount = 0
    /// Whether the blob is sorted (version 4), its bigrams' words written as steps.
    private let sorted: Bool
    private var steps = BigramSteps()
    /// The bigrams' bytes put aside so far, in order (``putBigramsAside(on:)``).
    private var aside: [(shelf: any ByteShelf, range: Range<Int>)] = []

    /// Starts an empty blob, with room for about `terms` terms: version 4 when `sorted` (words
    /// are added in byte order, unigrams by word and bigrams by first and then second word),
    /// else version 2.
    public init(terms expected: Int = 0, sorted: Bool = false) {
      bigrams = PackedBytes(capacity: expected * 5)
      self.sorted = sorted
    }

    /// Starts an empty sorted blob with room for at most `words` words of `wordBytes` bytes in
    /// all, `unigrams` unigrams and `bigrams` bigrams whose numbers are below 2²¹ (three bytes
    /// each), so that it seldom grows: room never written takes no memory (``PackedBytes``).
    init(words: Int, wordBytes: Int, unigrams: Int, bigrams: Int) {
      self.words = PackedBytes(capacity: wordBytes + 3 * words)
      self.unigrams = PackedBytes(capacity: 9 * unigrams)
      self.bigrams = PackedBytes(capacity: 12 * bigrams)
      sorted = true
    }

    /// Adds a word and returns its index, for ``addUnigram(_:count:documents:)`` and
    /// ``addBigram(_:_:count:documents:)``. Each word is to be added once.
    public mutating func addWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
      words.write(atMost: PackedBytes.maximumVarintBytes + bytes.count) { writer in
        writer.varint(UInt64(bytes.count))
        writer.bytes(bytes)
      }
      wordCount += 1
      return wordCount - 1
    }

    /// Adds the unigram of word `index`.
    public mutating func addUnigram(_ index: Int, count: Int, documents: Int) {
      unigrams.write(atMost: 3 * PackedBytes.maximumVarintBytes) { writer in
        writer.varint(UInt64(index))
        writer.varint(UInt64(count))
        writer.varint(UInt64(documents))
      }
      unigramCount += 1
    }

    /// Adds the bigram of words `first` and `second`; in a sorted blob, after every bigram of an
    /// earlier first word, or of the same first word and an earlier second.
    public mutating func addBigram(_ first: Int, _ second: Int, count: Int, documents: Int) {
      let (one, two) = sorted ? steps.encode(first, second) : (first, second)
      bigrams.write(atMost: 4 * PackedBytes.maximumVarintBytes) { writer in
        writer.varint(UInt64(one))
        writer.varint(UInt64(two))
        writer.varint(UInt64(count))
        writer.varint(UInt64(documents))
      }
      bigramCount += 1
    }

    /// The bytes of the bigrams added since they were last put aside.
    public var heldBigramBytes: Int { bigrams.count }

    /// Puts the bigrams' bytes added so far on `shelf` and lets them go: a pooled year's
    /// bigrams are most of its blob, and packed as they come they need not all be held until
    /// it is finished. Only ``finish(onto:)`` finishes a builder that put bigrams aside.
    public mutating func putBigramsAside<Shelf: ByteShelf>(on shelf: Shelf)
      throws(Shelf.Failure)
    {
      guard bigrams.count > 0 else { return }
      aside.append((shelf, try shelf.append(Array(bigrams.written))))
      bigrams.removeAll()
    }

    /// The finished blob written into room made for it on `shelf`, a part at a time: the
    /// bytes of ``finish()``, without the copy of every part into one array that it makes, and
    /// with the bigrams put aside (``putBigramsAside(on:)``) read back a megabyte at a time.
    ///
    /// - Throws: What `shelf`, or a shelf the bigrams were put aside on, throws.
    public func finish(onto shelf: some WritableShelf) throws -> TermBlob.Shelved {
      func number(_ value: Int) -> ArraySlice<UInt8> {
        var packed = PackedBytes()
        packed.write(atMost: PackedBytes.maximumVarintBytes) { $0.varint(UInt64(value)) }
        return packed.written
      }
      let magic = sorted ? TermBlob.magic4 : TermBlob.magic2
      let head = [
        magic[...], number(wordCount), words.written, number(unigramCount), unigrams.written,
        number(bigramCount),
      ]
      let total =
        head.reduce(0) { $0 + $1.count } + aside.reduce(0) { $0 + $1.range.count }
        + bigrams.count
      let range = try shelf.reserve(total)
      var offset = range.lowerBound
      func write(_ piece: ArraySlice<UInt8>) throws {
        try shelf.write(piece, at: offset)
        offset += piece.count
      }
      for piece in head { try write(piece) }
      for (source, part) in aside {
        for start in stride(from: part.lowerBound, to: part.upperBound, by: 1 << 20) {
          try write(try source.read(start..<min(start + (1 << 20), part.upperBound))[...])
        }
      }
      try write(bigrams.written)
      precondition(offset == range.upperBound, "a blob written short of its room")
      return TermBlob.Shelved(
        shelf: shelf, range: range,
        checked: Checked(byteCount: total, unigrams: unigramCount, bigrams: bigramCount))
    }

    /// The finished blob.
    public func finish() -> TermBlob {
      precondition(aside.isEmpty, "bigrams put aside: the blob is finished onto a shelf")
      let magic = sorted ? TermBlob.magic4 : TermBlob.magic2
      let size =
        magic.count + 3 * PackedBytes.maximumVarintBytes + words.count + unigrams.count
        + bigrams.count
      var packed = PackedBytes(capacity: size)
      magic.withUnsafeBufferPointer { magic in
        words.withBytes { words in
          unigrams.withBytes { unigrams in
            bigrams.withBytes { bigrams in
              packed.write(atMost: size) { writer in
                writer.bytes(magic)
                writer.varint(UInt64(wordCount))
                writer.bytes(words)
                writer.varint(UInt64(unigramCount))
                writer.bytes(unigrams)
                writer.varint(UInt64(bigramCount))
                writer.bytes(bigrams)
              }
            }
          }
        }
      }
      return TermBlob(bytes: packed.finish(), unigrams: unigramCount, bigrams: bigramCount)
    }
  }

  /// Reads the numbers and byte strings of a blob, checking each against the end.
  struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int

    @inline(__always)
    mutating func varint() throws(Malformed) -> Int {
      // Most numbers of a blob (word indices, counts) fit in one to three bytes.
      if index + 2 < bytes.count {
        let low = bytes[index]
        if low < 0x80 {
          index += 1
          return Int(low)
        }
        let middle = bytes[index + 1]
        if middle < 0x80 {
          index += 2
          return Int(low & 0x7F) | Int(middle) << 7
        }
        let high = bytes[index + 2]
        if high < 0x80 {
          index += 3
          return Int(low & 0x7F) | Int(middle & 0x7F) << 7 | Int(high) << 14
        }
      }
      return try longVarint()
    }

    /// A number of one byte or more, checked byte by byte.
    mutating func longVarint() throws(Malformed) -> Int {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        guard index < bytes.count, shift < 64 else { throw Malformed(detail: "truncated number") }
        let byte = bytes[index]
        index += 1
        value |= UInt64(byte & 0x7F) << shift
        if byte & 0x80 == 0 { break }
        shift += 7
      }
      guard value <= UInt64(Int.max) else { throw Malformed(detail: "number out of range") }
      return Int(value)
    }

    /// A length-prefixed byte string.
    mutating func text() throws(Malformed) -> Range<Int> {
      let length = try varint()
      guard length <= bytes.count - index else { throw Malformed(detail: "truncated text") }
      defer { index += length }
      return index..<index + length
    }
  }
}

/// The words of a sorted blob's bigrams as steps (version 4): the first word as the step from
/// the bigram before's first word, the second as the step from the bigram before's second word
/// when the first word is the same, else as itself. Bigrams are in order of their words, so
/// steps are never negative, and most are small: a first word's bigrams follow one another, so
/// its step is mostly 0, and one byte instead of three.
struct BigramSteps: Sendable {
  private var first = 0
  private var second = 0

  /// The steps to the bigram of words `first` and `second`, which comes after the one before.
  @inline(__always)
  mutating func encode(_ first: Int, _ second: Int) -> (Int, Int) {
    precondition(
      first > self.first || (first == self.first && second >= self.second),
      "a sorted blob's bigrams out of order")
    let steps = (first - self.first, first == self.first ? second - self.second : second)
    (self.first, self.second) = (first, second)
    return steps
  }

  /// The words of the bigram `steps` away from the one before (read from a blob checked or
  /// written before: no step overflows).
  @inline(__always)
  mutating func decode(_ firstStep: Int, _ secondStep: Int) -> (Int, Int) {
    second = firstStep == 0 ? second &+ secondStep : secondStep
    first = first &+ firstStep
    return (first, second)
  }

  /// The same, for bytes being checked: nil when a step takes a word beyond `words`.
  mutating func checkedDecode(_ firstStep: Int, _ secondStep: Int, words: Int) -> (Int, Int)? {
    guard firstStep < words - first,
      secondStep < words - (firstStep == 0 ? second : 0)
    else { return nil }
    return decode(firstStep, secondStep)
  }
}
