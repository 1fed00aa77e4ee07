/// What one Unicode scalar means to the ``Tokenizer``.
enum CharacterClass: Equatable {
  case letter(upper: Bool)
  case digit
  /// A combining mark: part of the word it follows.
  case mark
  /// An invisible format character (soft hyphen, zero-width space and joiners, word joiner,
  /// byte order mark, direction marks): no part of a word's folded form, and no break in it.
  case invisible
  case apostrophe
  case hyphen
  /// `.` or `,`: part of a number between digits, otherwise a sentence end (`.`) or punctuation.
  case decimalSeparator(sentenceEnd: Bool)
  case sentenceEnd
  case openingParenthesis
  case punctuation
  case space

  /// The class of every ASCII byte, computed once.
  private static let ascii: [CharacterClass] = (0..<128).map { byte in
    switch UInt8(byte) {
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return .letter(upper: false)
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter(upper: true)
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
    case UInt8(ascii: "'"): return .apostrophe
    case UInt8(ascii: "-"): return .hyphen
    case UInt8(ascii: "."): return .decimalSeparator(sentenceEnd: true)
    case UInt8(ascii: ","): return .decimalSeparator(sentenceEnd: false)
    case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ":"), 0x0A, 0x0D:
      return .sentenceEnd
    case UInt8(ascii: "("), UInt8(ascii: "["): return .openingParenthesis
    case 0x20, 0x09, 0x0B, 0x0C: return .space
    default: return .punctuation
    }
  }

  /// Scalars below this are classified by ``common``, the rest by ``classify(_:)``.
  private static let commonLimit: UInt32 = 0x3100

  /// The class of every scalar below ``commonLimit`` (Latin, Greek, Cyrillic, general and CJK
  /// punctuation: nearly every non-ASCII character of a news text), computed once, so that a
  /// quotation mark or a dash does not look up its Unicode properties each time.
  private static let common: [CharacterClass] = (0..<commonLimit).map { value in
    Unicode.Scalar(value).map(classify) ?? .punctuation
  }

  /// Both tables, for a loop that classifies many scalars to hold (the scanner holds them for
  /// its whole run): each use of a lazily made static (``ascii``, ``common``) is a call to
  /// `swift_once`, which in the tokenizer's loop over punctuation and non-ASCII characters came
  /// to 0.35 % of a 1 GB run.
  struct Tables {
    let ascii: [CharacterClass]
    let common: [CharacterClass]

    /// The tables, made once.
    static let shared = Tables(ascii: CharacterClass.ascii, common: CharacterClass.common)

    /// Classifies `scalar`: by table below ``commonLimit``, the rest by ``classify(_:)``.
    @inline(__always)
    func of(_ scalar: Unicode.Scalar) -> CharacterClass {
      let value = scalar.value
      if value < 0x80 { return ascii[Int(value)] }
      if value < commonLimit { return common[Int(value)] }
      return classify(scalar)
    }
  }

  /// Classifies a non-ASCII `scalar`: Cyrillic by range, the rest by Unicode properties.
  private static func classify(_ scalar: Unicode.Scalar) -> CharacterClass {
    let value = scalar.value
    if value < 0x80 { return ascii[Int(value)] }
    switch value {
    case 0x0410...0x042F, 0x0400...0x040F: return .letter(upper: true)
    case 0x0430...0x045F: return .letter(upper: false)
    case 0x2019, 0x02BC: return .apostrophe
    case 0x2010, 0x2011: return .hyphen
    case 0x2026: return .sentenceEnd
    case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
    case 0x00AD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF:
      return .invisible
    case 0x2028, 0x2029: return .sentenceEnd
    default: break
    }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .uppercaseLetter, .titlecaseLetter: return .letter(upper: true)
    case .lowercaseLetter, .modifierLetter, .otherLetter: return .letter(upper: false)
    case .decimalNumber: return .digit
    case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
    case .spaceSeparator: return .space
    case .openPunctuation: return .openingParenthesis
    default: return .punctuation
    }
  }

  /// A Russian letter (U+0400–U+045F) spelled by the two bytes `lead` and `next`: the UTF-8
  /// bytes of its folded form (``foldCyrillic(_:)``) and whether it is upper case; nil when the
  /// bytes spell no such letter. The tokenizer's fast path and ``EvidencePrefilter`` both fold
  /// through this, so that they agree byte for byte.
  @inline(__always)
  static func foldedRussianLetter(_ lead: UInt8, _ next: UInt8)
    -> (first: UInt8, second: UInt8, upper: Bool)?
  {
    guard lead & 0xFE == 0xD0, next & 0xC0 == 0x80 else { return nil }
    let value = UInt32(lead & 0x1F) << 6 | UInt32(next & 0x3F)
    guard value &- 0x0400 < 0x60, let folded = foldCyrillic(value) else { return nil }
    return (
      0xC0 | UInt8(truncatingIfNeeded: folded >> 6),
      0x80 | UInt8(truncatingIfNeeded: folded & 0x3F),
      value < 0x0430
    )
  }

  /// The lower-case, `ё`-to-`е` folded form of a Cyrillic letter in U+0400–U+045F, or nil.
  @inline(__always)
  static func foldCyrillic(_ value: UInt32) -> UInt32? {
    switch value {
    case 0x0401, 0x0451: return 0x0435  // Ё, ё → е
    case 0x0410...0x042F: return value + 0x20
    case 0x0400...0x040F: return value + 0x50
    case 0x0430...0x045F: return value
    default: return nil
    }
  }
}
