/// The scanner's word-at-a-time tests: how many of eight bytes continue a run that folds to
/// itself, so that such a run is copied eight bytes at a time rather than a letter at a time.
extension Scanner {
  /// How many of the eight bytes of `eight` (the first in its low byte), from the first, are
  /// ASCII lower-case letters.
  ///
  /// Each byte's low seven bits plus 0x1F reach 0x80 when they are at least `a` (0x61), plus 0x05
  /// when they are past `z` (0x7A), and never carry into the next byte; a byte with its top bit
  /// set is not ASCII.
  @inline(__always)
  static func lowerCaseRun(_ eight: UInt64) -> Int {
    let high: UInt64 = 0x8080_8080_8080_8080
    let low = eight & ~high
    let fromA = low &+ 0x1F1F_1F1F_1F1F_1F1F
    let pastZ = low &+ 0x0505_0505_0505_0505
    let letters = fromA & ~pastZ & ~eight & high
    return (~letters & high).trailingZeroBitCount >> 3
  }

  /// Copies the run that starts at `start` to the folded bytes eight bytes at a time while
  /// eight are left, `run` telling how many of each eight go on with it (all eight are stored,
  /// only those kept); returns where the copied part of the run ends.
  @inline(__always)
  mutating func copyRun(
    from start: Int, into stream: inout TokenStream, _ run: (UInt64) -> Int
  ) -> Int {
    var end = start
    while end + 8 <= text.count {
      let eight = load(at: end)
      let length = run(eight)
      if byteCount + 8 > bytes.count { flushBytes(&stream) }
      UnsafeMutableRawPointer(bytes.baseAddress! + byteCount).storeBytes(
        of: eight.littleEndian, as: UInt64.self)
      byteCount += length
      end += length
      if length < 8 { break }
    }
    return end
  }

  /// The eight bytes of the text from `position` (at most `text.count - 8`), the first in the
  /// low byte.
  @inline(__always)
  func load(at position: Int) -> UInt64 {
    UInt64(
      littleEndian: UnsafeRawPointer(text.baseAddress! + position).loadUnaligned(as: UInt64.self))
  }

  /// How many of the eight bytes of `eight` (the first in its low byte), from the first, spell
  /// lower-case Russian letters U+0430–U+044F: 0, 2, 4, 6 or 8.
  ///
  /// Each pair of bytes is one 16-bit lane, lead byte low: `а`–`п` are D0 B0–BF and `р`–`я` are
  /// D1 80–8F, so a lane masked to its lead byte and the top half of the other equals D0 B0 or
  /// D1 80. A lane is tested for zero without carrying into the next one (its low 15 bits plus
  /// 0x7FFF reach the top bit unless they are all 0), so lanes past the first mismatch do not
  /// matter. `ё` (D1 91) is left to the letter-by-letter path, which folds it to `е`.
  @inline(__always)
  static func lowerCaseRussianRun(_ eight: UInt64) -> Int {
    let masked = eight & 0xF0FF_F0FF_F0FF_F0FF
    let first = masked ^ 0xB0D0_B0D0_B0D0_B0D0
    let second = masked ^ 0x80D1_80D1_80D1_80D1
    let low: UInt64 = 0x7FFF_7FFF_7FFF_7FFF
    let high: UInt64 = 0x8000_8000_8000_8000
    let firstNonZero = ((first & low) &+ low | first) & high
    let secondNonZero = ((second & low) &+ low | second) & high
    // The top bit of each lane that is neither; lane i's is bit 16i + 15.
    let mismatched = firstNonZero & secondNonZero
    return (mismatched >> 15).trailingZeroBitCount >> 3
  }
}
