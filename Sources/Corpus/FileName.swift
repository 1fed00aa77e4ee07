/// How a file name's bytes are shown in reports, on stderr and in the state.
///
/// A name is shown as it is when it is valid UTF-8 without control characters. Otherwise every
/// control character and every byte that is not part of valid UTF-8 is written `\xHH`, and a
/// backslash is doubled, so that two different names never show alike and a newline in a name
/// can never start a line of its own on stderr.
public enum FileName {
  /// The name's display form, and whether the bytes are valid UTF-8 (so that the name can be
  /// opened through a `String` path).
  public static func display(_ bytes: [UInt8]) -> (text: String, isUTF8: Bool) {
    func hex(_ byte: UInt8) -> String {
      let digits = Array("0123456789ABCDEF")
      return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
    var text = ""
    var isUTF8 = true
    var offset = 0
    while offset < bytes.count {
      // A fresh decoder each time: a decoder buffers the bytes it looked ahead at.
      var decoder = UTF8()
      var iterator = bytes[offset...].makeIterator()
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        let length = UTF8.width(scalar)
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          for byte in bytes[offset..<offset + length] { text += hex(byte) }
        } else if scalar == "\\" {
          text += "\\\\"
        } else {
          text.unicodeScalars.append(scalar)
        }
        offset += length
      case .error:
        isUTF8 = false
        text += hex(bytes[offset])
        offset += 1
      case .emptyInput:
        offset = bytes.count
      }
    }
    return (text, isUTF8)
  }
}
