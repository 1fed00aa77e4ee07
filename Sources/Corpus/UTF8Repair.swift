/// Replaces invalid UTF-8 with U+FFFD, counting the replacements.
public enum UTF8Repair {
  /// The bytes unchanged when they are valid UTF-8 (the common case, checked without copying
  /// into a `String`), otherwise a repaired copy and the number of replaced sequences.
  public static func repaired(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], replaced: Int) {
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
}
