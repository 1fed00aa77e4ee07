/// A year's terms packed into one byte string: a few bytes per term instead of a `String` and a
/// row each.
///
/// A full run stores millions of (year, term) figures. Statistics are packed straight from the
/// vocabulary (``Builder``), stored as one blob per year and unpacked straight into a vocabulary
/// again (``forEachTermID(intern:each:)``), so no term becomes a `String` on the way (``terms``
/// does that, for tests and tools).
///
/// Format version 2 (written): the bytes `ATB2`; the number of words, then each word as the
/// length of its UTF-8 bytes and the bytes; the number of terms, then each term as its size `n`
/// (one byte), the index of its word (a bigram: of its two words), its count and its document
/// count. Every number is an unsigned LEB128 varint. A word is spelled once however many bigrams
/// use it, so a blob is about half the size of version 1 and unpacks with one vocabulary lookup
/// per word instead of one or two per term.
///
/// Version 1 (still read): `ATB1`, the number of terms, then each term as `n`, the length of its
/// text (a bigram's two words joined by a space), the text, its count and document count.
public struct TermBlob: Sendable, Equatable {
  static let magic1: [UInt8] = Array("ATB1".utf8)
  static let magic2: [UInt8] = Array("ATB2".utf8)

  /// Why a blob could not be read.
  public struct Malformed: Error, Sendable, CustomStringConvertible {
    /// What was wrong.
    public var detail: String
    /// A message naming the problem.
    public var description: String { "malformed term blob: \(detail)" }
  }

  /// The packed bytes.
  public let bytes: [UInt8]
  /// The number of terms.
  public let count: Int

  /// Packs `terms` (a bigram's text is its two words joined by one space).
  public init(_ terms: [YearSlice.Term]) {
    var builder = Builder()
    var index: [String: Int] = [:]
    func word(_ text: Substring) -> Int {
      let key = String(text)
      if let known = index[key] { return known }
      var copy = key
      let added = copy.withUTF8 { builder.addWord($0) }
      index[key] = added
      return added
    }
    for term in terms {
      if term.n == 1 {
        builder.addUnigram(word(term.text[...]), count: term.count, documents: term.documents)
      } else {
        let space = term.text.firstIndex(of: " ")
        precondition(space != nil, "a bigram without a space: \(term.text)")
        builder.addBigram(
          word(term.text[..<space!]), word(term.text[term.text.index(after: space!)...]),
          count: term.count, documents: term.documents)
      }
    }
    self = builder.finish()
  }

  init(bytes: [UInt8], count: Int) {
    self.bytes = bytes
    self.count = count
  }

  /// Checks and takes over bytes made by ``bytes`` (either version).
  ///
  /// - Throws: ``Malformed`` when the bytes are not such a blob.
  public init(validating bytes: [UInt8]) throws(Malformed) {
    var reader = Reader(bytes: bytes, index: 4)
    let terms: Int
    if bytes.starts(with: Self.magic2) {
      let words = try reader.varint()
      for _ in 0..<words { _ = try reader.text() }
      terms = try reader.varint()
      for _ in 0..<terms { _ = try reader.entry(words: words) }
    } else if bytes.starts(with: Self.magic1) {
      terms = try reader.varint()
      for _ in 0..<terms { _ = try reader.term() }
    } else {
      throw Malformed(detail: "unknown format")
    }
    guard reader.index == bytes.count else { throw Malformed(detail: "trailing bytes") }
    self.init(bytes: bytes, count: terms)
  }

  /// Calls `body` with each term's size, the ids that `intern` gives its word (a unigram's
  /// second id is -1) and its count and document count, in order. `intern` is called once per
  /// distinct word in a version 2 blob.
  public func forEachTermID(
    intern: (UnsafeBufferPointer<UInt8>) -> Int32,
    each body: (_ n: Int, _ first: Int32, _ second: Int32, _ count: Int, _ documents: Int) -> Void
  ) {
    // The bytes were checked (or written here), so reading cannot fail.
    var reader = Reader(bytes: bytes, index: 4)
    bytes.withUnsafeBufferPointer { all in
      if bytes.starts(with: Self.magic2) {
        let wordCount = try! reader.varint()
        var ids = [Int32](repeating: 0, count: wordCount)
        for index in 0..<wordCount {
          ids[index] = intern(UnsafeBufferPointer(rebasing: all[try! reader.text()]))
        }
        for _ in 0..<(try! reader.varint()) {
          let (n, first, second, occurrences, documents) = try! reader.entry(words: wordCount)
          body(n, ids[first], second < 0 ? -1 : ids[second], occurrences, documents)
        }
      } else {
        for _ in 0..<(try! reader.varint()) {
          let (n, range, occurrences, documents) = try! reader.term()
          let text = UnsafeBufferPointer(rebasing: all[range])
          if n == 1 {
            body(1, intern(text), -1, occurrences, documents)
          } else if let space = text.firstIndex(of: 0x20) {
            let first = intern(UnsafeBufferPointer(rebasing: text[..<space]))
            body(
              2, first, intern(UnsafeBufferPointer(rebasing: text[(space + 1)...])), occurrences,
              documents)
          }
        }
      }
    }
  }

  /// The terms as values, in order.
  public var terms: [YearSlice.Term] {
    var spelled: [String] = []
    var result: [YearSlice.Term] = []
    result.reserveCapacity(count)
    forEachTermID(
      intern: { word in
        spelled.append(String(decoding: word, as: UTF8.self))
        return Int32(spelled.count - 1)
      },
      each: { n, first, second, occurrences, documents in
        let text =
          n == 1 ? spelled[Int(first)] : spelled[Int(first)] + " " + spelled[Int(second)]
        result.append(YearSlice.Term(n: n, text: text, count: occurrences, documents: documents))
      })
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

  static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }
}
