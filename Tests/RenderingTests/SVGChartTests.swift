import LibXML
import ReportModel
import Testing

@testable import Rendering

/// Chart geometry: proportional bars, shared axes and scales, degenerate corpora.
@Suite struct SVGChartTests {
  /// Every descendant element named `name`, in document order.
  static func descendants(of element: XMLElement, named name: String) -> [XMLElement] {
    element.children.flatMap { child in
      (child.name == name ? [child] : []) + descendants(of: child, named: name)
    }
  }

  static func number(_ element: XMLElement, _ attribute: String) -> Double {
    Double(element.attribute(attribute) ?? "") ?? .nan
  }

  /// The rendered bar rectangles of the documents-per-year chart.
  static func bars(in report: Report) -> [XMLElement] {
    let document = HTMLReportWriter.document(for: report)
    let sections = descendants(of: document.root, named: "section")
    guard let years = sections.first(where: { $0.attribute("id") == "years" }) else { return [] }
    return descendants(of: years, named: "rect")
  }

  static func report(documentsPerYear: [(Int, Int)]) -> Report {
    var report = ReportFixtures.sample()
    report.years = documentsPerYear.map {
      YearSummary(year: $0.0, documents: $0.1, tokens: 100, types: 50, organizationMentions: 0)
    }
    return report
  }

  @Test func barHeightsAreProportionalToValues() {
    let chart = BarChart(
      values: [(2019, 3), (2020, 6), (2021, 0), (2022, 7)],
      axis: YearAxis(yearsWithData: [2019, 2020, 2021, 2022]), valueLabel: "Documents")
    let heights = chart.bars.map(\.height)
    #expect(heights.count == 4)
    #expect(abs(heights[1] - 2 * heights[0]) < 1e-9)
    #expect(abs(heights[3] / heights[0] - 7.0 / 3.0) < 1e-9)
    #expect(heights[2] == 0)
    #expect(heights.allSatisfy { $0 <= BarChart.plotHeight })
    for bar in chart.bars {
      #expect(abs(bar.y + bar.height - BarChart.baseline) < 1e-9, "bars stand on the baseline")
    }
  }

  /// Values are printed above the bars only when the widest fits in a bar's band (652 units
  /// over the years): 12 years of four-digit counts fit (54 a band, "9 001" about 40), 26 do
  /// not (25, as in the bench corpora), nor 40 years of six-digit counts; 40 years of one-digit
  /// counts fit (16 a band), 60 do not (11).
  @Test func valuesArePrintedOnlyWhenTheyFitTheirBands() {
    func chart(years: Int, value: Int) -> BarChart {
      let values = (0..<years).map { (year: 1990 + $0, value: value + $0 % 2) }
      return BarChart(
        values: values, axis: YearAxis(yearsWithData: values.map(\.year)),
        valueLabel: "Documents")
    }
    #expect(chart(years: 12, value: 9_000).showsValues)
    #expect(!chart(years: 26, value: 9_000).showsValues)
    #expect(!chart(years: 40, value: 287_327).showsValues)
    #expect(chart(years: 40, value: 5).showsValues)
    #expect(!chart(years: 60, value: 5).showsValues)
  }

  @Test func renderedBarsKeepTheProportions() {
    let rects = Self.bars(in: Self.report(documentsPerYear: [(2019, 5), (2020, 10), (2021, 0)]))
    #expect(rects.count == 3)
    let heights = rects.map { Self.number($0, "height") }
    #expect(abs(heights[1] - 2 * heights[0]) <= 0.01)
    #expect(heights[2] == 0)
    #expect(heights[1] > 0)
  }

  @Test func barsAreEvenlySpacedInYearOrder() {
    let chart = BarChart(
      values: [(2021, 1), (2019, 1), (2020, 1)],
      axis: YearAxis(yearsWithData: [2021, 2019, 2020]), valueLabel: "Documents")
    #expect(chart.bars.map(\.year) == [2019, 2020, 2021])
    let xs = chart.bars.map(\.x)
    #expect(abs((xs[1] - xs[0]) - (xs[2] - xs[1])) < 1e-9)
  }

  @Test func aGapYearGetsAZeroBarOnTheSharedAxis() {
    let axis = YearAxis(yearsWithData: [2018, 2020])
    #expect(axis.years == [2018, 2019, 2020])
    let chart = BarChart(values: [(2018, 4), (2020, 2)], axis: axis, valueLabel: "Documents")
    #expect(chart.bars.map(\.year) == [2018, 2019, 2020])
    #expect(chart.bars[1].height == 0)
    #expect(abs(chart.bars[0].height - 2 * chart.bars[2].height) < 1e-9)
  }

  @Test func singleYearCorpusStillRenders() {
    var report = Self.report(documentsPerYear: [(2020, 4)])
    for index in report.unigrams.indices {
      report.unigrams[index].years = [
        TermYear(year: 2020, count: 3, documents: 1, perTenThousand: 50)
      ]
    }
    let rects = Self.bars(in: report)
    #expect(rects.count == 1)
    #expect(Self.number(rects[0], "height") > 0)
    let html = String(decoding: HTMLReportWriter.bytes(for: report), as: UTF8.self)
    #expect(html.contains(">2020</text>"))
    let multiples = SmallMultiples(terms: report.unigrams, axis: YearAxis(yearsWithData: [2020]))
    #expect(multiples.panels.allSatisfy { $0.points.count == 1 })
    #expect(
      multiples.panels[0].points[0].x == SmallMultiples.margin.left + SmallMultiples.plotWidth / 2)
  }

  /// A corpus spanning more than a century is drawn on its years with data only: 1899 sits next
  /// to 2000 on the axis, but a line joins consecutive years only.
  @Test func aLineJoinsConsecutiveYearsOnly() {
    let years = [1899, 2000, 2001, 2003, 2004]
    let term = TermEntry(
      text: "trade", n: 1, count: 5, documents: 5, perTenThousand: 1,
      years: years.map { TermYear(year: $0, count: 1, documents: 1, perTenThousand: 1) })
    let axis = YearAxis(yearsWithData: years)
    #expect(axis.years == years)
    let multiples = SmallMultiples(terms: [term], axis: axis)
    let lines = multiples.lines(multiples.panels[0].points).map { $0.map(\.year) }
    #expect(lines == [[1899], [2000, 2001], [2003, 2004]])
    // On an axis of every year, a year without documents breaks the line as before.
    let every = YearAxis(yearsWithData: [2000, 2001, 2003])
    #expect(every.years == [2000, 2001, 2002, 2003])
    let gap = SmallMultiples(terms: [term], axis: every)
    #expect(gap.lines(gap.panels[0].points).map { $0.map(\.year) } == [[2000, 2001], [2003]])
  }

  @Test func smallMultiplesShareOneScale() {
    let years = [2019, 2020]
    func term(_ text: String, _ rates: [Double]) -> TermEntry {
      TermEntry(
        text: text, n: 1, count: 1, documents: 1, perTenThousand: 1,
        years: zip(years, rates).map {
          TermYear(year: $0, count: 1, documents: 1, perTenThousand: $1)
        })
    }
    let multiples = SmallMultiples(
      terms: [term("a", [10, 0]), term("b", [20, 5])], axis: YearAxis(yearsWithData: years))
    let base = SmallMultiples.baseline
    let a = multiples.panels[0].points
    let b = multiples.panels[1].points
    #expect(abs((base - b[0].y) - 2 * (base - a[0].y)) < 1e-9)
    #expect(a[1].y == base)
    #expect(a.map(\.x) == b.map(\.x))
    #expect(multiples.scale.maximum >= 20)
  }

  @Test func smallMultiplesShowAtMostTwelveTerms() {
    let terms = (0..<20).map {
      TermEntry(
        text: "t\($0)", n: 1, count: 1, documents: 1, perTenThousand: 1,
        years: [TermYear(year: 2020, count: 1, documents: 1, perTenThousand: 1)])
    }
    let multiples = SmallMultiples(terms: terms, axis: YearAxis(yearsWithData: [2020]))
    #expect(multiples.panels.count == SmallMultiples.limit)
    #expect(multiples.panels.map(\.term).first == "t0")
  }

  @Test func niceScaleCoversTheLargestValue() {
    for largest in [1.0, 3, 7, 9.5, 10, 133.3333, 999, 12_345] {
      let scale = LinearScale(largest: largest, length: 100)
      #expect(scale.maximum >= largest)
      #expect(scale.maximum < largest * 2.6)
      #expect(scale.scaled(scale.maximum) == 100)
      #expect(scale.ticks.first == 0)
      #expect(scale.ticks.count >= 2)
    }
    #expect(LinearScale(largest: 0, length: 100).scaled(0) == 0)
  }

  @Test func matrixKeepsTheFifteenOrganizationsWithMostDocuments() {
    let organizations = (1...20).map { index in
      OrganizationEntry(
        id: "org\(index)", name: "Org \(index)", registered: true, count: index, documents: index,
        aliases: [], years: [])
    }
    let pairs = [
      PairEntry(
        a: "org19", b: "org20", aName: "Org 19", bName: "Org 20", documents: 8, npmi: 0.5,
        logLikelihood: 3, years: []),
      PairEntry(
        a: "org18", b: "org20", aName: "Org 18", bName: "Org 20", documents: 4, npmi: 0.5,
        logLikelihood: 3, years: []),
      PairEntry(
        a: "org1", b: "org20", aName: "Org 1", bName: "Org 20", documents: 1, npmi: 0.1,
        logLikelihood: 1, years: []),
    ]
    let matrix = CooccurrenceMatrix(organizations: organizations, pairs: pairs)
    #expect(matrix.organizations.count == 15)
    #expect(matrix.total == 20)
    #expect(matrix.organizations.first?.id == "org20")
    #expect(!matrix.organizations.contains { $0.id == "org1" })
    #expect(matrix.cells.count == 15 * 14 / 2)
    #expect(matrix.largest == 8)
    let strongest = matrix.cells.first { $0.documents == 8 }
    #expect(strongest?.shade == 1)
    #expect(strongest?.row == 1 && strongest?.column == 0)
    #expect(matrix.cells.filter { $0.documents > 0 }.count == 2)
    #expect(matrix.cells.filter { $0.documents == 0 }.allSatisfy { $0.shade == 0 })
    // Every pair listed: a blank cell is a pair named together nowhere.
    #expect(matrix.unlistedAtMost == nil)
    #expect(matrix.cells.allSatisfy { $0.listed })

    // 40 pairs in all, 3 listed: a blank cell may share up to the fewest listed, 1 document,
    // and is drawn apart, with what it may hold; the report's count of organizations is given.
    let cut = CooccurrenceMatrix(
      organizations: organizations, counted: 30, pairs: pairs, pairsCounted: 40)
    #expect(cut.total == 30)
    #expect(cut.unlistedAtMost == 1)
    #expect(cut.cells.filter { !$0.listed }.count == 15 * 14 / 2 - 2)
    #expect(cut.cells.filter { $0.documents > 0 }.allSatisfy { $0.listed })
    let document = XMLDocument.html()
    cut.render(into: document.root, id: "m", title: "t")
    let rects = Self.descendants(of: document.root, named: "rect")
    #expect(rects.filter { $0.attribute("class") == "cell unlisted" }.count == 15 * 14 / 2 - 2)
    let text = String(decoding: document.serialized(), as: UTF8.self)
    #expect(text.contains("not among the pairs listed, at most 1 document"))
  }

  /// A cell holds five characters: from 10 000 on its count is rounded, its tooltip and the
  /// caption say so, and smaller counts are written whole.
  @Test func matrixCellsRoundCountsTooWideForThem() throws {
    let organizations = (1...3).map { index in
      OrganizationEntry(
        id: "org\(index)", name: "Org \(index)", registered: true, count: 200_000,
        documents: 200_000 - index, aliases: [], years: [])
    }
    func pair(_ a: Int, _ b: Int, _ documents: Int) -> PairEntry {
      PairEntry(
        a: "org\(a)", b: "org\(b)", aName: "Org \(a)", bName: "Org \(b)",
        documents: documents, npmi: 0.1, logLikelihood: 1, years: [])
    }
    let space = "\u{202F}"
    let matrix = CooccurrenceMatrix(
      organizations: organizations, pairs: [pair(1, 2, 107_917), pair(1, 3, 9_999), pair(2, 3, 10)])
    #expect(matrix.rounds)
    let document = XMLDocument.html()
    matrix.render(into: document.root, id: "m", title: "t")
    let counts = Self.descendants(of: document.root, named: "text")
      .filter { $0.attribute("class")?.hasPrefix("count") == true }.map(\.textContent)
    #expect(counts.sorted() == ["10", "108k", "9\(space)999"])
    let titles = Self.descendants(of: document.root, named: "title").map(\.textContent)
    #expect(titles.contains("Org 2 and Org 1: 107\(space)917 documents"))

    var report = ReportFixtures.sample()
    report.organizations = organizations
    report.cooccurrences = [pair(1, 2, 107_917), pair(1, 3, 9_999), pair(2, 3, 10)]
    let page = String(decoding: HTMLReportWriter.bytes(for: report), as: UTF8.self)
    #expect(page.contains("Counts of 10\(space)000 and more are rounded"))
    report.cooccurrences = [pair(1, 2, 9_999), pair(1, 3, 5), pair(2, 3, 10)]
    #expect(!CooccurrenceMatrix(organizations: organizations, pairs: report.cooccurrences).rounds)
    let small = String(decoding: HTMLReportWriter.bytes(for: report), as: UTF8.self)
    #expect(small.contains("chart-cooccurrence"))
    #expect(!small.contains("are rounded"))
  }

  @Test func coordinatesAreShortAndLocaleFree() {
    #expect(SVGChart.coordinate(12) == "12")
    #expect(SVGChart.coordinate(12.5) == "12.5")
    #expect(SVGChart.coordinate(0.125) == "0.13")
    #expect(SVGChart.coordinate(-0.001) == "0")
  }
}
