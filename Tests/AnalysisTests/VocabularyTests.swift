import TestSupport
import Testing

@testable import Analysis

/// The vocabulary's ids against a dictionary that numbers words in the order they first occur,
/// one word at a time and in the prefetching batches the counting loop uses.
@Suite struct VocabularyTests {
  /// Random words of 1 to 30 bytes over a few Latin and Cyrillic letters, so that lengths,
  /// shared prefixes and multi-byte letters vary; `types` of them, drawn `count` times with a
  /// skew towards the first ones (a few frequent words, a long tail).
  static func words(count: Int, types: Int, seed: UInt64) -> [[UInt8]] {
    var random = SplitMix(seed: seed)
    let letters = ["a", "b", "k", "'", "-", "д", "ж", "е", "я"].map { Array($0.utf8) }
    let lexicon = (0..<types).map { _ in
      (0...random.int(12)).flatMap { _ in letters[random.int(letters.count)] }
    }
    return (0..<count).map { _ in
      let rank = random.int(random.int(types) + 1)
      return lexicon[rank]
    }
  }

  /// Ids numbered by first occurrence, the obviously correct way.
  static func reference(_ words: [[UInt8]], into ids: inout [[UInt8]: Int32]) -> [Int32] {
    words.map { word in
      if let id = ids[word] { return id }
      let id = Int32(ids.count)
      ids[word] = id
      return id
    }
  }

  @Test func oneWordAtATimeNumbersWordsByFirstOccurrence() {
    let words = Self.words(count: 20_000, types: 5_000, seed: 7)
    var expected: [[UInt8]: Int32] = [:]
    let ids = Self.reference(words, into: &expected)
    var vocabulary = Vocabulary()
    for (word, id) in zip(words, ids) {
      #expect(word.withUnsafeBufferPointer { vocabulary.intern($0) } == id)
    }
    #expect(vocabulary.count == expected.count)
    for (word, id) in expected { #expect(Array(vocabulary.bytes(id)) == word) }
  }

  /// Batches of every size from one word to larger than the table, over a vocabulary that grows
  /// (and is rehashed) in the middle of a batch, give the ids of the reference.
  @Test func batchesGiveTheSameIdsAsOneWordAtATime() {
    var expected: [[UInt8]: Int32] = [:]
    var vocabulary = Vocabulary()
    var random = SplitMix(seed: 11)
    for batch in 0..<60 {
      let size = batch == 30 ? 40_000 : 1 + random.int(400)
      let words = Self.words(count: size, types: 30_000, seed: UInt64(batch) + 100)
      let ids = Self.reference(words, into: &expected)
      // The words one after another in one buffer, as a document's folded tokens are.
      let arena = words.flatMap { $0 }
      let ends = words.reduce(into: [0]) { $0.append($0.last! + $1.count) }
      var found = [Int32](repeating: -1, count: words.count)
      arena.withUnsafeBufferPointer { arena in
        let spans = words.indices.map {
          UnsafeBufferPointer(rebasing: arena[ends[$0]..<ends[$0 + 1]])
        }
        spans.withUnsafeBufferPointer { spans in
          found.withUnsafeMutableBufferPointer { found in
            // Every other batch says which buffer its words lie in, as the counting loop does
            // (short words are then hashed from one load of it).
            vocabulary.intern(spans, into: found.baseAddress!, in: batch % 2 == 0 ? arena : nil)
          }
        }
      }
      #expect(found == ids, "batch \(batch) of \(size) words")
    }
    #expect(vocabulary.count == expected.count)
    for (word, id) in expected {
      #expect(Array(vocabulary.bytes(id)) == word)
      #expect(word.withUnsafeBufferPointer { vocabulary.find($0) } == id)
    }
  }

  /// An emptied vocabulary, whose table grew for other words, numbers new words exactly as a
  /// new one does, and finds none of the words it held before.
  @Test func anEmptiedVocabularyNumbersWordsLikeANewOne() {
    var vocabulary = Vocabulary()
    let before = Self.words(count: 30_000, types: 20_000, seed: 41)
    for word in before { _ = word.withUnsafeBufferPointer { vocabulary.intern($0) } }
    vocabulary.removeAll()
    #expect(vocabulary.count == 0)
    let after = Self.words(count: 5_000, types: 3_000, seed: 42)
    let kept = Set(after)
    for word in Set(before) where !kept.contains(word) {
      #expect(word.withUnsafeBufferPointer { vocabulary.find($0) } == nil)
    }
    var expected: [[UInt8]: Int32] = [:]
    let ids = Self.reference(after, into: &expected)
    for (word, id) in zip(after, ids) {
      #expect(word.withUnsafeBufferPointer { vocabulary.intern($0) } == id)
    }
    #expect(vocabulary.count == expected.count)
    for (word, id) in expected { #expect(Array(vocabulary.bytes(id)) == word) }
  }

  /// A slot keeps a key's length in 12 bits: keys around and past that limit, alike but for
  /// their length or their last byte, and the empty key, are told apart and found again.
  @Test func longKeysAndTheEmptyKeyAreToldApart() {
    var keys: [[UInt8]] = [[]]
    for length in [1, 4094, 4095, 4096, 4097, 5000, 8191, 9000] {
      let body = (0..<length).map { UInt8(ascii: "a") &+ UInt8($0 % 26) }
      keys.append(body)
      var other = body
      other[length - 1] ^= 1
      keys.append(other)
    }
    var vocabulary = Vocabulary()
    // Twice each, with other words in between that make the table grow.
    let filler = Self.words(count: 3_000, types: 3_000, seed: 5)
    var expected: [[UInt8]: Int32] = [:]
    for round in 0..<2 {
      for (index, key) in keys.enumerated() {
        let words = [key] + filler[(index * 100)..<(index * 100 + 100)]
        let reference = Self.reference(words, into: &expected)
        for (word, id) in zip(words, reference) {
          #expect(word.withUnsafeBufferPointer { vocabulary.intern($0) } == id, "round \(round)")
        }
      }
    }
    #expect(vocabulary.count == expected.count)
    for key in keys {
      #expect(key.withUnsafeBufferPointer { vocabulary.find($0) } == expected[key])
      #expect(Array(vocabulary.bytes(expected[key]!)) == key)
    }
    #expect(vocabulary.lookup(keys[3] + [0]) == nil)
  }

  /// Keys that all hash alike, so that every probe meets every other key's fingerprint and
  /// length field: long keys (past the 12 bits a slot keeps of a length) that are prefixes of
  /// one another, one whose bytes just after a shorter key's length spell the longer key's own
  /// id (so that only the offsets tell them apart), short keys alike but for their last byte,
  /// and the empty key; each gets its own id, found again after the table has grown.
  @Test func keysThatCollideInFullAreToldApart() {
    let base = (0..<4_500).map { UInt8(ascii: "a") &+ UInt8($0 % 26) }
    // Interned first, so its id is 0: its bytes at 4,500 are that id's four bytes.
    let spellsItsId = base + [0, 0, 0, 0] + (0..<500).map { UInt8(truncatingIfNeeded: $0) }
    var keys: [[UInt8]] = [spellsItsId, base, Array(base.prefix(4_095)), base + [0]]
    keys += [Array(base.prefix(4_096)), Array(spellsItsId.prefix(4_504)), [], [1], [2]]
    keys += [Array(base.prefix(30)), Array(base.prefix(29)) + [0], Array(base.prefix(31))]
    for hash: UInt64 in [0, 0xFFFF_FFFF_FFFF_FFFF, 0x1234_5678_9ABC_DEF0] {
      var vocabulary = Vocabulary()
      var expected: [[UInt8]: Int32] = [:]
      // Twice each, with as many other words between the rounds as make the table grow.
      for round in 0..<2 {
        let reference = Self.reference(keys, into: &expected)
        for (key, id) in zip(keys, reference) {
          let found = key.withUnsafeBufferPointer { vocabulary.intern($0, hash: hash) }
          #expect(found == id, "hash \(hash) round \(round) length \(key.count)")
        }
        for word in Self.words(count: 2_000, types: 2_000, seed: hash &+ 1) {
          _ = word.withUnsafeBufferPointer { vocabulary.intern($0) }
        }
      }
      #expect(Set(keys.map { expected[$0]! }).count == keys.count)
      for key in keys {
        let found = key.withUnsafeBufferPointer { vocabulary.find($0, hash: hash) }
        #expect(found == expected[key], "hash \(hash) length \(key.count)")
        #expect(Array(vocabulary.bytes(expected[key]!)) == key)
      }
      let absent = base + [1]
      #expect(absent.withUnsafeBufferPointer { vocabulary.find($0, hash: hash) } == nil)
    }
  }
}

/// ``Vocabulary``'s hash of a short key read in one load from a buffer it lies in, against the
/// hash of the key alone.
@Suite struct VocabularyHashTests {
  /// Keys of every length from 0 to 12 at every position of a buffer of random bytes (so that
  /// the bytes after a key differ from run to run of positions): the hash read from the buffer
  /// is the hash of a copy of the key, whether or not eight bytes can be read from its start.
  @Test func aKeyHashesAlikeReadFromItsBufferOrAlone() {
    var random = SplitMix(seed: 23)
    let text = (0..<64).map { _ in UInt8(truncatingIfNeeded: random.int(256)) }
    text.withUnsafeBufferPointer { text in
      let readable = text.baseAddress! + text.count - 8
      for length in 0...12 {
        for start in 0...(text.count - length) {
          let key = UnsafeBufferPointer(rebasing: text[start..<start + length])
          let alone = Array(key).withUnsafeBufferPointer { Vocabulary.hash($0) }
          #expect(
            Vocabulary.hash(key, readable: readable) == alone, "length \(length) at \(start)")
        }
      }
    }
  }

  /// Keys of up to 16 bytes (hashed from one or two loads) that differ in one byte, or only in
  /// length (a zero byte added), hash apart.
  @Test func keysOfUpTo16BytesThatDifferHashApart() {
    var hashes: [UInt64: [UInt8]] = [:]
    var keys: [[UInt8]] = [[], [0], [0, 0], [0, 0, 0, 0, 0, 0, 0], [1], [0, 1], [1, 0]]
    keys += (8...16).map { [UInt8](repeating: 0, count: $0) }
    for length in 1...16 {
      for position in 0..<length {
        for value: UInt8 in [1, 0x80, 0xFF] {
          var key = [UInt8](repeating: 0x61, count: length)
          key[position] = value
          keys.append(key)
        }
      }
    }
    for key in keys {
      let hash = key.withUnsafeBufferPointer { Vocabulary.hash($0) }
      #expect(hashes[hash] == nil || hashes[hash] == key, "\(key) and \(hashes[hash] ?? [])")
      hashes[hash] = key
    }
  }
}

/// ``Vocabulary``'s byte comparison, whose loads depend on the length, against `==` on arrays.
@Suite struct VocabularySameBytesTests {
  /// Every length from 0 to 40 (each branch and its edges), equal keys and keys that differ in
  /// one byte at each position, with the keys at the very end of their buffers so that a load
  /// past a key would be caught by the address sanitizer.
  @Test func agreesWithArrayEqualityAtEveryLengthAndPosition() {
    var random = SplitMix(seed: 11)
    for length in 0...40 {
      let key = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.int(256)) }
      var variants = [key]
      for position in 0..<length {
        var changed = key
        changed[position] ^= UInt8(1 + random.int(255))
        variants.append(changed)
      }
      for other in variants {
        let same = key.withUnsafeBufferPointer { a in
          other.withUnsafeBufferPointer { b in
            Vocabulary.sameBytes(a.baseAddress, b.baseAddress, length)
          }
        }
        #expect(same == (key == other), "length \(length)")
      }
    }
  }

  /// The buffer form compares lengths too, and an empty buffer (no base address) with an empty
  /// array.
  @Test func aBufferHasTheSameBytesAsAnArrayOnlyWhenBothAgree() {
    let words = [[], [0x61], [0x61, 0x62], Array("евразийский".utf8), Array("eaeu".utf8)]
    for a in words {
      for b in words {
        let same = a.withUnsafeBufferPointer { $0.hasSameBytes(as: b) }
        #expect(same == (a == b), "\(a) \(b)")
      }
    }
    #expect(UnsafeBufferPointer<UInt8>(start: nil, count: 0).hasSameBytes(as: []))
  }
}
