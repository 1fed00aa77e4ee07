/// Bigram tallies of one year in an open-addressing hash table keyed by the packed pair of
/// term ids: one probe per bigram in the hot loop, no `Hasher`, no per-entry allocation.
///
/// It reads like a dictionary from ``BigramKey`` to ``TermTally`` (`subscript`, `count`,
/// iteration) and also remembers, per bigram, the last document that counted it, so document
/// frequencies cost nothing extra.
public struct BigramTable: Sendable, Sequence {
  private static let empty = UInt64.max
  private var keys: [UInt64]
  private var counts: [UInt32]
  private var documents: [UInt32]
  private var lastDocument: [Int32]
  /// The number of distinct bigrams.
  public private(set) var count = 0

  /// Creates an empty table.
  public init() {
    keys = Array(repeating: Self.empty, count: 64)
    counts = Array(repeating: 0, count: 64)
    documents = counts
    lastDocument = Array(repeating: 0, count: 64)
  }

  @inline(__always)
  private static func slot(_ key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
  }

  private func find(_ key: UInt64) -> Int? {
    let mask = keys.count - 1
    var slot = Self.slot(key, mask: mask)
    while true {
      let stored = keys[slot]
      if stored == key { return slot }
      if stored == Self.empty { return nil }
      slot = (slot + 1) & mask
    }
  }

  /// The slot for `key`, claimed if it is new.
  private mutating func claim(_ key: UInt64) -> Int {
    if (count + 1) * 4 > keys.count * 3 { grow() }
    let mask = keys.count - 1
    var slot = Self.slot(key, mask: mask)
    while true {
      let stored = keys[slot]
      if stored == key { return slot }
      if stored == Self.empty {
        keys[slot] = key
        count += 1
        return slot
      }
      slot = (slot + 1) & mask
    }
  }

  /// Counts one occurrence of `key` in document `document` (documents numbered from 1).
  @inline(__always)
  public mutating func count(_ key: BigramKey, inDocument document: Int32) {
    let slot = claim(key.packed)
    counts[slot] &+= 1
    if lastDocument[slot] != document {
      lastDocument[slot] = document
      documents[slot] &+= 1
    }
  }

  /// Adds a tally of other documents to `key`.
  public mutating func add(_ key: BigramKey, _ tally: TermTally) {
    let slot = claim(key.packed)
    counts[slot] &+= UInt32(truncatingIfNeeded: tally.count)
    documents[slot] &+= UInt32(truncatingIfNeeded: tally.documents)
  }

  /// The tally of `key`, or nil when the year never saw it.
  public subscript(key: BigramKey) -> TermTally? {
    guard let slot = find(key.packed) else { return nil }
    return TermTally(count: Int(counts[slot]), documents: Int(documents[slot]))
  }

  private mutating func grow() {
    let old = (keys, counts, documents, lastDocument)
    let capacity = keys.count * 2
    keys = Array(repeating: Self.empty, count: capacity)
    counts = Array(repeating: 0, count: capacity)
    documents = counts
    lastDocument = Array(repeating: 0, count: capacity)
    let mask = capacity - 1
    for index in 0..<old.0.count where old.0[index] != Self.empty {
      var slot = Self.slot(old.0[index], mask: mask)
      while keys[slot] != Self.empty { slot = (slot + 1) & mask }
      keys[slot] = old.0[index]
      counts[slot] = old.1[index]
      documents[slot] = old.2[index]
      lastDocument[slot] = old.3[index]
    }
  }

  /// Every bigram and its tally, in table order.
  public func makeIterator() -> AnyIterator<(key: BigramKey, value: TermTally)> {
    var index = 0
    return AnyIterator {
      while index < keys.count {
        defer { index += 1 }
        if keys[index] != Self.empty {
          return (
            BigramKey(packed: keys[index]),
            TermTally(count: Int(counts[index]), documents: Int(documents[index]))
          )
        }
      }
      return nil
    }
  }
}
