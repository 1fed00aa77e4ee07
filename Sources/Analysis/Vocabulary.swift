import CPrefetch

#if canImport(Glibc)
  import Glibc
#endif

/// Interns byte strings (case-folded terms) to dense integer ids.
///
/// An open-addressing hash table keyed by the bytes themselves, stored once in an arena: looking
/// a term up creates no `String` and no per-term allocation.
///
/// A slot holds what a probe needs to compare a key without another lookup: a fingerprint of
/// the hash, the key's length and where its bytes start in the arena; the arena holds each
/// term's id right after its bytes. So a probe is one load (the slot, asked for ahead) and then
/// the bytes and the id, whose address the slot gives and which share a cache line for most
/// words, with no load of the id's offsets in between (at 1 GB that load was a cache miss for
/// most rare words, as was a table of ids beside the slots).
public struct Vocabulary: Sendable {
  /// All interned bytes, one term after another, each followed by its id (``idBytes`` bytes,
  /// little-endian).
  private var arena: [UInt8] = []
  /// `offsets[id]..<offsets[id + 1] - idBytes` is term `id` in `arena`.
  private var offsets: [Int] = [0]
  private var hashes: [UInt64] = []
  /// Slot → ``entry(hash:start:length:)``: the hash's top bits, the key's length and its start
  /// in `arena` (0 is an empty slot).
  private var slots: [UInt64] = Array(repeating: 0, count: 1024)

  /// The bytes of a term's id after its bytes in the arena.
  private static let idBytes = 4

  /// Creates an empty vocabulary.
  public init() {}

  /// The number of distinct terms.
  public var count: Int { offsets.count - 1 }

  /// Forgets every term, keeping the room the tables took: the next terms get ids from 0 again,
  /// and the table grows only past its largest size so far.
  ///
  /// A run counts each year with a vocabulary of its own; one emptied this way is resident
  /// already, where a new one maps, faults in and zeroes its pages again, and copies its
  /// arrays each time they double (at 1 GB, 138,000 of the run's 988,000 page faults).
  public mutating func removeAll() {
    arena.removeAll(keepingCapacity: true)
    offsets.removeAll(keepingCapacity: true)
    offsets.append(0)
    hashes.removeAll(keepingCapacity: true)
    slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
  }

  /// The bytes of term `id`.
  public func bytes(_ id: Int32) -> ArraySlice<UInt8> {
    arena[offsets[Int(id)]..<offsets[Int(id) + 1] - Self.idBytes]
  }

  /// Calls `body` with the terms' storage, whose ``Storage/subscript(_:)`` gives the bytes of a
  /// term without a copy.
  func withStorage<Result>(_ body: (Storage) -> Result) -> Result {
    arena.withUnsafeBufferPointer { bytes in
      offsets.withUnsafeBufferPointer { offsets in body(Storage(bytes: bytes, offsets: offsets)) }
    }
  }

  /// Every term's bytes where the vocabulary holds them (``withStorage(_:)``).
  struct Storage {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let offsets: UnsafeBufferPointer<Int>

    /// The bytes of term `id`.
    subscript(_ id: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: bytes[offsets[id]..<offsets[id + 1] - Vocabulary.idBytes])
    }
  }

  /// The text of term `id`.
  public func string(_ id: Int32) -> String {
    String(decoding: bytes(id), as: UTF8.self)
  }

  /// The id of `key`, adding it when it is new.
  public mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    intern(key, hash: Vocabulary.hash(key))
  }

  /// The id of `key`, taken to hash to `hash`: ``intern(_:)`` with its hash given, so that tests
  /// can make keys collide in full (a real collision of two long keys' fingerprints and slots
  /// would need hundreds of millions of hashes).
  mutating func intern(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
    if let found = find(key, hash: hash) { return found }
    return insert(key, hash: hash)
  }

  /// Adds `key`, which is not in the table, and returns its new id.
  private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
    let id = Int32(count)
    let start = arena.count
    precondition(start + key.count <= Self.largestArena, "a vocabulary holds at most 4 GiB")
    arena.append(contentsOf: key)
    withUnsafeBytes(of: id.littleEndian) { arena.append(contentsOf: $0) }
    offsets.append(arena.count)
    hashes.append(hash)
    let slot = emptySlot(for: hash)
    slots[slot] = Self.entry(hash: hash, start: start, length: key.count)
    if count * 2 > slots.count { grow() }
    return id
  }

  /// How many words ahead ``intern(_:into:)`` asks for the cache lines of a probe.
  static let prefetchDistance = 8

  /// Interns `words` at once, writing their ids to `ids`: the same
  /// as ``intern(_:)`` word by word (new words get ids in the order they first occur), but each
  /// word's slot is asked for two ``prefetchDistance``s ahead and its bytes and id one ahead,
  /// so that the cache misses of a large vocabulary overlap instead of being waited for one at
  /// a time.
  ///
  /// Every word is first looked up in one pass over the tables as they are, new words marked -1;
  /// then the new words, a few in a hundred, are added in text order (a second occurrence finds
  /// the first one's id). So the lookups never stop to let a new word change the tables.
  ///
  /// - Parameter text: A buffer every word lies in, if there is one (a document's folded
  ///   bytes): a short word with eight bytes of it from its start is then hashed from one load
  ///   of those bytes (``hash(_:readable:)``).
  public mutating func intern(
    _ words: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, into ids: UnsafeMutablePointer<Int32>,
    in text: UnsafeBufferPointer<UInt8>? = nil
  ) {
    let count = words.count
    let distance = Self.prefetchDistance
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { hashes in
      // Eight bytes can be read from any address up to `readable`.
      let readable = text.flatMap { text in text.baseAddress.map { $0 + text.count - 8 } }
      if let readable {
        for index in 0..<count { hashes[index] = Self.hash(words[index], readable: readable) }
      } else {
        for index in 0..<count { hashes[index] = Self.hash(words[index]) }
      }
      let new: Bool = withTables { table in
        let mask = table.slots.count - 1
        var new = false
        for index in 0..<count {
          if index + 2 * distance < count {
            let slot = Int(truncatingIfNeeded: hashes[index + 2 * distance]) & mask
            almanac_prefetch(table.slots.baseAddress! + slot)
          }
          if index + distance < count {
            let hash = hashes[index + distance]
            let entry = table.slots[Int(truncatingIfNeeded: hash) & mask]
            if entry >> 32 == Self.entry(
              hash: hash, start: 0, length: words[index + distance].count)
              >> 32
            {
              almanac_prefetch(table.arena.baseAddress! + Int(entry & 0xFFFF_FFFF))
            }
          }
          let found = table.find(words[index], hash: hashes[index])
          ids[index] = found ?? -1
          if found == nil { new = true }
        }
        return new
      }
      guard new else { return }
      for index in 0..<count where ids[index] < 0 {
        let key = words[index]
        ids[index] = find(key, hash: hashes[index]) ?? insert(key, hash: hashes[index])
      }
    }
  }

  /// The id of `key`, or nil when it was never interned (no copy of the key).
  public func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
    find(key, hash: Vocabulary.hash(key))
  }

  /// The largest arena a slot can point into.
  private static let largestArena = 1 << 32

  /// Keys this long or longer have ``lengthMask`` as their length in a slot, and are compared
  /// by their full length from the offsets.
  private static let lengthMask: UInt64 = 0xFFF

  /// The slot entry of a key with `hash`, `length` bytes from `start` in the arena: the hash's
  /// top 20 bits with the first one set (so that no entry is 0), the length in the next 12 bits
  /// (at most ``lengthMask``), the start in the low 32 bits. Two keys' entries agree in their top 32 bits
  /// when their fingerprints and lengths do.
  @inline(__always)
  private static func entry(hash: UInt64, start: Int, length: Int) -> UInt64 {
    (hash | 0x8000_0000_0000_0000) & 0xFFFF_F000_0000_0000
      | UInt64(min(length, Int(lengthMask))) << 32 | UInt64(truncatingIfNeeded: start)
  }

  /// The id of `key` with its `hash`, probing with raw pointers (this is the hot loop).
  func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
    withTables { $0.find(key, hash: hash) }
  }

  /// Calls `body` with the tables as raw buffers.
  @inline(__always)
  private func withTables<Result>(_ body: (Tables) -> Result) -> Result {
    slots.withUnsafeBufferPointer { slots in
      offsets.withUnsafeBufferPointer { offsets in
        arena.withUnsafeBufferPointer { arena in
          body(Tables(slots: slots, offsets: offsets, arena: arena))
        }
      }
    }
  }

  /// The tables of a vocabulary as raw buffers, for probing.
  private struct Tables {
    let slots: UnsafeBufferPointer<UInt64>
    let offsets: UnsafeBufferPointer<Int>
    let arena: UnsafeBufferPointer<UInt8>

    /// The id of `key` with its `hash`, or nil.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
      let mask = slots.count - 1
      let wanted = Vocabulary.entry(hash: hash, start: 0, length: key.count) >> 32
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let entry = slots[slot]
        if entry == 0 { return nil }
        if entry >> 32 == wanted {
          let start = Int(entry & 0xFFFF_FFFF)
          if key.count < Int(Vocabulary.lengthMask) {
            if Vocabulary.sameBytes(
              arena.baseAddress.map { $0 + start }, key.baseAddress, key.count)
            {
              return id(at: start + key.count)
            }
          } else if start + key.count + Vocabulary.idBytes <= arena.count {
            // A long key: what follows `key.count` bytes from its start is its id only when the
            // offsets say that the term there is that long.
            let id = id(at: start + key.count)
            if id >= 0, Int(id) < offsets.count - 1, offsets[Int(id)] == start,
              offsets[Int(id) + 1] == start + key.count + Vocabulary.idBytes,
              Vocabulary.sameBytes(arena.baseAddress.map { $0 + start }, key.baseAddress, key.count)
            {
              return id
            }
          }
        }
        slot = (slot + 1) & mask
      }
    }

    /// The id stored at `position` of the arena.
    @inline(__always)
    func id(at position: Int) -> Int32 {
      Int32(
        littleEndian: UnsafeRawPointer(arena.baseAddress! + position).loadUnaligned(as: Int32.self))
    }
  }

  /// Whether `length` bytes at `a` and at `b` are the same (either may be nil only when `length`
  /// is 0). Keys of up to 16 bytes, most words, are compared in at most two pairs of loads that stay
  /// within the keys (overlapping when shorter), without a call to `memcmp`.
  @inline(__always)
  static func sameBytes(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ length: Int)
    -> Bool
  {
    guard let a, let b else { return length == 0 }
    let (rawA, rawB) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
    switch length {
    case 0: return true
    case 1...3:
      return a[0] == b[0] && a[length / 2] == b[length / 2] && a[length - 1] == b[length - 1]
    case 4...7:
      let tail = length - 4
      return rawA.loadUnaligned(as: UInt32.self) == rawB.loadUnaligned(as: UInt32.self)
        && rawA.loadUnaligned(fromByteOffset: tail, as: UInt32.self)
          == rawB.loadUnaligned(fromByteOffset: tail, as: UInt32.self)
    case 8...16:
      let tail = length - 8
      return rawA.loadUnaligned(as: UInt64.self) == rawB.loadUnaligned(as: UInt64.self)
        && rawA.loadUnaligned(fromByteOffset: tail, as: UInt64.self)
          == rawB.loadUnaligned(fromByteOffset: tail, as: UInt64.self)
    default:
      return memcmp(a, b, length) == 0
    }
  }

  /// The first empty slot on `hash`'s probe path.
  private func emptySlot(for hash: UInt64) -> Int {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    return slot
  }

  /// The id of `key`, adding it when it is new.
  public mutating func intern(_ key: some Collection<UInt8>) -> Int32 {
    let bytes = Array(key)
    return bytes.withUnsafeBufferPointer { intern($0) }
  }

  /// The id of `key`, or nil when it was never interned.
  public func lookup(_ key: some Collection<UInt8>) -> Int32? {
    let bytes = Array(key)
    return bytes.withUnsafeBufferPointer { find($0) }
  }

  private mutating func grow() {
    var bigger = [UInt64](repeating: 0, count: slots.count * 2)
    let mask = bigger.count - 1
    for id in 0..<count {
      var slot = Int(truncatingIfNeeded: hashes[id]) & mask
      while bigger[slot] != 0 { slot = (slot + 1) & mask }
      bigger[slot] = Self.entry(
        hash: hashes[id], start: offsets[id], length: offsets[id + 1] - offsets[id] - Self.idBytes)
    }
    slots = bigger
  }

  /// ``hash(_:)`` of `key`, where eight bytes may be read from any address up to `readable`:
  /// a key of fewer than eight bytes that starts there is read in one load (the bytes after it
  /// masked off) rather than in two or three loads chosen by its length, whose branches the
  /// processor mispredicts as the lengths of a text's words vary.
  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt8>, readable: UnsafePointer<UInt8>) -> UInt64 {
    guard key.count < 8, let base = key.baseAddress, base <= readable else { return hash(key) }
    let bits = 8 * UInt64(truncatingIfNeeded: key.count)
    let bytes = littleEndianLoad(base) & ((1 &<< bits) &- 1)
    return shortHash(bytes, count: key.count)
  }

  /// The eight bytes at `address` as a little-endian number: the first byte lowest, so that
  /// masking the top bytes off keeps the first ones.
  @inline(__always)
  static func littleEndianLoad(_ address: UnsafePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(address).loadUnaligned(as: UInt64.self))
  }

  /// The hash of a key of fewer than eight bytes, `bytes` being the key's bytes as one
  /// little-endian number (zero above them): the length goes in the top byte, above the key's
  /// bytes (so that no two keys give the same number), then one full-width multiply, its two
  /// halves folded together (as wyhash does), so that both the low bits (the slot) and the top
  /// bits (the fingerprint) spread well.
  @inline(__always)
  private static func shortHash(_ bytes: UInt64, count: Int) -> UInt64 {
    let key = bytes | UInt64(truncatingIfNeeded: count) << 56
    let product = (key ^ 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
    return product.high ^ product.low
  }

  /// A key of fewer than eight bytes as ``shortHash(_:count:)`` takes it: its bytes as one
  /// little-endian number, read in at most two loads that stay within the key (overlapping
  /// bytes are the same, so or-ing them in twice changes nothing).
  @inline(__always)
  private static func shortKeyBytes(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
    let raw = UnsafeRawPointer(base)
    if count == 0 { return 0 }
    if count >= 4 {
      let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
      let high = UInt64(
        UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
      return low | high << (8 * UInt64(count - 4))
    }
    return UInt64(base[0]) | UInt64(base[count / 2]) << (8 * UInt64(count / 2))
      | UInt64(base[count - 1]) << (8 * UInt64(count - 1))
  }

  /// A key of fewer than eight bytes is hashed as one number (``shortHash(_:count:)``); one of
  /// 8 to 16 bytes as two (its first eight bytes and its last eight, which overlap when it is
  /// shorter than 16, the length in the top byte of one), multiplied full width and the halves
  /// folded together (as wyhash does); a longer one eight bytes at a time, each word folded in
  /// with a multiply-xorshift (the last one to seven bytes read as one word), then a final mix.
  /// Each way, both the low bits (the slot) and the top bits (the fingerprint) spread well.
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard let base = key.baseAddress else { return shortHash(0, count: 0) }
    if key.count < 8 { return shortHash(shortKeyBytes(base, count: key.count), count: key.count) }
    if key.count <= 16 {
      // Two loads that may overlap: the first eight bytes and the last eight, with the length.
      let first = littleEndianLoad(base)
      let last = littleEndianLoad(base + key.count - 8)
      let product = (first ^ 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(
        by: last ^ 0xBF58_476D_1CE4_E5B9 ^ UInt64(truncatingIfNeeded: key.count) << 56)
      return product.high ^ product.low
    }
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: key.count)
    var index = 0
    while index + 8 <= key.count {
      hash = (hash ^ littleEndianLoad(base + index)) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
      index += 8
    }
    // The last 1...7 bytes as one number, as a short key's are.
    let rest = key.count - index
    if rest > 0 {
      hash = (hash ^ shortKeyBytes(base + index, count: rest)) &* 0xBF58_476D_1CE4_E5B9
    }
    hash ^= hash >> 32
    hash &*= 0xD6E8_FEB8_6659_FD93
    hash ^= hash >> 32
    return hash
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// Whether these are exactly the bytes of `other` (``Vocabulary/sameBytes(_:_:_:)``, without
  /// the generic walk of `elementsEqual`).
  func hasSameBytes(as other: [UInt8]) -> Bool {
    count == other.count
      && other.withUnsafeBufferPointer { Vocabulary.sameBytes(baseAddress, $0.baseAddress, count) }
  }
}
