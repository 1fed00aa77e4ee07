/// A small, read-mostly map from byte strings (case-folded words) to dense ids, looked up
/// straight from a buffer, so that matching creates no `String` and no array per token.
///
/// Open addressing over flat arrays (like ``Vocabulary``, whose hash it shares). Used for the
/// first words of organization aliases and for the discovery lexicon; both are built once and
/// then shared read-only across documents.
struct WordTable: Sendable {
  /// All words, one after another.
  private var arena: [UInt8] = []
  /// `offsets[id]..<offsets[id + 1]` is word `id` in `arena`.
  private var offsets: [Int] = [0]
  private var hashes: [UInt64] = []
  /// Slot → id + 1 (0 is empty); the count is a power of two, at most half full.
  private var slots: [Int32] = Array(repeating: 0, count: 64)
  /// The shortest and longest word, to skip lookups that cannot succeed.
  private var shortest = Int.max
  private var longest = 0

  /// Creates an empty table.
  init() {}

  /// The number of distinct words.
  var count: Int { hashes.count }

  /// The id of `word`, adding it when it is new.
  @discardableResult
  mutating func insert(_ word: [UInt8]) -> Int32 {
    if let id = word.withUnsafeBufferPointer({ lookup($0) }) { return id }
    let id = Int32(count)
    arena.append(contentsOf: word)
    offsets.append(arena.count)
    hashes.append(word.withUnsafeBufferPointer { Vocabulary.hash($0) })
    shortest = min(shortest, word.count)
    longest = max(longest, word.count)
    if count * 2 > slots.count {
      slots = Array(repeating: 0, count: slots.count * 2)
      for id in 0..<count { place(Int32(id)) }
    } else {
      place(id)
    }
    return id
  }

  private mutating func place(_ id: Int32) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hashes[Int(id)]) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = id + 1
  }

  /// The id of the word spelled by `key`, or nil.
  func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
    guard key.count >= shortest && key.count <= longest else { return nil }
    let hash = Vocabulary.hash(key)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let id = Int(slots[slot] - 1)
      if hashes[id] == hash && equals(id, key) { return Int32(id) }
      slot = (slot + 1) & mask
    }
    return nil
  }

  private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[id]
    guard offsets[id + 1] - start == key.count else { return false }
    for index in 0..<key.count where arena[start + index] != key[index] { return false }
    return true
  }
}
