/// Replaces invalid UTF-8 with U+FFFD, counting the replacements.
public enum UTF8Repair {
  /// The bytes unchanged when they are valid UTF-8 (the common case, checked without copying
  /// into a `String`), otherwise a repaired copy and the number of replaced sequences.
  ///
  /// Replacement follows the standard library's decoder (one U+FFFD per maximal invalid
  /// subpart), which does the work whenever ``isValid(_:)`` finds a problem.
  public static func repaired(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], replaced: Int) {
    if bytes.withUnsafeBufferPointer(isValid) { return (Array(bytes), 0) }
    var replaced = 0
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        UTF8.encode(scalar) { output.append($0) }
      case .error:
        replaced += 1
        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
      case .emptyInput:
        break loop
      }
    }
    return (output, replaced)
  }

  /// Whether `bytes` is well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates,
  /// nothing above U+10FFFF). ASCII is checked eight bytes at a time.
  public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var index = 0
    while index < count {
      // Eight ASCII bytes at once.
      while index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 { break }
        index += 8
      }
      guard index < count else { return true }
      let lead = base[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // Two-byte sequences (Cyrillic, accented Latin) one after another, without the table.
      if lead &- 0xC2 < 0x1E {
        guard index + 1 < count, base[index + 1] & 0xC0 == 0x80 else { return false }
        index += 2
        while index + 1 < count {
          let next = base[index]
          guard next &- 0xC2 < 0x1E else { break }
          guard base[index + 1] & 0xC0 == 0x80 else { return false }
          index += 2
        }
        continue
      }
      // The allowed range of the second byte, and the length, by lead byte.
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      let length: Int
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        high = 0x9F
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        high = 0x8F
      default: return false
      }
      guard index + length <= count else { return false }
      let second = base[index + 1]
      guard second >= low && second <= high else { return false }
      for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 { return false }
      index += length
    }
    return true
  }
}
