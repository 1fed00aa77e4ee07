import TestSupport
import Testing

@testable import Analysis

/// The raw-pointer byte buffer against the plain encoding: seven-bit groups, low first, one byte
/// at a time into an array.
@Suite struct PackedBytesTests {
  static func reference(_ value: UInt64) -> [UInt8] {
    var bytes: [UInt8] = []
    var rest = value
    repeat {
      let group = UInt8(rest & 0x7F)
      rest >>= 7
      bytes.append(rest == 0 ? group : group | 0x80)
    } while rest != 0
    return bytes
  }

  /// Numbers at every group boundary and random ones of every width, with words between them,
  /// written from an empty buffer so that it grows many times, records crossing each boundary.
  @Test func writesWhatThePlainEncodingWrites() {
    var random = SplitMix(seed: 3)
    var values: [UInt64] = [0, 1, 127, 128, 255, 16_383, 16_384, UInt64.max, 1 << 63]
    for bits in 1...64 {
      for _ in 0..<20 {
        let value = UInt64(truncatingIfNeeded: random.next())
        values.append(bits == 64 ? value : value & (1 << UInt64(bits) - 1))
      }
    }
    var buffer = PackedBytes()
    var expected: [UInt8] = []
    for (index, value) in values.enumerated() {
      let word = Array("слово\(index)".utf8)
      word.withUnsafeBufferPointer { word in
        buffer.write(atMost: 2 * PackedBytes.maximumVarintBytes + word.count) { writer in
          writer.varint(value)
          writer.bytes(word)
          writer.varint(UInt64(index))
        }
      }
      expected += Self.reference(value) + word + Self.reference(UInt64(index))
    }
    #expect(Array(buffer.bytes) == expected)
    #expect(buffer.count == expected.count)
    buffer.withBytes { #expect(Array($0) == expected) }
    #expect(buffer.finish() == expected)
  }

  @Test func anEmptyBufferHasNoBytes() {
    var buffer = PackedBytes(capacity: 1000)
    #expect(buffer.bytes.isEmpty)
    buffer.write(atMost: 0) { _ in }
    [UInt8]().withUnsafeBufferPointer { empty in
      buffer.write(atMost: 0) { $0.bytes(empty) }
    }
    #expect(buffer.count == 0)
  }
}
