import Analysis
import ReportModel
import Testing

/// Comparisons of the user's choosing (`--compare YEAR:REFERENCE`, `YEAR:FROM-TO`): parsed
/// strictly, worked out as the plain reference of ``YearComparisonTests`` works out any two
/// years (a span's years added up in a dictionary first), in the order asked, once each, and
/// left out when a year has no data.
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

  @Test func aSpanOfYearsIsParsedStrictly() {
    #expect(
      ChosenComparison(parsing: "2025:2000-2024")
        == ChosenComparison(year: 2025, references: 2000...2024))
    // The year may lie in the span (it is left out of the pooled years); a span of one year is
    // that year.
    #expect(
      ChosenComparison(parsing: "2010:2000-2025")
        == ChosenComparison(year: 2010, references: 2000...2025))
    #expect(ChosenComparison(parsing: "2025:2015-2015") == ChosenComparison(parsing: "2025:2015"))
    #expect(ChosenComparison(parsing: "2025:2000-2024")?.description == "2025:2000-2024")
    #expect(ChosenComparison(parsing: "2025:2015-2015")?.description == "2025:2015")
    #expect(ChosenComparison(parsing: "2025:2000-2024")?.referenceText == "2000–2024")
    for bad in [
      "2025:2024-2000", "2025:2000-", "2025:-2024", "2025:2000--2024", "2025:2000-2010-2024",
      "2025:2025-2025", "2025:0-2024", "2025:2000-10000", "2025:2000–2024", "2025:2000 - 2024",
      "2000-2024:2025",
    ] {
      #expect(ChosenComparison(parsing: bad) == nil, "\(bad)")
    }
  }

  /// Years 2001-2009 but 2004 compared with spans: the years before, every other year (the
  /// year inside its span), a span with one year of data (the same as that year alone, and
  /// asked that way too), a span asked again with a year without data added, a span without
  /// data and a year without data. Each equals the plain reference against the span's terms
  /// added up, and names the year of the span that used each term most.
  @Test(arguments: [1, 2, 3], [7, 1_000])
  func aSpanOfYearsIsComparedAsTheirTermsAddedUp(width: Int, limit: Int) {
    let years = YearComparisonTests.randomYears(seed: 11)
    let asked = [
      "2009:2001-2008", "2005:2001-2009", "2003:2004-2005", "2003:2005", "2009:2000-2008",
      "2002:2004-2004", "2004:2001-2003",
    ].map { ChosenComparison(parsing: $0)! }
    let report = Self.report(years, chosen: asked, limit: limit, width: width)
    #expect(
      report.chosenComparisons.map { "\($0.year):\($0.referenceYears)" }
        == [
          "2009:[2001, 2002, 2003, 2005, 2006, 2007, 2008]",
          "2005:[2001, 2002, 2003, 2006, 2007, 2008, 2009]", "2003:[2005]",
        ])
    #expect(
      report.chosenComparisons.map(\.referenceText)
        == ["2001–2008", "2001–2009 other than 2005", "2005"])
    #expect(report.leftOutComparisons == [asked[5], asked[6]])
    #expect(report.yearsWithoutDocuments(asked[5]) == ["2004"])
    #expect(report.yearsWithoutDocuments(asked[6]) == ["2004"])
    #expect(
      report.yearsWithoutDocuments(ChosenComparison(parsing: "2004:2010-2012")!)
        == ["2004", "2010–2012"])
    #expect(
      report.yearsWithoutDocuments(ChosenComparison(parsing: "2003:2003-2004")!)
        == ["2003–2004 other than 2003"])

    for comparison in report.chosenComparisons {
      // The span's terms added up, and for each the last of its years with the most uses.
      var pooled: [String: YearSlice.Term] = [:]
      var peaks: [String: (count: Int, year: Int)] = [:]
      for year in comparison.referenceYears {
        for term in years[year]! {
          pooled[
            term.text, default: YearSlice.Term(n: term.n, text: term.text, count: 0, documents: 0)
          ]
          .count += term.count
          if term.count >= peaks[term.text, default: (0, 0)].count {
            peaks[term.text] = (term.count, year)
          }
        }
      }
      let shown = (comparison.rising + comparison.falling).map {
        "\($0.text) \($0.count) \($0.referenceCount) \($0.direction)"
      }
      #expect(
        shown
          == YearComparisonTests.reference(
            years[comparison.year]!, Array(pooled.values), limit: limit),
        "\(comparison.year):\(comparison.referenceText)")
      #expect(
        comparison.referenceTokens
          == comparison.referenceYears.reduce(0) { $0 + YearComparisonTests.tokens(years[$1]!) })
      let isPooled = comparison.referenceYears.count > 1
      for term in comparison.rising + comparison.falling {
        #expect(
          term.referencePeak == (isPooled ? peaks[term.text]?.year : nil),
          "\(comparison.year): \(term.text)")
      }
      if isPooled { #expect(comparison.falling.allSatisfy { $0.referencePeak != nil }) }
    }
    // The span of one year with data is that year's comparison.
    let single = Self.report(years, chosen: [asked[3]], limit: limit, width: width)
    #expect(report.chosenComparisons[2] == single.chosenComparisons[0])
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
