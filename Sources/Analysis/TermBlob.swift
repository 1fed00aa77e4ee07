/// A year's terms packed into one byte string: a few bytes per term instead of a `String` and a
/// row each.
///
/// A full run stores millions of (year, term) figures. Statistics are packed straight from the
/// vocabulary's bytes, stored as one blob per year and unpacked straight into the vocabulary
/// again, so no term becomes a `String` on the way (``terms`` does that, for tests and tools).
///
/// Format (version 1): the bytes `ATB1`, the number of terms, then for each term its size `n`
/// (one byte), the length of its UTF-8 text, the text, its count and its document count. Every
/// number is an unsigned LEB128 varint. Terms keep the order they were added in.
public struct TermBlob: Sendable, Equatable {
  static let magic: [UInt8] = Array("ATB1".utf8)

  /// Why a blob could not be read.
  public struct Malformed: Error, Sendable, CustomStringConvertible {
    /// What was wrong.
    public var detail: String
    /// A message naming the problem.
    public var description: String { "malformed term blob: \(detail)" }
  }

  /// The packed bytes.
  public private(set) var bytes: [UInt8]
  /// The number of terms.
  public let count: Int
  private var added = 0

  /// Starts a blob of exactly `count` terms, to be given to ``append(n:text:count:documents:)``.
  public init(count: Int, reservingBytes: Int = 0) {
    self.count = count
    bytes = Self.magic
    bytes.reserveCapacity(reservingBytes + 16)
    Self.appendVarint(UInt64(count), to: &bytes)
  }

  /// Packs `terms`.
  public init(_ terms: [YearSlice.Term]) {
    self.init(count: terms.count, reservingBytes: terms.count * 16)
    for term in terms {
      var text = term.text
      text.withUTF8 { append(n: term.n, text: $0, count: term.count, documents: term.documents) }
    }
  }

  /// Checks and takes over bytes made by ``bytes``.
  ///
  /// - Throws: ``Malformed`` when the bytes are not such a blob.
  public init(validating bytes: [UInt8]) throws(Malformed) {
    guard bytes.starts(with: Self.magic) else { throw Malformed(detail: "unknown format") }
    var reader = Reader(bytes: bytes, index: Self.magic.count)
    count = try reader.varint()
    for _ in 0..<count { _ = try reader.term() }
    guard reader.index == bytes.count else { throw Malformed(detail: "trailing bytes") }
    self.bytes = bytes
    added = count
  }

  /// Adds a term; `text` is a bigram's two words joined by one space.
  public mutating func append(
    n: Int, text: UnsafeBufferPointer<UInt8>, count occurrences: Int, documents: Int
  ) {
    precondition(added < count, "more terms than announced")
    added += 1
    bytes.append(UInt8(truncatingIfNeeded: n))
    Self.appendVarint(UInt64(text.count), to: &bytes)
    bytes.append(contentsOf: text)
    Self.appendVarint(UInt64(occurrences), to: &bytes)
    Self.appendVarint(UInt64(documents), to: &bytes)
  }

  /// Calls `body` with each term's size, UTF-8 text, count and document count, in order.
  public func forEachTerm(
    _ body: (_ n: Int, _ text: UnsafeBufferPointer<UInt8>, _ count: Int, _ documents: Int)
      throws -> Void
  ) rethrows {
    // The bytes were checked (or written here), so reading cannot fail.
    var reader = Reader(bytes: bytes, index: Self.magic.count)
    let total = try! reader.varint()
    try bytes.withUnsafeBufferPointer { all in
      for _ in 0..<total {
        let (n, range, occurrences, documents) = try! reader.term()
        try body(n, UnsafeBufferPointer(rebasing: all[range]), occurrences, documents)
      }
    }
  }

  /// Whether every announced term has been added.
  public var isComplete: Bool { added == count }

  /// The terms as values.
  public var terms: [YearSlice.Term] {
    var result: [YearSlice.Term] = []
    result.reserveCapacity(count)
    forEachTerm { n, text, occurrences, documents in
      result.append(
        YearSlice.Term(
          n: n, text: String(decoding: text, as: UTF8.self), count: occurrences,
          documents: documents))
    }
    return result
  }

  /// Packs `terms` (same as ``init(_:)``, as bytes).
  public static func encode(_ terms: [YearSlice.Term]) -> [UInt8] { TermBlob(terms).bytes }

  /// Unpacks a blob made by ``encode(_:)``.
  ///
  /// - Throws: ``Malformed`` when the bytes are not such a blob.
  public static func decode(_ bytes: [UInt8]) throws(Malformed) -> [YearSlice.Term] {
    try TermBlob(validating: bytes).terms
  }

  private struct Reader {
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

    mutating func term() throws(Malformed) -> (Int, Range<Int>, Int, Int) {
      guard index < bytes.count else { throw Malformed(detail: "truncated term") }
      let n = Int(bytes[index])
      index += 1
      let length = try varint()
      guard length <= bytes.count - index else { throw Malformed(detail: "truncated text") }
      let text = index..<index + length
      index += length
      let occurrences = try varint()
      let documents = try varint()
      return (n, text, occurrences, documents)
    }
  }

  private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }
}
