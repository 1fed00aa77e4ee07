/// A small, read-mostly map from byte strings (case-folded words) to dense ids, looked up
/// straight from a buffer, so that matching creates no `String` and no array per token.
///
/// A ``Vocabulary`` that also knows its shortest and longest word and which pairs of first two
/// bytes its words begin with, so that most lookups of words that cannot be in it (an English
/// word among Russian stems, say) end before hashing. Used for the first words of organization
/// aliases and for the discovery lexicon; both are built once and then shared read-only across
/// documents.
struct WordTable: Sendable {
  private var words = Vocabulary()
  /// The shortest and longest word, to skip lookups that cannot succeed.
  private var shortest = Int.max
  private var longest = 0
  /// One bit per possible pair of first two bytes of a word of two bytes or more.
  private var beginnings = [UInt64](repeating: 0, count: 65_536 / 64)

  /// Creates an empty table.
  init() {}

  /// The number of distinct words.
  var count: Int { words.count }

  /// The length in bytes of the longest word (0 when there is none).
  var longestWord: Int { longest }

  /// The id of `word`, adding it when it is new.
  @discardableResult
  mutating func insert(_ word: [UInt8]) -> Int32 {
    shortest = min(shortest, word.count)
    longest = max(longest, word.count)
    if word.count >= 2 {
      let pair = Int(word[0]) << 8 | Int(word[1])
      beginnings[pair >> 6] |= 1 << UInt64(pair & 63)
    }
    return word.withUnsafeBufferPointer { words.intern($0) }
  }

  /// Whether some word of the table could be a prefix of `key` (false when none can: `key` is
  /// shorter than every word, or every word of two bytes or more begins otherwise).
  func mayHoldPrefix(of key: UnsafeBufferPointer<UInt8>) -> Bool {
    guard key.count >= shortest else { return false }
    guard shortest >= 2 else { return true }
    let pair = Int(key[0]) << 8 | Int(key[1])
    return beginnings[pair >> 6] & (1 << UInt64(pair & 63)) != 0
  }

  /// The id of the word spelled by `key`, or nil.
  func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
    guard key.count >= shortest && key.count <= longest else { return nil }
    if key.count >= 2 {
      let pair = Int(key[0]) << 8 | Int(key[1])
      guard beginnings[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return nil }
    }
    return words.find(key)
  }
}
