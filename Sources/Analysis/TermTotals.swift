/// The exact totals, over several years' ``TermBlob``s added one at a time, of the terms of one
/// size whose text falls in one part of a partition by hash; and the largest of them.
///
/// A report finds its most frequent terms from a few candidates per year (`TopTerms` in
/// ReportModel). When the years' counts are so even that nearly every term is a candidate (a
/// vocabulary without frequent terms, over many years), it adds every term up instead, in
/// parts small enough to hold: each part reads every year again and keeps the terms of its
/// part only. The parts together hold every term once, so the largest of each part, merged,
/// are the largest overall.
public struct TermTotals: Sendable {
  /// A term's text (a bigram's two words joined by one space) and its totals.
  public struct Total: Sendable, Equatable, Comparable {
    /// The term's bytes.
    public var text: [UInt8]
    /// Its occurrences over every year added.
    public var count: Int
    /// The documents using it, over every year added.
    public var documents: Int

    /// Creates a total.
    public init(text: [UInt8], count: Int, documents: Int) {
      self.text = text
      self.count = count
      self.documents = documents
    }

    /// Whether `lhs` ranks below `rhs`: fewer occurrences, then fewer documents, then a text
    /// later in byte order (a report lists the earlier of two otherwise equal terms first).
    public static func < (lhs: Total, rhs: Total) -> Bool {
      if lhs.count != rhs.count { return lhs.count < rhs.count }
      if lhs.documents != rhs.documents { return lhs.documents < rhs.documents }
      return rhs.text.lexicographicallyPrecedes(lhs.text)
    }
  }

  /// The size of the terms added up: 1 for unigrams, 2 for bigrams.
  public let n: Int
  /// The part kept, `0..<parts`.
  public let part: Int
  /// How many parts the terms are shared between.
  public let parts: Int
  /// The texts of the terms kept, interned to the index of their totals.
  private var texts = Vocabulary()
  private var counts: [Int] = []
  private var documents: [Int] = []

  /// Totals of the terms of size `n` in part `part` of `parts`.
  public init(n: Int, part: Int, of parts: Int) {
    precondition((1...2).contains(n) && parts > 0 && (0..<parts).contains(part))
    self.n = n
    self.part = part
    self.parts = parts
  }

  /// The number of distinct terms kept so far.
  public var count: Int { counts.count }

  /// Adds the terms of size ``n`` of one year that fall in ``part``.
  public mutating func add(_ blob: TermBlob) {
    // Each word's bytes and hash, by the index `intern` gives it: every word is hashed once,
    // and only the terms of this part are spelled out.
    var words: [UnsafeBufferPointer<UInt8>] = []
    var hashes: [UInt64] = []
    var text: [UInt8] = []
    blob.forEachTermID(
      intern: { word in
        words.append(word)
        hashes.append(Vocabulary.hash(word))
        return Int32(words.count - 1)
      },
      each: { size, first, second, count, documents in
        guard size == n else { return }
        let hash = Self.hash(hashes[Int(first)], size == 1 ? nil : hashes[Int(second)])
        guard Self.part(of: hash, parts: parts) == part else { return }
        text.removeAll(keepingCapacity: true)
        text += words[Int(first)]
        if size == 2 {
          text.append(0x20)
          text += words[Int(second)]
        }
        let id = Int(text.withUnsafeBufferPointer { texts.intern($0) })
        if id == counts.count {
          counts.append(count)
          self.documents.append(documents)
        } else {
          counts[id] += count
          self.documents[id] += documents
        }
      })
  }

  /// The `limit` largest totals kept (``Total/<``), the largest first.
  public func largest(limit: Int) -> [Total] {
    var heap = BoundedMinHeap<Ranked>(capacity: min(limit, counts.count))
    for id in counts.indices {
      let ranked = Ranked(count: counts[id], documents: documents[id], id: Int32(id))
      if heap.isFull {
        // Most terms lose on their numbers alone; a tie is settled by the text.
        let minimum = heap.minimum
        if ranked.count < minimum.count
          || (ranked.count == minimum.count && ranked.documents < minimum.documents)
        {
          continue
        }
      }
      heap.offer(ranked.with(texts))
    }
    return heap.elements.map {
      Total(text: Array(texts.bytes($0.id)), count: $0.count, documents: $0.documents)
    }.sorted(by: >)
  }

  /// The hash of a unigram's word, or of a bigram's two words, from their hashes.
  static func hash(_ first: UInt64, _ second: UInt64?) -> UInt64 {
    guard let second else { return first }
    // A multiply-xorshift of the two, so that "a b" and "b a" fall apart.
    var mixed = (first &* 0x9E37_79B9_7F4A_7C15) ^ second
    mixed = (mixed ^ (mixed >> 31)) &* 0xBF58_476D_1CE4_E5B9
    return mixed ^ (mixed >> 29)
  }

  /// The part of `parts` that a term of `hash` falls in: the hash's top bits scaled.
  static func part(of hash: UInt64, parts: Int) -> Int {
    Int(hash.multipliedFullWidth(by: UInt64(parts)).high)
  }

  /// A term kept, ranked by ``Total/<``, its text read from the vocabulary when numbers tie.
  private struct Ranked: Comparable {
    var count: Int
    var documents: Int
    var id: Int32
    var text: ArraySlice<UInt8> = []

    func with(_ texts: Vocabulary) -> Ranked {
      var ranked = self
      ranked.text = texts.bytes(id)
      return ranked
    }

    static func < (lhs: Ranked, rhs: Ranked) -> Bool {
      if lhs.count != rhs.count { return lhs.count < rhs.count }
      if lhs.documents != rhs.documents { return lhs.documents < rhs.documents }
      return rhs.text.lexicographicallyPrecedes(lhs.text)
    }

    static func == (lhs: Ranked, rhs: Ranked) -> Bool {
      lhs.count == rhs.count && lhs.documents == rhs.documents && lhs.text == rhs.text
    }
  }
}
