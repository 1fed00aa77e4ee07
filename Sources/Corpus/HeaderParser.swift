#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns a file's bytes into a ``Document`` or a ``Rejection``, following the house format:
/// an optional UTF-8 BOM and leading whitespace, the word `date`, whitespace, a real calendar
/// date `YYYY-MM-DD`, whitespace, then the article text. LF and CRLF both work.
public enum HeaderParser {
  /// Parses one file.
  ///
  /// - Parameters:
  ///   - bytes: The file's content.
  ///   - path: The path relative to the corpus folder, kept on the document.
  /// - Returns: The document, with invalid UTF-8 in its text replaced and counted.
  /// - Throws: The ``Rejection`` that explains why the file is not an article.
  ///
  /// Valid text keeps the buffer of `bytes`, the header moved out of the way, when the caller
  /// hands it over (`consume`): a file's text is then never held twice.
  public static func parse(_ bytes: consuming [UInt8], path: String) throws(Rejection) -> Document {
    if bytes.isEmpty { throw .empty }
    if let detail = binaryEvidence(bytes) { throw .notText(detail: detail) }
    var (date, index) = try header(bytes)
    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    if index == bytes.count { throw .emptyBody }

    if bytes[index...].withUnsafeBufferPointer(UTF8Repair.isValid) {
      bytes.removeSubrange(0..<index)
      return Document(path: path, date: date, text: bytes, repairedSequences: 0)
    }
    let (text, repaired) = UTF8Repair.repaired(bytes[index...])
    return Document(path: path, date: date, text: text, repairedSequences: repaired)
  }

  /// The date in the header at the start of `prefix`, the first bytes of a file, or nil when
  /// they hold no complete header: which year a file is about, learnt cheaply before it is
  /// read. ``parse(_:path:)`` decides whether the whole file is an article.
  public static func date(inPrefix prefix: [UInt8]) -> CalendarDate? {
    try? header(prefix).date
  }

  /// Reads the header: the date, and the index just after it.
  private static func header(_ bytes: [UInt8]) throws(Rejection) -> (date: CalendarDate, end: Int) {
    var index = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    while index < bytes.count, isSpace(bytes[index]) { index += 1 }

    let keyword = Array("date".utf8)
    guard bytes[index...].starts(with: keyword),
      index + 4 < bytes.count, isBlank(bytes[index + 4])
    else { throw .missingHeader(found: preview(bytes, from: index)) }
    index += 4
    while index < bytes.count, isBlank(bytes[index]) { index += 1 }

    let dateStart = index
    guard let (date, dateText) = readDate(bytes, at: index) else {
      throw .missingHeader(found: preview(bytes, from: max(0, dateStart - 5)))
    }
    guard let date else { throw .impossibleDate(text: dateText) }
    guard (CalendarDate.earliestYear...CalendarDate.latestYear).contains(date.year) else {
      throw .dateOutOfRange(text: dateText)
    }
    index += 10
    guard index == bytes.count || isSpace(bytes[index]) else {
      throw .missingHeader(found: preview(bytes, from: dateStart))
    }
    return (date, index)
  }

  /// Reads `YYYY-MM-DD` at `index`: nil when the shape is wrong, a nil date when the shape is
  /// right but the day does not exist.
  private static func readDate(_ bytes: [UInt8], at index: Int) -> (CalendarDate?, String)? {
    guard index + 10 <= bytes.count else { return nil }
    let slice = Array(bytes[index..<index + 10])
    guard let fields = slice.withUnsafeBufferPointer(CalendarDate.fields(ofISO:)) else {
      return nil
    }
    let text = String(decoding: slice, as: UTF8.self)
    return (CalendarDate(year: fields.year, month: fields.month, day: fields.day), text)
  }

  /// A reason to think the bytes are not UTF-8 text, or nil.
  private static func binaryEvidence(_ bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return "UTF-16 byte-order mark; save the file as UTF-8"
    }
    // One `memchr` over the whole text: a valid article has no NUL byte at all.
    let found = bytes.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress, let nul = memchr(base, 0, buffer.count) else {
        return nil
      }
      return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(nul))
    }
    guard let nul = found else { return nil }
    let sample = bytes.prefix(4096)
    if nul < sample.count && sample.lazy.filter({ $0 == 0 }).count * 4 >= sample.count {
      return "mostly NUL bytes (UTF-16 or binary data)"
    }
    return "NUL byte at offset \(nul)"
  }

  private static func preview(_ bytes: [UInt8], from index: Int) -> String {
    var end = index
    while end < bytes.count, end - index < 40, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
    let (text, _) = UTF8Repair.repaired(bytes[index..<end])
    return String(decoding: text, as: UTF8.self)
  }

  private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}
