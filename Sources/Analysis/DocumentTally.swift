/// The counts of one document, keyed by a 64-bit integer (a ``UnigramKey`` or a
/// ``BigramKey/packed``) in an open-addressing hash table, before they are added to a year.
///
/// It is reused from document to document, so counting a token is one probe in a small table
/// that stays in cache and allocates nothing once it has grown; ``flush(into:)`` then adds each
/// distinct key once to the year's tallies (``BigramTallies``), with one document. (Unigrams are
/// counted straight into the year's ``TermIDTallies``, which need no such table.)
///
/// Tokens are counted through raw pointers (``counting(distinct:_:)``): the table is first given
/// room for every distinct key the caller may count, so it cannot grow while they are counted,
/// and no count checks the table's bounds or whether its storage is shared.
struct DocumentTally {
  /// Marks a free slot; no term id or packed pair of term ids (both below 2³¹) equals it.
  static let emptyKey = UInt64.max

  /// Fibonacci hashing: the top bits of the key times 2⁶⁴/φ (`shift` is 64 − log2 of the slots).
  @inline(__always)
  static func slot(_ key: UInt64, shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
  }

  /// Slots kept between documents; a table grown beyond this for a huge document is let go.
  private static let retainedCapacity = 1 << 16
  private var keys: [UInt64] = []
  private var counts: [UInt32] = []
  /// The slots in use, in first-seen order (the first `usedCount`), to flush and clear; room
  /// for as many keys as the table takes (half its slots).
  private var used: [Int32] = []
  private var usedCount = 0
  private var shift: UInt64 = 64

  /// Empties the tally.
  mutating func reset() {
    if keys.count > Self.retainedCapacity {
      keys = []
      counts = []
      used = []
    } else {
      // Through pointers: a subscript assignment would check the storage's uniqueness per key.
      keys.withUnsafeMutableBufferPointer { keys in
        used.withUnsafeBufferPointer { used in
          for slot in used[0..<usedCount] { keys[Int(slot)] = Self.emptyKey }
        }
      }
    }
    usedCount = 0
  }

  /// Counts keys with raw pointers into the tally's storage, valid only during
  /// ``DocumentTally/counting(distinct:_:)``.
  struct Counter {
    fileprivate let keys: UnsafeMutablePointer<UInt64>
    fileprivate let counts: UnsafeMutablePointer<UInt32>
    fileprivate let used: UnsafeMutablePointer<Int32>
    fileprivate var usedCount: Int
    fileprivate let mask: Int
    fileprivate let shift: UInt64

    /// Counts one occurrence of `key`.
    @inline(__always)
    mutating func count(_ key: UInt64) {
      var slot = DocumentTally.slot(key, shift: shift)
      while true {
        let stored = keys[slot]
        if stored == key {
          counts[slot] &+= 1
          return
        }
        if stored == DocumentTally.emptyKey {
          keys[slot] = key
          counts[slot] = 1
          used[usedCount] = Int32(truncatingIfNeeded: slot)
          usedCount += 1
          return
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Calls `body` with a counter that may count at most `distinct` keys not counted before.
  mutating func counting<Result>(distinct: Int, _ body: (inout Counter) -> Result) -> Result {
    while (usedCount + distinct) * 2 > keys.count { grow() }
    let (mask, shift) = (keys.count - 1, shift)
    var usedCount = self.usedCount
    let result = keys.withUnsafeMutableBufferPointer { keys in
      counts.withUnsafeMutableBufferPointer { counts in
        used.withUnsafeMutableBufferPointer { used in
          var counter = Counter(
            keys: keys.baseAddress!, counts: counts.baseAddress!, used: used.baseAddress!,
            usedCount: usedCount, mask: mask, shift: shift)
          defer { usedCount = counter.usedCount }
          return body(&counter)
        }
      }
    }
    self.usedCount = usedCount
    return result
  }

  /// Doubles the table (at most half full), keeping the first-seen order of `used`.
  private mutating func grow() {
    let oldKeys = keys
    let oldCounts = counts
    let size = max(1024, keys.count * 2)
    keys = Array(repeating: Self.emptyKey, count: size)
    counts = Array(repeating: 0, count: size)
    shift = UInt64(64 - size.trailingZeroBitCount)
    let mask = size - 1
    var moved = [Int32](repeating: 0, count: size / 2)
    for index in 0..<usedCount {
      let old = Int(used[index])
      var slot = Self.slot(oldKeys[old], shift: shift)
      while keys[slot] != Self.emptyKey { slot = (slot + 1) & mask }
      keys[slot] = oldKeys[old]
      counts[slot] = oldCounts[old]
      moved[index] = Int32(truncatingIfNeeded: slot)
    }
    used = moved
  }

  /// Adds each key's count, and one document, to `table`.
  func flush(into table: inout BigramTallies) {
    withUsed { table.addDocument(keys: $0, counts: $1, slots: $2) }
  }

  /// Calls `body` with the keys and counts by slot, and the slots in use, when any are.
  private func withUsed(
    _ body: (UnsafePointer<UInt64>, UnsafePointer<UInt32>, UnsafeBufferPointer<Int32>) -> Void
  ) {
    guard usedCount > 0 else { return }
    keys.withUnsafeBufferPointer { keys in
      counts.withUnsafeBufferPointer { counts in
        used.withUnsafeBufferPointer { used in
          body(
            keys.baseAddress!, counts.baseAddress!,
            UnsafeBufferPointer(rebasing: used[0..<usedCount]))
        }
      }
    }
  }
}
