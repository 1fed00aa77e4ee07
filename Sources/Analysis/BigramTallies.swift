/// A year's bigram tallies, kept as a log: each document's distinct bigrams are appended as they
/// are counted, and equal bigrams are added together only when the year's terms are sorted
/// (``SortedTerms``, which sorts them anyway) or when the log grows long (``combine()``).
///
/// A hash table took a cache miss for every distinct bigram of every document, and was copied
/// each time it grew; appending writes one entry after another. The log holds each bigram once
/// per document that has it (1.75 times as many entries as distinct bigrams at 1 GB), so past
/// ``logLimit`` entries it is sorted and combined, and a year of any size holds at most its
/// distinct bigrams plus as many again (or ``logLimit``) in the log.
///
/// Words are term ids; reads (`count`, `subscript`) combine a copy first, so they are for tests
/// and small tables.
public struct BigramTallies: Sendable {
  /// Entries appended before they are combined, for a year's first `logLimit` entries.
  static let defaultLogLimit = 1 << 21

  /// Every entry: the first `combined` distinct and sorted by words, the rest a log.
  private var entries: [SortedTerms.Bigram] = []
  private var combined = 0
  private let logLimit: Int

  /// Creates an empty table.
  public init() { logLimit = Self.defaultLogLimit }

  /// Creates an empty table that logs its entries in `room` (emptied, its capacity kept): the
  /// room a sorted year's log left (``SortedTerms/renumber(_:_:by:words:)``), whose pages are
  /// resident already.
  init(room: consuming [SortedTerms.Bigram]) {
    logLimit = Self.defaultLogLimit
    // Moved, not copied: a second reference would have the first append copy it.
    entries = consume room
    if !entries.isEmpty { entries.removeAll(keepingCapacity: true) }
  }

  /// Creates an empty table that combines its log every `logLimit` entries (or as many as it
  /// holds combined, when more).
  init(logLimit: Int) { self.logLimit = max(1, logLimit) }

  /// Room for `count` more entries in the log, combining it first when they would take it past
  /// its limit. The first time, room for the whole log is reserved at once: a run has glibc map
  /// large blocks on their own, so pages never written take no memory, and the log is not copied
  /// as it grows.
  @inline(__always)
  private mutating func makeRoom(for count: Int) {
    if entries.count - combined + count > max(logLimit, combined) { combine() }
    if entries.capacity == 0 { entries.reserveCapacity(max(logLimit, count)) }
  }

  /// Adds `count` occurrences in `documents` documents to bigram `key`.
  public mutating func add(_ key: BigramKey, _ tally: TermTally) {
    makeRoom(for: 1)
    entries.append(
      SortedTerms.Bigram(
        first: key.first, second: key.second, count: UInt32(truncatingIfNeeded: tally.count),
        documents: UInt32(truncatingIfNeeded: tally.documents)))
  }

  /// Adds one document's counts: `counts[slot]` occurrences of the bigram packed in `keys[slot]`
  /// (``BigramKey/packed``) for each slot in `slots`, each in one more document.
  mutating func addDocument(
    keys: UnsafePointer<UInt64>, counts: UnsafePointer<UInt32>, slots: UnsafeBufferPointer<Int32>
  ) {
    makeRoom(for: slots.count)
    for slot in slots {
      let key = BigramKey(packed: keys[Int(slot)])
      entries.append(
        SortedTerms.Bigram(
          first: key.first, second: key.second, count: counts[Int(slot)], documents: 1))
    }
  }

  /// The entries held: the distinct bigrams combined so far and those logged since, what the
  /// table takes (16 bytes each).
  public var entryCount: Int { entries.count }

  /// Sorts the entries by words and adds equal ones together.
  public mutating func combine() {
    guard entries.count > combined else { return }
    var words = 0
    for entry in entries { words = max(words, Int(entry.first) + 1, Int(entry.second) + 1) }
    SortedTerms.sortByWords(&entries, words: words)
    SortedTerms.addEqualTogether(&entries)
    combined = entries.count
  }

  /// Empties the table, handing over its entries: in no order, and the same bigram may come
  /// more than once (``SortedTerms/addEqualTogether(_:)`` adds them together once sorted).
  mutating func takeEntries() -> [SortedTerms.Bigram] {
    defer { (entries, combined) = ([], 0) }
    return entries
  }

  /// Calls `body` with every entry, as ``takeEntries()`` would hand them over.
  func forEachEntry(_ body: (BigramKey, TermTally) -> Void) {
    for entry in entries {
      body(
        BigramKey(entry.first, entry.second),
        TermTally(count: Int(entry.count), documents: Int(entry.documents)))
    }
  }

  /// The distinct bigrams, sorted by words.
  public func distinct() -> [SortedTerms.Bigram] {
    var copy = self
    copy.combine()
    return copy.entries
  }

  /// The number of distinct bigrams.
  public var count: Int { distinct().count }

  /// The tally of bigram `key`, or nil when it was never counted.
  public subscript(key: BigramKey) -> TermTally? {
    let sorted = distinct()
    var (low, high) = (0, sorted.count)
    while low < high {
      let middle = (low + high) / 2
      if (sorted[middle].first, sorted[middle].second) < (key.first, key.second) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    guard low < sorted.count, sorted[low].first == key.first, sorted[low].second == key.second
    else { return nil }
    return TermTally(count: Int(sorted[low].count), documents: Int(sorted[low].documents))
  }
}
