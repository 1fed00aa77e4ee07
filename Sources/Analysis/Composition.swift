/// Canonical composition of a letter and a combining mark that follows it, for the tokenizer:
/// a decomposed word (`и` + U+0306, `e` + U+0301, as some editors and macOS file names write
/// them) gets the folded bytes of its composed form (`й`, `é`), so that both spellings are one
/// term, one stopword and one organization name.
///
/// It covers the precomposed lower-case letters of Latin (U+00C0–U+024F, U+1E00–U+1EFF), Greek
/// (U+0370–U+03FF, U+1F00–U+1FFF) and Cyrillic (U+0400–U+04FF), without a normalization table
/// of its own: `String` equality is canonical equivalence, so the string of a letter and a mark
/// finds the precomposed letter among the strings of one scalar each.
enum Composition {
  /// The string of each precomposed lower-case letter → the letter (about 1,000, made once in
  /// well under a millisecond; a table of every letter and mark took a quarter of a second).
  private static let precomposed: [String: UInt32] = {
    var table: [String: UInt32] = [:]
    let ranges: [ClosedRange<UInt32>] = [
      0x00C0...0x024F, 0x0370...0x03FF, 0x0400...0x04FF, 0x1E00...0x1EFF, 0x1F00...0x1FFF,
    ]
    for range in ranges {
      for value in range {
        guard let scalar = Unicode.Scalar(value), scalar.properties.isLowercase else { continue }
        table[String(scalar)] = value
      }
    }
    return table
  }()

  /// The letter `base` (lower case) and `mark` compose into, or nil. A combining mark is rare
  /// in a text: each one costs a string of two scalars and a lookup.
  static func composed(_ base: UInt32, _ mark: UInt32) -> UInt32? {
    guard let base = Unicode.Scalar(base), let mark = Unicode.Scalar(mark) else { return nil }
    var pair = String(base)
    pair.unicodeScalars.append(mark)
    guard let composed = precomposed[pair], composed != base.value else { return nil }
    return composed
  }
}
