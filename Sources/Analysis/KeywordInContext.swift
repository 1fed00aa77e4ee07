/// One keyword-in-context line: a short stretch of a document around one or more hits, as
/// AntConc's concordance or quanteda's `kwic()` shows it.
///
/// The text is cut about ``context`` characters before the first hit and after the last one,
/// at a word boundary when there is one nearby, with `…` where it was cut. Runs of white space
/// and control characters become one space, so that a line reads as a line.
public struct KeywordInContext: Sendable, Equatable {
  /// Characters (Unicode scalars) of context kept on each side of the hits, at most.
  public static let context = 80

  /// Changes whenever the same text and hits give another line: lines kept from a run of an
  /// earlier version are cut again (2: the middle of distant hits is cut at words).
  public static let version = "2"

  /// A stretch of the line: plain context, or a hit.
  public struct Segment: Sendable, Equatable {
    /// The text of the stretch.
    public var text: String
    /// Whether this stretch is a hit (the keyword, or one of the organizations).
    public var isHit: Bool

    /// Creates a segment.
    public init(text: String, isHit: Bool) {
      self.text = text
      self.isHit = isHit
    }
  }

  /// Characters (Unicode scalars) of the document text before the first hit, counted from 0.
  public var offset: Int
  /// The line: context and hits alternating, starting and ending with context (possibly empty).
  public var segments: [Segment]

  /// Creates a line from its parts.
  public init(offset: Int, segments: [Segment]) {
    self.offset = offset
    self.segments = segments
  }

  /// Cuts the line around `hits` out of `text`.
  ///
  /// - Parameters:
  ///   - text: Valid UTF-8.
  ///   - hits: Byte ranges of the hits, in order, not overlapping, on scalar boundaries.
  public init(text: [UInt8], hits: [Range<Int>]) {
    precondition(!hits.isEmpty, "a keyword-in-context line needs a hit")
    let offset = text[..<hits[0].lowerBound].reduce(0) {
      $0 + (Self.isContinuation($1) ? 0 : 1)
    }
    let start = Self.leftEdge(text, before: hits[0].lowerBound)
    let end = Self.rightEdge(text, after: hits[hits.count - 1].upperBound)
    var segments: [Segment] = []
    var position = start
    for (index, hit) in hits.enumerated() {
      var before: String
      if index == 0 {
        before = Self.normalized(text[position..<hit.lowerBound])
        if start > 0 { before = "…" + before.drop { $0 == " " } }
      } else {
        before = Self.between(text, position..<hit.lowerBound)
      }
      segments.append(Segment(text: before, isHit: false))
      segments.append(Segment(text: Self.normalized(text[hit]), isHit: true))
      position = hit.upperBound
    }
    var after = Self.normalized(text[position..<end])
    if end < text.count {
      after = Self.trimmedEnd(after) + "…"
    }
    segments.append(Segment(text: after, isHit: false))
    self.init(offset: offset, segments: segments)
  }

  /// The whole line as plain text.
  public var text: String { segments.map(\.text).joined() }

  /// Where the context before `position` starts: ``context`` scalars back (``wordStart``).
  static func leftEdge(_ text: [UInt8], before position: Int) -> Int {
    wordStart(text, before: position, scalars: context, limit: 0)
  }

  /// Where the context after `position` ends: ``context`` scalars on (``wordEnd``).
  static func rightEdge(_ text: [UInt8], after position: Int) -> Int {
    wordEnd(text, after: position, scalars: context, limit: text.count)
  }

  /// Where a stretch of at most `scalars` characters ending at `position` starts: that many
  /// back (or `limit`, if that comes first), then forward to the start of a word if a space
  /// lies within the first third of the stretch, so that no word is cut.
  static func wordStart(_ text: [UInt8], before position: Int, scalars: Int, limit: Int) -> Int {
    let start = back(text, from: position, scalars: scalars, limit: limit)
    guard start > limit else { return limit }
    let end = start + (position - start) / 3
    var cut = start
    while cut < end {
      if isSeparator(text[cut]) { return cut + 1 }
      cut += 1
    }
    return start
  }

  /// Where a stretch of at most `scalars` characters from `position` ends: that many on (or
  /// `limit`, if that comes first), then back to the end of a word if a space lies within the
  /// last third of the stretch, so that no word is cut.
  static func wordEnd(_ text: [UInt8], after position: Int, scalars: Int, limit: Int) -> Int {
    let end = forward(text, from: position, scalars: scalars, limit: limit)
    guard end < limit else { return limit }
    let start = end - (end - position) / 3
    var cut = end
    while cut > start {
      if isSeparator(text[cut - 1]) { return cut - 1 }
      cut -= 1
    }
    return end
  }

  /// The text between two hits; when it is longer than ``context`` characters, only about
  /// half of that from each end, cut at words (``wordEnd``, ``wordStart``), joined by ` … `.
  static func between(_ text: [UInt8], _ range: Range<Int>) -> String {
    let head = wordEnd(text, after: range.lowerBound, scalars: context / 2, limit: range.upperBound)
    let tail = wordStart(text, before: range.upperBound, scalars: context / 2, limit: head)
    guard tail > head else { return normalized(text[range]) }
    return trimmedEnd(normalized(text[range.lowerBound..<head])) + " … "
      + normalized(text[tail..<range.upperBound]).drop { $0 == " " }
  }

  /// The byte position `scalars` characters after `position`, or `limit` if that comes first.
  static func forward(_ text: [UInt8], from position: Int, scalars: Int, limit: Int) -> Int {
    var index = position
    var counted = 0
    while index < limit && counted < scalars {
      index += 1
      while index < limit && isContinuation(text[index]) { index += 1 }
      counted += 1
    }
    return index
  }

  /// The byte position `scalars` characters before `position`, or `limit` if that comes first.
  static func back(_ text: [UInt8], from position: Int, scalars: Int, limit: Int) -> Int {
    var index = position
    var counted = 0
    while index > limit && counted < scalars {
      index -= 1
      if !isContinuation(text[index]) { counted += 1 }
    }
    return index
  }

  /// The bytes as text, every run of white space and C0/DEL control characters one space.
  static func normalized(_ bytes: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingSpace = false
    for byte in bytes {
      if isSeparator(byte) {
        pendingSpace = true
        continue
      }
      if pendingSpace {
        out.append(0x20)
        pendingSpace = false
      }
      out.append(byte)
    }
    if pendingSpace { out.append(0x20) }
    return String(decoding: out, as: UTF8.self)
  }

  static func trimmedEnd(_ text: String) -> String {
    var text = Substring(text)
    while text.last == " " { text.removeLast() }
    return String(text)
  }

  /// Space, and the ASCII control characters (tab, line ends, NUL…), which read as a space.
  static func isSeparator(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }

  static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
