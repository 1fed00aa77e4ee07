public import Analysis

/// A year's terms packed into one blob: a few bytes per term instead of a table row each.
///
/// A full run stores millions of (year, term) figures; one row per year with a compact binary
/// encoding writes and reads them an order of magnitude faster than one SQLite row per term.
///
/// Format (version 1): the bytes `ATB1`, the number of terms, then for each term its size `n`
/// (one byte), the length of its UTF-8 text, the text, its count and its document count. Every
/// number is an unsigned LEB128 varint. Terms keep the order they were given in.
public enum TermBlob {
  static let magic: [UInt8] = Array("ATB1".utf8)

  /// Why a blob could not be read.
  public struct Malformed: Error, Sendable, CustomStringConvertible {
    /// What was wrong.
    public var detail: String
    /// A message naming the problem.
    public var description: String { "malformed term blob: \(detail)" }
  }

  /// Packs `terms`.
  public static func encode(_ terms: [YearSlice.Term]) -> [UInt8] {
    var bytes = magic
    bytes.reserveCapacity(terms.count * 16)
    appendVarint(UInt64(terms.count), to: &bytes)
    for term in terms {
      bytes.append(UInt8(truncatingIfNeeded: term.n))
      var text = term.text
      text.withUTF8 { utf8 in
        appendVarint(UInt64(utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
      }
      appendVarint(UInt64(term.count), to: &bytes)
      appendVarint(UInt64(term.documents), to: &bytes)
    }
    return bytes
  }

  /// Unpacks a blob made by ``encode(_:)``.
  ///
  /// - Throws: ``Malformed`` when the bytes are not such a blob.
  public static func decode(_ bytes: [UInt8]) throws(Malformed) -> [YearSlice.Term] {
    guard bytes.starts(with: magic) else { throw Malformed(detail: "unknown format") }
    var index = magic.count
    func varint() throws(Malformed) -> Int {
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
    let count = try varint()
    var terms: [YearSlice.Term] = []
    terms.reserveCapacity(min(count, bytes.count / 4))
    for _ in 0..<count {
      guard index < bytes.count else { throw Malformed(detail: "truncated term") }
      let n = Int(bytes[index])
      index += 1
      let length = try varint()
      guard length <= bytes.count - index else { throw Malformed(detail: "truncated text") }
      let text = String(decoding: bytes[index..<index + length], as: UTF8.self)
      index += length
      let occurrences = try varint()
      let documents = try varint()
      terms.append(YearSlice.Term(n: n, text: text, count: occurrences, documents: documents))
    }
    guard index == bytes.count else { throw Malformed(detail: "trailing bytes") }
    return terms
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
