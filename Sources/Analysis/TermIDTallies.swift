/// Unigram tallies of one year, kept in an array indexed by term id: reads like a dictionary
/// keyed by ``UnigramKey`` (`add`, `subscript`, `count`, iteration), in key order.
///
/// Term ids are handed out in the order words are first seen, so the commonest words have the
/// smallest ids and their tallies share a few cache lines, where a hash table spreads them over
/// the whole table. Adding a document's unigrams then mostly hits the cache. An entry is 8 bytes
/// and the key is not stored, so the array, as long as the largest id the year uses, takes about
/// as much memory as a hash table holding the year's words would.
public struct TermIDTallies: Sendable, Sequence {
  struct Entry {
    var count: UInt32
    var documents: UInt32
  }

  private var entries: [Entry] = []
  /// The number of keys counted (a key added with neither an occurrence nor a document is none).
  public private(set) var count = 0

  /// Creates an empty table.
  public init() {}

  /// Makes room for keys below `bound`, growing by at least half so that growing one id at a
  /// time stays linear.
  @inline(__always)
  private mutating func makeRoom(below bound: Int) {
    guard bound > entries.count else { return }
    let size = Swift.max(bound, entries.count + entries.count / 2, 1024)
    entries.reserveCapacity(size)
    entries.append(
      contentsOf: repeatElement(Entry(count: 0, documents: 0), count: size - entries.count))
  }

  /// Adds `count` occurrences in `documents` documents to `key` (a ``UnigramKey``).
  public mutating func add(_ key: UInt64, count: UInt32, documents: UInt32) {
    let index = Self.index(key)
    makeRoom(below: index + 1)
    let new = entries.withUnsafeMutableBufferPointer { entries in
      let new = entries[index].count == 0 && entries[index].documents == 0
      entries[index].count &+= count
      entries[index].documents &+= documents
      return new
    }
    if new { self.count += 1 }
  }

  /// Adds a tally of other documents to `key`.
  public mutating func add(_ key: UInt64, _ tally: TermTally) {
    add(
      key, count: UInt32(truncatingIfNeeded: tally.count),
      documents: UInt32(truncatingIfNeeded: tally.documents))
  }

  /// Adds one document's counts: `counts[slot]` occurrences of `keys[slot]` for each slot in
  /// `slots`, each key in one more document (as ``BigramTallies/addDocument(keys:counts:slots:)``).
  mutating func addDocument(
    keys: UnsafePointer<UInt64>, counts: UnsafePointer<UInt32>, slots: UnsafeBufferPointer<Int32>
  ) {
    var largest = -1
    for slot in slots { largest = Swift.max(largest, Self.index(keys[Int(slot)])) }
    makeRoom(below: largest + 1)
    var added = 0
    entries.withUnsafeMutableBufferPointer { entries in
      let base = entries.baseAddress!
      for slot in slots {
        let index = Self.index(keys[Int(slot)])
        if base[index].documents == 0 && base[index].count == 0 { added += 1 }
        base[index].count &+= counts[Int(slot)]
        base[index].documents &+= 1
      }
    }
    count += added
  }

  /// The tally of `key`, or nil when it was never counted.
  public subscript(key: UInt64) -> TermTally? {
    let index = Self.index(key)
    guard index < entries.count else { return nil }
    let entry = entries[index]
    guard entry.count != 0 || entry.documents != 0 else { return nil }
    return TermTally(count: Int(entry.count), documents: Int(entry.documents))
  }

  /// Makes room for keys below `capacity` (the table is indexed by key).
  public mutating func reserveCapacity(_ capacity: Int) {
    makeRoom(below: capacity)
  }

  @inline(__always)
  private static func index(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: key)
  }

  /// Walks the table in key order.
  public struct Iterator: IteratorProtocol {
    let entries: [Entry]
    var index = 0

    public mutating func next() -> (key: UInt64, value: TermTally)? {
      while index < entries.count {
        let entry = entries[index]
        index += 1
        if entry.count != 0 || entry.documents != 0 {
          return (
            UInt64(index - 1), TermTally(count: Int(entry.count), documents: Int(entry.documents))
          )
        }
      }
      return nil
    }
  }

  /// Every key and its tally, in key order.
  public func makeIterator() -> Iterator { Iterator(entries: entries) }

  /// The number of keys.
  public var underestimatedCount: Int { count }
}
