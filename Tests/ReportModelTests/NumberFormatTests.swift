import ReportModel
import Testing

/// Numbers for reading (the HTML page) are written one way: thousands grouped by a narrow
/// no-break space and negatives with a minus sign; numbers for programs stay plain.
@Suite struct NumberFormatTests {
  let space = "\u{202F}"

  @Test func fixedIsPlain() {
    #expect(NumberFormat.fixed(12345.678, 2) == "12345.68")
    #expect(NumberFormat.fixed(-1.005, 1) == "-1.0")
    #expect(NumberFormat.fixed(-0.001, 2) == "0.00")
    #expect(NumberFormat.fixed(.nan, 2) == "0")
  }

  @Test func groupedIntegers() {
    #expect(NumberFormat.grouped(0) == "0")
    #expect(NumberFormat.grouped(999) == "999")
    #expect(NumberFormat.grouped(1000) == "1\(space)000")
    #expect(NumberFormat.grouped(1_234_567) == "1\(space)234\(space)567")
    #expect(NumberFormat.grouped(-12345) == "\u{2212}12\(space)345")
  }

  @Test func displayedDecimalsAreGroupedAndSigned() {
    #expect(NumberFormat.display(12345.678, 2) == "12\(space)345.68")
    #expect(NumberFormat.display(999.994, 2) == "999.99")
    #expect(NumberFormat.display(999.995, 2) == "1\(space)000.00")
    #expect(NumberFormat.display(-1234.5, 1) == "\u{2212}1\(space)234.5")
    #expect(NumberFormat.display(-0.001, 2) == "0.00")
    #expect(NumberFormat.display(1_000_000, 0) == "1\(space)000\(space)000")
  }

  /// Four characters at most from 10 000 on, rounded half away from zero.
  @Test func compactNumbersFitFourCharacters() {
    let cases: [(Int, String)] = [
      (0, "0"), (9_999, "9\(space)999"), (10_000, "10k"), (13_761, "14k"), (107_917, "108k"),
      (999_499, "999k"), (999_500, "1.0M"), (1_234_567, "1.2M"), (9_949_999, "9.9M"),
      (9_950_000, "10M"), (123_456_789, "123M"), (999_500_000, "1.0B"),
      (1_701_638_010, "1.7B"), (-107_917, "\u{2212}108k"),
    ]
    for (value, text) in cases {
      #expect(NumberFormat.compact(value) == text, "\(value)")
    }
    for value in [10_000, 99_999, 999_999, 9_999_999, 99_999_999, 999_999_999, 999_999_999_999] {
      #expect(NumberFormat.compact(value).count <= 4, "\(value)")
    }
  }
}
