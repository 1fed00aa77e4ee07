/// A year's terms packed into one byte string: a few bytes per term instead of a `String` and a
/// row each.
///
/// A full run stores millions of (year, term) figures. Statistics are packed straight from the
/// vocabulary (``Builder``), stored as one blob per year and unpacked straight into a vocabulary
/// again (``forEachTermID(intern:each:)``), so no term becomes a `String` on the way (``terms``
/// does that, for tests and tools).
///
/// Format version 2 (written): the bytes `ATB2`; the number of words, then each word as the
/// length of its UTF-8 bytes and the bytes; the number of unigrams, then each as the index of its
/// word, its count and its document count; the number of bigrams, then each as the indices of its
/// two words, its count and its document count. Every number is an unsigned LEB128 varint. A word
/// is spelled once however many bigrams use it, so a blob is about half the size of version 1 and
/// unpacks with one vocabulary lookup per word instead of one or two per term; the counts up
/// front let a reader size its tables once.
///
/// Version 4 (written from statistics, ``SortedTerms``): `ATB4` and the layout of version 2,
/// with the words in byte order, the unigrams by word and the bigrams by first and then second
/// word, so two years' terms compare in one merge; a bigram's words are written as steps from
/// the bigram before's (``BigramSteps``), mostly one byte each instead of three.
///
/// Version 3 (still read): `ATB3`, as version 4 with a bigram's words written as themselves.
///
/// Version 1 (still read): `ATB1`, the number of terms, then each term as `n`, the length of its
/// text (a bigram's two words joined by a space), the text, its count and document count.
public struct TermBlob: Sendable, Equatable {
  static let magic1: [UInt8] = Array("ATB1".utf8)
  static let magic2: [UInt8] = Array("ATB2".utf8)
  static let magic3: [UInt8] = Array("ATB3".utf8)
  static let magic4: [UInt8] = Array("ATB4".utf8)

  /// Why a blob could not be read.
  public struct Malformed: Error, Sendable, CustomStringConvertible {
    /// What was wrong.
    public var detail: String
    /// A message naming the problem.
    public var description: String { "malformed term blob: \(detail)" }
  }

  /// The packed bytes.
  public let bytes: [UInt8]
  /// The number of unigrams.
  public let unigrams: Int
  /// The number of bigrams.
  public let bigrams: Int
  /// The number of terms.
  public var count: Int { unigrams + bigrams }
  /// Whether the blob is version 3 or 4: words in byte order, unigrams by word, bigrams by words.
  public var isSorted: Bool { bytes.starts(with: Self.magic4) || bytes.starts(with: Self.magic3) }

  /// Whether the blob is version 4: its bigrams' words are written as steps (``BigramSteps``).
  var hasBigramSteps: Bool { bytes.starts(with: Self.magic4) }

  /// Packs `terms` (a bigram's text is its two words joined by one space): the unigrams in the
  /// order given, then the bigrams in the order given.
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

  init(bytes: [UInt8], unigrams: Int, bigrams: Int) {
    self.bytes = bytes
    self.unigrams = unigrams
    self.bigrams = bigrams
  }

  /// What checking a blob found, so that the same stored bytes read again need not be checked
  /// again (``init(bytes:checkedBefore:)``).
  public struct Checked: Sendable, Equatable {
    let byteCount: Int
    let unigrams: Int
    let bigrams: Int
  }

  /// This blob's ``Checked``.
  public var checked: Checked {
    Checked(byteCount: bytes.count, unigrams: unigrams, bigrams: bigrams)
  }

  /// Takes over `bytes` without checking them: they are the bytes of a blob checked before
  /// (`checked`), read again from where nothing can have changed them since (the state, under
  /// the run's lock). Nil when their length differs, so that the caller checks them.
  public init?(bytes: [UInt8], checkedBefore checked: Checked) {
    guard bytes.count == checked.byteCount else { return nil }
    self.init(bytes: bytes, unigrams: checked.unigrams, bigrams: checked.bigrams)
  }

  /// Checks and takes over bytes made by ``bytes`` (either version).
  ///
  /// - Throws: ``Malformed`` when the bytes are not such a blob.
  public init(validating bytes: [UInt8]) throws(Malformed) {
    var counts = (0, 0)
    try bytes.withUnsafeBufferPointer { all throws(Malformed) in
      try Self.read(
        all, resolving: false, intern: { _ in 0 }, each: { _, _, _, _, _ in }, counts: &counts)
    }
    self.init(bytes: bytes, unigrams: counts.0, bigrams: counts.1)
  }

  /// Calls `body` with each term's size, the ids that `intern` gives its word (a unigram's
  /// second id is -1) and its count and document count, in order. `intern` is called once per
  /// distinct word in a version 2 blob.
  ///
  /// With `onlyKnown`, a term is passed over when `intern` gave one of its words a negative id
  /// (a lookup that did not find the word): a reader looking for a few terms is not called for
  /// the many it does not want.
  public func forEachTermID(
    onlyKnown: Bool = false,
    intern: (UnsafeBufferPointer<UInt8>) -> Int32,
    each body: (_ n: Int, _ first: Int32, _ second: Int32, _ count: Int, _ documents: Int) -> Void
  ) {
    var counts = (0, 0)
    // The bytes were checked (or written here), so reading cannot fail.
    bytes.withUnsafeBufferPointer { all in
      try! Self.read(
        all, resolving: true, onlyKnown: onlyKnown, intern: intern, each: body, counts: &counts)
    }
  }

  /// Calls `body` with each term's size, its words' bytes (a unigram's second word is empty)
  /// and its count and document count, in order, without interning anything: the bytes are
  /// valid only during the call.
  public func forEachTerm(
    _ body: (
      _ n: Int, _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>,
      _ count: Int, _ documents: Int
    ) -> Void
  ) {
    var counts = (0, 0)
    bytes.withUnsafeBufferPointer { all in
      // Each word as its range in `all`; `intern` hands out their indices.
      var words: [Range<Int>] = [0..<0]
      let base = all.baseAddress
      try! Self.read(
        all, resolving: true,
        intern: { bytes in
          let start = bytes.baseAddress.map { base!.distance(to: $0) } ?? 0
          words.append(start..<start + bytes.count)
          return Int32(words.count - 2)
        },
        each: { n, first, second, occurrences, documents in
          // Word -1 (a unigram's second) is the empty range in front.
          body(
            n, UnsafeBufferPointer(rebasing: all[words[Int(first) + 1]]),
            UnsafeBufferPointer(rebasing: all[words[Int(second) + 1]]), occurrences, documents)
        }, counts: &counts)
    }
  }

  /// Reads a blob of either version, checking every number and length and counting unigrams
  /// and bigrams; when `resolving`, calls `intern` for each word and `each` for each term.
  /// With `onlyKnown`, `each` is not called for a term with a word whose id is negative.
  private static func read(
    _ all: UnsafeBufferPointer<UInt8>, resolving: Bool, onlyKnown: Bool = false,
    intern: (UnsafeBufferPointer<UInt8>) -> Int32, each: (Int, Int32, Int32, Int, Int) -> Void,
    counts: inout (Int, Int)
  ) throws(Malformed) {
    var reader = Reader(bytes: all, index: 4)
    if all.starts(with: magic2) || all.starts(with: magic3) || all.starts(with: magic4) {
      let stepped = all.starts(with: magic4)
      var steps = BigramSteps()
      let wordCount = try reader.varint()
      var ids: [Int32] = []
      if resolving { ids.reserveCapacity(wordCount) }
      for _ in 0..<wordCount {
        let word = try reader.text()
        if resolving { ids.append(intern(UnsafeBufferPointer(rebasing: all[word]))) }
      }
      func id(_ index: Int) throws(Malformed) -> Int32 {
        guard index < wordCount else { throw Malformed(detail: "no such word") }
        return ids.isEmpty ? 0 : ids[index]
      }
      counts.0 = try reader.varint()
      for _ in 0..<counts.0 {
        let first = try id(reader.varint())
        let (occurrences, documents) = (try reader.varint(), try reader.varint())
        if resolving && !(onlyKnown && first < 0) { each(1, first, -1, occurrences, documents) }
      }
      counts.1 = try reader.varint()
      for _ in 0..<counts.1 {
        var (firstIndex, secondIndex) = (try reader.varint(), try reader.varint())
        if stepped {
          guard
            let words = steps.checkedDecode(firstIndex, secondIndex, words: wordCount)
          else { throw Malformed(detail: "no such word") }
          (firstIndex, secondIndex) = words
        }
        let first = try id(firstIndex)
        let second = try id(secondIndex)
        let (occurrences, documents) = (try reader.varint(), try reader.varint())
        if resolving && !(onlyKnown && (first < 0 || second < 0)) {
          each(2, first, second, occurrences, documents)
        }
      }
    } else if all.starts(with: magic1) {
      for _ in 0..<(try reader.varint()) {
        guard reader.index < all.count else { throw Malformed(detail: "truncated term") }
        let n = Int(all[reader.index])
        reader.index += 1
        let text = UnsafeBufferPointer(rebasing: all[try reader.text()])
        let (occurrences, documents) = (try reader.varint(), try reader.varint())
        if n == 1 {
          counts.0 += 1
          if resolving {
            let first = intern(text)
            if !(onlyKnown && first < 0) { each(1, first, -1, occurrences, documents) }
          }
        } else if let space = text.firstIndex(of: 0x20) {
          counts.1 += 1
          if resolving {
            let first = intern(UnsafeBufferPointer(rebasing: text[..<space]))
            let second = intern(UnsafeBufferPointer(rebasing: text[(space + 1)...]))
            if !(onlyKnown && (first < 0 || second < 0)) {
              each(2, first, second, occurrences, documents)
            }
          }
        }
      }
    } else {
      throw Malformed(detail: "unknown format")
    }
    guard reader.index == all.count else { throw Malformed(detail: "trailing bytes") }
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
}
