#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fast 64-bit hash of a file's bytes, to tell whether an article changed and which files are
/// copies of others (``textHash(_:)``: line ends aside).
///
/// Not cryptographic: it guards against accidental change, not against an adversary. Eight bytes
/// at a time, each word mixed by multiplication and rotation, then finalised with the length.
public enum ContentHash {
  /// The hash of `bytes` as 16 lower-case hexadecimal digits.
  public static func hex(_ bytes: [UInt8]) -> String { hex(hash(bytes)) }

  /// A hash of ``hash(_:)`` as 16 lower-case hexadecimal digits.
  public static func hex(_ value: UInt64) -> String {
    // Written digit by digit into the string's own storage: a run makes one per file of the
    // corpus, on the thread that then writes the state while the other core waits (at 1 GB the
    // generic `String(_:radix:)` and padding took a quarter of that step's 95 ms).
    String(unsafeUninitializedCapacity: 16) { bytes in
      for index in 0..<16 { bytes[index] = hexDigit(value, index) }
      return 16
    }
  }

  /// Appends ``hex(_:)-(UInt64)`` of `value` to `bytes`, as UTF-8.
  public static func appendHex(_ value: UInt64, to bytes: inout [UInt8]) {
    for index in 0..<16 { bytes.append(hexDigit(value, index)) }
  }

  /// The `index`th of the 16 hexadecimal digits of `value`, from the left.
  private static func hexDigit(_ value: UInt64, _ index: Int) -> UInt8 {
    let digit = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
    return digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") - 10 + digit
  }

  /// The hash whose ``hex(_:)`` text is `text`, or nil when `text` is not 16 lower-case
  /// hexadecimal digits (a state that stored no hash, or something else).
  public static func value(hex text: String) -> UInt64? {
    var text = text
    return text.withUTF8 { digits -> UInt64? in
      guard digits.count == 16 else { return nil }
      var value: UInt64 = 0
      for digit in digits {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(digit - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt64(digit - 87)
        default: return nil
        }
      }
      return value
    }
  }

  /// The hash of `bytes` read as text: the same for two files that differ only in how their
  /// lines end (CR LF or a lone CR, each read as LF), so that an article saved again on another
  /// system is still a copy of itself. Line ends are the only difference it overlooks: a file
  /// with one more line break, or other white space, is another text. A file without CR hashes
  /// as its bytes do (``hash(_:)``), so a state's stored hashes of such files stay valid.
  public static func textHash(_ bytes: [UInt8]) -> UInt64 {
    // One `memchr`: most files have no CR at all. (A CR byte is never part of a longer UTF-8
    // sequence, whose bytes are all 0x80 or more.)
    let first = bytes.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress, let found = memchr(base, 0x0D, buffer.count) else {
        return nil
      }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
    guard var index = first else { return hash(bytes) }
    var text = [UInt8]()
    text.reserveCapacity(bytes.count)
    text += bytes[..<index]
    while index < bytes.count {
      if bytes[index] == 0x0D {
        text.append(0x0A)
        if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
      } else {
        text.append(bytes[index])
      }
      index += 1
    }
    return hash(text)
  }

  /// The hash of `bytes`.
  public static func hash(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { raw -> UInt64 in
      var state: UInt64 = 0x9E37_79B9_7F4A_7C15
      let words = raw.count / 8
      for index in 0..<words {
        let word = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
        state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
        state = (state << 31) | (state >> 33)
      }
      var tail: UInt64 = 0
      for index in (words * 8)..<raw.count {
        tail = tail << 8 | UInt64(raw[index])
      }
      state = (state ^ tail ^ UInt64(raw.count)) &* 0xC4CE_B9FE_1A85_EC53
      state ^= state >> 33
      state = state &* 0xFF51_AFD7_ED55_8CCD
      state ^= state >> 33
      return state
    }
  }
}
