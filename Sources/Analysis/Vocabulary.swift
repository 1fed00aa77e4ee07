#if canImport(Glibc)
  import Glibc
#endif

/// Interns byte strings (case-folded terms) to dense integer ids.
///
/// An open-addressing hash table keyed by the bytes themselves, stored once in an arena: looking
/// a term up creates no `String` and no per-term allocation.
public struct Vocabulary: Sendable {
  /// All interned bytes, one term after another.
  private var arena: [UInt8] = []
  /// `offsets[id]..<offsets[id + 1]` is term `id` in `arena`.
  private var offsets: [Int] = [0]
  private var hashes: [UInt64] = []
  /// Slot → id + 1 (0 is empty).
  private var slots: [Int32] = Array(repeating: 0, count: 1024)

  /// Creates an empty vocabulary.
  public init() {}

  /// The number of distinct terms.
  public var count: Int { offsets.count - 1 }

  /// The bytes of term `id`.
  public func bytes(_ id: Int32) -> ArraySlice<UInt8> {
    arena[offsets[Int(id)]..<offsets[Int(id) + 1]]
  }

  /// The text of term `id`.
  public func string(_ id: Int32) -> String {
    String(decoding: bytes(id), as: UTF8.self)
  }

  /// The id of `key`, adding it when it is new.
  public mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = Vocabulary.hash(key)
    if let found = find(key, hash: hash) { return found.id }
    let slot = emptySlot(for: hash)
    let id = Int32(count)
    arena.append(contentsOf: key)
    offsets.append(arena.count)
    hashes.append(hash)
    slots[slot] = id + 1
    if count * 2 > slots.count { grow() }
    return id
  }

  /// The id of `key` with its `hash`, probing with raw pointers (this is the hot loop).
  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int32, slot: Int)? {
    slots.withUnsafeBufferPointer { slots in
      hashes.withUnsafeBufferPointer { hashes in
        offsets.withUnsafeBufferPointer { offsets in
          arena.withUnsafeBufferPointer { arena in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
              let entry = slots[slot]
              if entry == 0 { return nil }
              let id = Int(entry - 1)
              if hashes[id] == hash {
                let start = offsets[id]
                let length = offsets[id + 1] - start
                if length == key.count
                  && (length == 0
                    || memcmp(arena.baseAddress! + start, key.baseAddress!, length) == 0)
                {
                  return (Int32(id), slot)
                }
              }
              slot = (slot + 1) & mask
            }
          }
        }
      }
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
    return bytes.withUnsafeBufferPointer { find($0, hash: Vocabulary.hash($0))?.id }
  }

  private mutating func grow() {
    var bigger = [Int32](repeating: 0, count: slots.count * 2)
    let mask = bigger.count - 1
    for id in 0..<count {
      var slot = Int(truncatingIfNeeded: hashes[id]) & mask
      while bigger[slot] != 0 { slot = (slot + 1) & mask }
      bigger[slot] = Int32(id + 1)
    }
    slots = bigger
  }

  /// FNV-1a over the bytes, finished with a multiply-xorshift so that low bits mix well.
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    hash ^= hash >> 32
    hash &*= 0xd6e8_feb8_6659_fd93
    hash ^= hash >> 32
    return hash
  }
}
