/// Makes arbitrary text safe to put into an XML 1.0 document.
public enum XMLText {
  /// Returns `text` with every character that XML 1.0 forbids (C0 controls other than tab,
  /// line feed and carriage return) or that HTML forbids and XML discourages (DEL, C1 controls,
  /// noncharacters such as U+FDD0 and U+FFFE) replaced by U+FFFD.
  public static func clean(_ text: String) -> String {
    func allowed(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x09, 0x0A, 0x0D: return true
      case 0x00..<0x20: return false
      case 0x7F...0x9F: return false
      case 0xFDD0...0xFDEF: return false
      default: return scalar.value & 0xFFFE != 0xFFFE
      }
    }
    if text.unicodeScalars.allSatisfy(allowed) { return text }
    var cleaned = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      cleaned.append(allowed(scalar) ? scalar : "\u{FFFD}")
    }
    return String(cleaned)
  }
}
