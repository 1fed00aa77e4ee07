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
}
