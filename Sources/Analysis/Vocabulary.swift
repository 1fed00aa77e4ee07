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
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let id = Int(entry - 1)
      if hashes[id] == hash && equals(id, key) { return Int32(id) }
      slot = (slot + 1) & mask
    }
    let id = Int32(count)
    arena.append(contentsOf: key)
    offsets.append(arena.count)
    hashes.append(hash)
    slots[slot] = id + 1
    if count * 2 > slots.count { grow() }
    return id
  }

  /// The id of `key`, adding it when it is new.
  public mutating func intern(_ key: some Collection<UInt8>) -> Int32 {
    let bytes = Array(key)
    return bytes.withUnsafeBufferPointer { intern($0) }
  }

  /// The id of `key`, or nil when it was never interned.
  public func lookup(_ key: some Collection<UInt8>) -> Int32? {
    let bytes = Array(key)
    return bytes.withUnsafeBufferPointer { buffer -> Int32? in
      let hash = Vocabulary.hash(buffer)
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 {
        let id = Int(slots[slot] - 1)
        if hashes[id] == hash && equals(id, buffer) { return Int32(id) }
        slot = (slot + 1) & mask
      }
      return nil
    }
  }

  private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[id]
    let length = offsets[id + 1] - start
    guard length == key.count else { return false }
    return arena.withUnsafeBufferPointer { stored in
      for index in 0..<length where stored[start + index] != key[index] { return false }
      return true
    }
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
