import CPrefetch

/// Unigram tallies of one year, kept in an array indexed by term id: reads like a dictionary
/// keyed by ``UnigramKey`` (`add`, `subscript`, `count`, iteration), in key order.
///
/// Term ids are handed out in the order words are first seen, so the commonest words have the
/// smallest ids and their tallies share a few cache lines, where a hash table spreads them over
/// the whole table. Adding a document's unigrams then mostly hits the cache. An entry is 12 bytes
/// and the key is not stored, so the array, as long as the largest id the year uses, takes about
/// as much memory as a hash table holding the year's words would.
///
/// A document's tokens are counted straight into the table (``countingDocument(below:_:)``):
/// each entry remembers the last document that used it, so its first use in a document adds the
/// document, with no table of the document's own in between.
public struct TermIDTallies: Sendable, Sequence {
  struct Entry {
    var count: UInt32
    var documents: UInt32
    /// The number (``stamp``) of the last document counted with ``Counter``; 0 for none.
    var lastDocument: UInt32
  }

  private var entries: [Entry] = []
  /// The number of keys counted (a key added with neither an occurrence nor a document is none).
  public private(set) var count = 0
  /// The number of the document being counted, or of the last one; never 0 while counting
  /// (internal, so that tests can bring it near its wrap).
  var stamp: UInt32 = 0

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
      contentsOf: repeatElement(
        Entry(count: 0, documents: 0, lastDocument: 0), count: size - entries.count))
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

  /// Counts the unigrams of one document with raw pointers into the table, valid only during
  /// ``TermIDTallies/countingDocument(below:_:)``.
  struct Counter {
    fileprivate let entries: UnsafeMutablePointer<Entry>
    fileprivate let stamp: UInt32
    fileprivate var added = 0

    /// Asks for the cache line of term `id`'s entry (below the bound the counter was made for),
    /// to be counted soon.
    @inline(__always)
    func prefetch(_ id: Int) {
      almanac_prefetch(entries + id)
    }

    /// Counts one occurrence of term `id` (below the bound the counter was made for); its first
    /// in the document adds the document.
    @inline(__always)
    mutating func count(_ id: Int32) {
      let entry = entries + Int(id)
      if entry.pointee.lastDocument != stamp {
        if entry.pointee.count == 0 && entry.pointee.documents == 0 { added += 1 }
        entry.pointee.lastDocument = stamp
        entry.pointee.documents &+= 1
      }
      entry.pointee.count &+= 1
    }
  }

  /// Calls `body` with a counter for the unigrams of one more document, whose term ids are all
  /// below `bound`; or, when `continuing`, for more of the document counted last (its terms
  /// already counted add no document again).
  mutating func countingDocument<Result>(
    below bound: Int, continuing: Bool = false, _ body: (inout Counter) -> Result
  ) -> Result {
    makeRoom(below: Swift.max(bound, 1))
    // More of the same document keeps its stamp.
    if !continuing || stamp == 0 {
      if stamp == .max {
        // Four billion documents in one table: the marks start over.
        entries.withUnsafeMutableBufferPointer { entries in
          for index in entries.indices { entries[index].lastDocument = 0 }
        }
        stamp = 0
      }
      stamp += 1
    }
    var added = 0
    let result = entries.withUnsafeMutableBufferPointer { entries in
      var counter = Counter(entries: entries.baseAddress!, stamp: stamp)
      defer { added = counter.added }
      return body(&counter)
    }
    count += added
    return result
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
