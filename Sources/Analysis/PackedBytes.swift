#if canImport(Glibc)
  import Glibc
#endif

/// A growing byte buffer that numbers (LEB128 varints) and byte strings are written to through a
/// raw pointer: one check of room and of sharing per record written, not one per byte, as
/// `Array.append` would make.
///
/// Packing a year's terms writes tens of millions of numbers; appending them one byte at a time
/// to an array spent a third of that time checking that the array was not shared.
struct PackedBytes {
  /// Room to write in beyond ``count``, not written yet.
  private var storage: [UInt8]
  /// The bytes written.
  private(set) var count = 0

  /// An empty buffer with room for `capacity` bytes before it grows.
  init(capacity: Int = 0) {
    storage = Self.unfilled(max(64, capacity), copying: UnsafeBufferPointer(start: nil, count: 0))
  }

  /// `size` bytes of which the first are `prefix` and the others are not written, so that the
  /// pages of room not yet used are not touched (`[UInt8](repeating:count:)` would fill them).
  private static func unfilled(_ size: Int, copying prefix: UnsafeBufferPointer<UInt8>)
    -> [UInt8]
  {
    [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      if let source = prefix.baseAddress, !prefix.isEmpty {
        memcpy(buffer.baseAddress!, source, prefix.count)
      }
      // Bytes are trivial values: those past `count` are only ever written before being read.
      initialized = size
    }
  }

  /// Writes through raw pointers, valid only during ``PackedBytes/write(atMost:_:)``.
  struct Writer {
    fileprivate let base: UnsafeMutablePointer<UInt8>
    fileprivate var position: Int

    /// Writes `value` in seven-bit groups, low first, the high bit set on all but the last.
    @inline(__always)
    mutating func varint(_ value: UInt64) {
      var rest = value
      while rest >= 0x80 {
        base[position] = UInt8(truncatingIfNeeded: rest) | 0x80
        position += 1
        rest >>= 7
      }
      base[position] = UInt8(truncatingIfNeeded: rest)
      position += 1
    }

    /// Writes `bytes` as they are.
    @inline(__always)
    mutating func bytes(_ bytes: UnsafeBufferPointer<UInt8>) {
      guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
      memcpy(base + position, source, bytes.count)
      position += bytes.count
    }
  }

  /// The most bytes one varint takes (a 64-bit value in seven-bit groups).
  static let maximumVarintBytes = 10

  /// Calls `body` with a writer that may write at most `limit` bytes.
  @inline(__always)
  mutating func write(atMost limit: Int, _ body: (inout Writer) -> Void) {
    if count + limit > storage.count { grow(toHold: count + limit) }
    let start = count
    count = storage.withUnsafeMutableBufferPointer { storage in
      var writer = Writer(base: storage.baseAddress!, position: start)
      body(&writer)
      precondition(writer.position <= storage.count, "wrote more than announced")
      return writer.position
    }
  }

  /// Doubles the storage until it holds `needed` bytes.
  private mutating func grow(toHold needed: Int) {
    var size = storage.count
    while size < needed { size *= 2 }
    storage = storage.withUnsafeBufferPointer { old in
      Self.unfilled(size, copying: UnsafeBufferPointer(rebasing: old[0..<count]))
    }
  }

  /// The bytes written.
  var bytes: ArraySlice<UInt8> { storage[0..<count] }

  /// Calls `body` with the bytes written.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
  }

  /// Forgets the bytes written, keeping the room they took.
  mutating func removeAll() { count = 0 }

  /// The bytes written, sharing the storage they were written in.
  var written: ArraySlice<UInt8> { storage[0..<count] }

  /// The bytes written, as an array of their own (the room beyond them let go, not copied).
  consuming func finish() -> [UInt8] {
    storage.removeLast(storage.count - count)
    return storage
  }
}
