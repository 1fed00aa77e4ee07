import Analysis
import ReportModel
import Testing

/// Comparisons of two years of the user's choosing (`--compare YEAR:REFERENCE`): parsed
/// strictly, worked out as the plain reference of ``YearComparisonTests`` works out any two
/// years, in the order asked, once each, and left out when a year has no data.
@Suite struct ChosenComparisonTests {
  @Test func yearAndReferenceAreParsedStrictly() {
    #expect(ChosenComparison(parsing: "2025:2015") == ChosenComparison(year: 2025, reference: 2015))
    #expect(ChosenComparison(parsing: "2015:2025") == ChosenComparison(year: 2015, reference: 2025))
    #expect(ChosenComparison(parsing: "1:9999") == ChosenComparison(year: 1, reference: 9999))
    #expect(ChosenComparison(parsing: "2025:2015")?.description == "2025:2015")
    for bad in [
      "", ":", "2025", "2025:", ":2015", "2025-2015", "2025:2015:2005", "2025:2025", "0:2015",
      "2025:10000", "-2025:2015", "+2025:2015", " 2025:2015", "2025:2015 ", "２０２５:2015",
      "2025.0:2015", "twenty:2015",
    ] {
      #expect(ChosenComparison(parsing: bad) == nil, "\(bad)")
    }
  }

  static func report(
    _ years: [Int: [YearSlice.Term]], chosen: [ChosenComparison], limit: Int, width: Int
  ) -> Report {
    var settings = ReportSettings(
      corpusPath: "c", top: 5, trendTerms: limit, generatedAt: "2026-01-01T00:00:00Z",
      tool: "test", registryVersion: "1", stopwords: "none")
    settings.comparisons = chosen
    return ReportBuilder.build(
      statistics: YearComparisonTests.statistics(years), rejected: [], settings: settings,
      parallel: YearComparisonTests.Wide(width: width))
  }

  /// Years 2001-2009 but 2004: a long span, one backwards, one asked twice, one of consecutive
  /// years, and one with the year that has no data.
  @Test(arguments: [1, 2, 3], [7, 1_000])
  func everyChosenComparisonMatchesTheReference(width: Int, limit: Int) {
    let years = YearComparisonTests.randomYears(seed: 7)
    let asked = [
      ChosenComparison(year: 2009, reference: 2001), ChosenComparison(year: 2003, reference: 2008),
      ChosenComparison(year: 2005, reference: 2001), ChosenComparison(year: 2009, reference: 2004),
      ChosenComparison(year: 2009, reference: 2001), ChosenComparison(year: 2002, reference: 2001),
    ]
    let report = Self.report(years, chosen: asked, limit: limit, width: width)
    #expect(
      report.chosenComparisons.map { "\($0.year):\($0.reference)" }
        == ["2009:2001", "2003:2008", "2005:2001", "2002:2001"])
    #expect(report.leftOutComparisons == [ChosenComparison(year: 2009, reference: 2004)])
    for comparison in report.chosenComparisons {
      let shown = (comparison.rising + comparison.falling).map {
        "\($0.text) \($0.count) \($0.referenceCount) \($0.direction)"
      }
      #expect(
        shown
          == YearComparisonTests.reference(
            years[comparison.year]!, years[comparison.reference]!, limit: limit),
        "\(comparison.year):\(comparison.reference)")
      #expect(comparison.tokens == YearComparisonTests.tokens(years[comparison.year]!))
      #expect(
        comparison.referenceTokens == YearComparisonTests.tokens(years[comparison.reference]!))
    }
    // The same two years compared as consecutive ones give the same figures; the comparisons
    // of consecutive years are as without a choice.
    #expect(report.chosenComparisons.last == report.trends.first)
    #expect(report.trends == Self.report(years, chosen: [], limit: limit, width: width).trends)
  }

  @Test func withoutAChoiceThereIsNone() {
    let report = Self.report(
      YearComparisonTests.randomYears(seed: 3), chosen: [], limit: 5, width: 2)
    #expect(report.chosenComparisons.isEmpty)
    #expect(report.leftOutComparisons.isEmpty)
  }
}
