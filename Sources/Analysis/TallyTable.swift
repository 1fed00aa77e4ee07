import CPrefetch

/// Tallies keyed by a 64-bit integer in an open-addressing hash table: a year's bigrams, keyed by
/// ``BigramKey/packed`` (its unigrams are in ``TermIDTallies``). Only the keys a year used take
/// room, so a year's memory grows with its own terms, not with every pair of words.
///
/// One entry (key, count, documents) is 16 bytes in one flat array, so an update touches one cache
/// line; probing is linear, with no `Hasher` and no per-entry allocation. It reads like a
/// dictionary from key to ``TermTally`` (`subscript`, `count`, iteration, in table order).
///
/// Counting a document goes through a ``DocumentTally`` first, which adds each distinct key of the
/// document once, so document frequencies need no per-entry bookkeeping here.
public struct TallyTable: Sendable, Sequence {
  struct Entry {
    var key: UInt64
    var count: UInt32
    var documents: UInt32
  }

  /// Marks a free slot; no term id or packed pair of term ids (both below 2³¹) equals it.
  static let emptyKey = UInt64.max
  private var entries: [Entry]
  /// `64 - log2(entries.count)`: the hash's top bits pick the slot (unused while empty).
  private var shift: UInt64
  /// The number of distinct keys.
  public private(set) var count = 0

  /// Creates an empty table.
  public init() {
    entries = []
    shift = 64
  }

  /// Creates an empty table with room for `capacity` keys before it grows.
  public init(minimumCapacity capacity: Int) {
    self.init()
    reserveCapacity(capacity)
  }

  /// Fibonacci hashing: the top bits of the key times 2⁶⁴/φ. `shift` is in 1...58 once a table
  /// has slots (at least 64 of them).
  @inline(__always)
  static func slot(_ key: UInt64, shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
  }

  /// The slot holding `key`, or nil.
  private func find(_ key: UInt64) -> Int? {
    guard count > 0 else { return nil }
    let mask = entries.count - 1
    var slot = Self.slot(key, shift: shift)
    while true {
      let stored = entries[slot].key
      if stored == key { return slot }
      if stored == Self.emptyKey { return nil }
      slot = (slot + 1) & mask
    }
  }

  /// Adds `count` occurrences in `documents` documents to `key`.
  @inline(__always)
  public mutating func add(_ key: UInt64, count: UInt32, documents: UInt32) {
    if (self.count + 1) * 4 > entries.count * 3 { grow(to: Swift.max(64, entries.count * 2)) }
    let shift = self.shift
    let added = entries.withUnsafeMutableBufferPointer { entries in
      let (slot, added) = Self.claim(
        key, in: entries.baseAddress!, shift: shift, mask: entries.count - 1)
      entries[slot].count &+= count
      entries[slot].documents &+= documents
      return added
    }
    if added { self.count += 1 }
  }

  /// The slot of `key` in a table with room for it, claimed for it when the key is new.
  ///
  /// - Returns: The slot, and whether the key was added.
  @inline(__always)
  private static func claim(
    _ key: UInt64, in entries: UnsafeMutablePointer<Entry>, shift: UInt64, mask: Int
  ) -> (slot: Int, added: Bool) {
    var slot = Self.slot(key, shift: shift)
    while true {
      let stored = entries[slot].key
      if stored == key { return (slot, false) }
      if stored == emptyKey {
        entries[slot].key = key
        return (slot, true)
      }
      slot = (slot + 1) & mask
    }
  }

  /// How many probes ahead ``addDocument(keys:counts:slots:)`` asks for the cache lines.
  static let prefetchDistance = 8

  /// Adds one document's counts: `counts[slot]` occurrences of `keys[slot]` for each slot in
  /// `slots`, each key in one more document.
  ///
  /// The same as ``add(_:count:documents:)`` key by key, but the table is grown once up front and
  /// each probe's cache line is asked for ``prefetchDistance`` keys ahead, so that the cache misses
  /// of a large table overlap instead of being waited for one at a time.
  mutating func addDocument(
    keys: UnsafePointer<UInt64>, counts: UnsafePointer<UInt32>, slots: UnsafeBufferPointer<Int32>
  ) {
    reserveCapacity(count + slots.count)
    let shift = self.shift
    let mask = entries.count - 1
    var added = 0
    entries.withUnsafeMutableBufferPointer { entries in
      let base = entries.baseAddress!
      for index in slots.indices {
        let ahead = index + Self.prefetchDistance
        if ahead < slots.count {
          almanac_prefetch(base + Self.slot(keys[Int(slots[ahead])], shift: shift))
        }
        let (slot, new) = Self.claim(
          keys[Int(slots[index])], in: base, shift: shift, mask: mask)
        if new { added += 1 }
        base[slot].count &+= counts[Int(slots[index])]
        base[slot].documents &+= 1
      }
    }
    count += added
  }

  /// Adds a tally of other documents to `key`.
  public mutating func add(_ key: UInt64, _ tally: TermTally) {
    add(
      key, count: UInt32(truncatingIfNeeded: tally.count),
      documents: UInt32(truncatingIfNeeded: tally.documents))
  }

  /// Adds a tally of other documents to bigram `key`.
  public mutating func add(_ key: BigramKey, _ tally: TermTally) {
    add(key.packed, tally)
  }

  /// The tally of `key`, or nil when it was never counted.
  public subscript(key: UInt64) -> TermTally? {
    guard let slot = find(key) else { return nil }
    return TermTally(count: Int(entries[slot].count), documents: Int(entries[slot].documents))
  }

  /// The tally of bigram `key`, or nil when it was never counted.
  public subscript(key: BigramKey) -> TermTally? { self[key.packed] }

  /// Makes room for `capacity` keys in all.
  public mutating func reserveCapacity(_ capacity: Int) {
    var size = 64
    while capacity * 4 > size * 3 { size *= 2 }
    if size > entries.count { grow(to: size) }
  }

  /// Rehashes into `capacity` slots (a power of two).
  private mutating func grow(to capacity: Int) {
    let old = entries
    entries = Array(
      repeating: Entry(key: Self.emptyKey, count: 0, documents: 0), count: capacity)
    shift = UInt64(64 - capacity.trailingZeroBitCount)
    let mask = capacity - 1
    for entry in old where entry.key != Self.emptyKey {
      var slot = Self.slot(entry.key, shift: shift)
      while entries[slot].key != Self.emptyKey { slot = (slot + 1) & mask }
      entries[slot] = entry
    }
  }

  /// Walks the table in slot order.
  public struct Iterator: IteratorProtocol {
    let entries: [Entry]
    var index = 0

    public mutating func next() -> (key: UInt64, value: TermTally)? {
      while index < entries.count {
        let entry = entries[index]
        index += 1
        if entry.key != TallyTable.emptyKey {
          return (entry.key, TermTally(count: Int(entry.count), documents: Int(entry.documents)))
        }
      }
      return nil
    }
  }

  /// Every key and its tally, in table order.
  public func makeIterator() -> Iterator { Iterator(entries: entries) }

  /// The number of keys.
  public var underestimatedCount: Int { count }
}
