extension TermBlob {
  /// Packs a version 2 blob: words first (each once), then terms that refer to them by index.
  public struct Builder: Sendable {
    private var words: [UInt8] = []
    private var wordCount = 0
    private var terms: [UInt8] = []
    private var termCount = 0

    /// Starts an empty blob, with room for about `terms` terms.
    public init(terms expected: Int = 0) {
      terms.reserveCapacity(expected * 5)
    }

    /// Adds a word and returns its index, for ``addUnigram(_:count:documents:)`` and
    /// ``addBigram(_:_:count:documents:)``. Each word is to be added once.
    public mutating func addWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
      TermBlob.appendVarint(UInt64(bytes.count), to: &words)
      words.append(contentsOf: bytes)
      wordCount += 1
      return wordCount - 1
    }

    /// Adds the unigram of word `index`.
    public mutating func addUnigram(_ index: Int, count: Int, documents: Int) {
      terms.append(1)
      TermBlob.appendVarint(UInt64(index), to: &terms)
      appendFigures(count, documents)
    }

    /// Adds the bigram of words `first` and `second`.
    public mutating func addBigram(_ first: Int, _ second: Int, count: Int, documents: Int) {
      terms.append(2)
      TermBlob.appendVarint(UInt64(first), to: &terms)
      TermBlob.appendVarint(UInt64(second), to: &terms)
      appendFigures(count, documents)
    }

    private mutating func appendFigures(_ count: Int, _ documents: Int) {
      TermBlob.appendVarint(UInt64(count), to: &terms)
      TermBlob.appendVarint(UInt64(documents), to: &terms)
      termCount += 1
    }

    /// The finished blob.
    public func finish() -> TermBlob {
      var bytes = TermBlob.magic2
      bytes.reserveCapacity(words.count + terms.count + 24)
      TermBlob.appendVarint(UInt64(wordCount), to: &bytes)
      bytes += words
      TermBlob.appendVarint(UInt64(termCount), to: &bytes)
      bytes += terms
      return TermBlob(bytes: bytes, count: termCount)
    }
  }

  /// Reads the numbers and ranges of a blob.
  struct Reader {
    let bytes: [UInt8]
    var index: Int

    mutating func varint() throws(Malformed) -> Int {
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

    /// A version 1 term: n, text, count, documents.
    mutating func term() throws(Malformed) -> (Int, Range<Int>, Int, Int) {
      guard index < bytes.count else { throw Malformed(detail: "truncated term") }
      let n = Int(bytes[index])
      index += 1
      let text = try text()
      return (n, text, try varint(), try varint())
    }

    /// A version 2 term: n, word indices (the second -1 for a unigram), count, documents.
    mutating func entry(words: Int) throws(Malformed) -> (Int, Int, Int, Int, Int) {
      guard index < bytes.count else { throw Malformed(detail: "truncated term") }
      let n = Int(bytes[index])
      index += 1
      guard n == 1 || n == 2 else { throw Malformed(detail: "a term of size \(n)") }
      let first = try varint()
      let second = n == 2 ? try varint() : -1
      guard first < words && second < words else { throw Malformed(detail: "no such word") }
      return (n, first, second, try varint(), try varint())
    }
  }
}
