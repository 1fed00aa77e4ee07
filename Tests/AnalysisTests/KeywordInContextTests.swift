import Analysis
import Testing

@Suite struct KeywordInContextTests {
  /// The byte range of the first `needle` in `text` (found with String search, not the code
  /// under test).
  func range(of needle: String, in text: String, after: Int = 0) -> Range<Int> {
    let bytes = Array(text.utf8)
    let target = Array(needle.utf8)
    for start in after...(bytes.count - target.count)
    where Array(bytes[start..<start + target.count]) == target {
      return start..<start + target.count
    }
    Issue.record("'\(needle)' not in text")
    return 0..<0
  }

  func line(_ text: String, _ needles: String...) -> KeywordInContext {
    var hits: [Range<Int>] = []
    for needle in needles {
      hits.append(range(of: needle, in: text, after: hits.last?.upperBound ?? 0))
    }
    return KeywordInContext(text: Array(text.utf8), hits: hits)
  }

  @Test func shortTextIsKeptWholeWithTheHitMarked() {
    let kwic = line("The EAEU met in Minsk.", "EAEU")
    #expect(kwic.offset == 4)
    #expect(
      kwic.segments == [
        .init(text: "The ", isHit: false), .init(text: "EAEU", isHit: true),
        .init(text: " met in Minsk.", isHit: false),
      ])
  }

  @Test func offsetCountsCharactersNotBytes() {
    let text = "Союз — ЕАЭС и СНГ"
    let kwic = line(text, "ЕАЭС")
    // Counted independently: the characters before the hit.
    let expected = text.unicodeScalars.count - "ЕАЭС и СНГ".unicodeScalars.count
    #expect(kwic.offset == expected)
    #expect(kwic.offset == 7)
    #expect(kwic.text == text)
  }

  @Test func whiteSpaceAndControlCharactersBecomeOneSpace() {
    let kwic = line("first\r\n\n\tline \u{0}\u{7F} ends\there", "line")
    #expect(kwic.text == "first line ends here")
  }

  @Test func longContextIsCutAtWordsWithEllipses() {
    let before = (1...40).map { "w\($0)" }.joined(separator: " ")
    let after = (41...80).map { "w\($0)" }.joined(separator: " ")
    let text = before + " KEY " + after
    let kwic = line(text, "KEY")
    let left = kwic.segments[0].text
    let right = kwic.segments[2].text
    #expect(left.hasPrefix("…w"))
    #expect(right.hasSuffix("…"))
    // Whole words only: every word kept is one of the original words.
    let words = Set(text.split(separator: " ").map(String.init))
    for word in (left.dropFirst() + " " + right.dropLast()).split(separator: " ") {
      #expect(words.contains(String(word)))
    }
    // About 80 characters either side, never more.
    #expect(left.unicodeScalars.count <= KeywordInContext.context + 1)
    #expect(left.unicodeScalars.count >= KeywordInContext.context * 2 / 3)
    #expect(right.unicodeScalars.count <= KeywordInContext.context + 1)
    #expect(right.unicodeScalars.count >= KeywordInContext.context * 2 / 3)
    #expect(kwic.offset == before.count + 1)
  }

  @Test func aHugeWordIsCutMidWordRatherThanKeptWhole() {
    let text =
      String(repeating: "x", count: 10_000) + " KEY " + String(repeating: "я", count: 5_000)
    let kwic = line(text, "KEY")
    #expect(kwic.segments[0].text == "…" + String(repeating: "x", count: 79) + " ")
    #expect(kwic.segments[2].text == " " + String(repeating: "я", count: 79) + "…")
    #expect(kwic.offset == 10_001)
  }

  @Test func distantHitsKeepTheirEndsAndElideTheMiddle() {
    let middle = (1...100).map { "m\($0)" }.joined(separator: " ")
    let kwic = line("The CSTO said " + middle + " and the EAEU agreed.", "CSTO", "EAEU")
    #expect(kwic.segments.map(\.isHit) == [false, true, false, true, false])
    let between = kwic.segments[2].text
    #expect(between.contains(" … "))
    #expect(between.hasPrefix(" said m1 m2"))
    #expect(between.hasSuffix("m100 and the "))
    #expect(between.unicodeScalars.count < KeywordInContext.context + 10)
  }

  /// Words of many lengths between two distant hits, shifted one character at a time, so that
  /// the elision's two cuts fall at every place in a word: each word kept is whole.
  @Test func theElidedMiddleIsCutAtWords() {
    let words = (1...60).map { "w\($0)" + String(repeating: "x", count: $0 * 7 % 11) }
    let vocabulary = Set(words)
    for shift in 0..<12 {
      let middle = String(repeating: "y", count: shift) + " " + words.joined(separator: " ")
      let kwic = line("The CSTO said " + middle + " and the EAEU agreed.", "CSTO", "EAEU")
      let between = kwic.segments[2].text
      let parts = between.components(separatedBy: " … ")
      #expect(parts.count == 2, "shift \(shift): \(between)")
      let kept = parts.flatMap { $0.split(separator: " ").map(String.init) }
      for word in kept
      where !["said", "and", "the", String(repeating: "y", count: shift)]
        .contains(word)
      {
        #expect(vocabulary.contains(word), "shift \(shift): '\(word)' in \(between)")
      }
      #expect(between.hasPrefix(" said "))
      #expect(between.hasSuffix(" and the "))
      #expect(between.unicodeScalars.count <= KeywordInContext.context + 3)
    }
  }

  @Test func closeHitsKeepEverythingBetween() {
    let kwic = line("Both the CSTO and the EAEU met.", "CSTO", "EAEU")
    #expect(kwic.segments[2].text == " and the ")
    #expect(kwic.text == "Both the CSTO and the EAEU met.")
  }
}
