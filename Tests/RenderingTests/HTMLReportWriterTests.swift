import Foundation
import LibXML
import ReportModel
import Testing

@testable import Rendering

/// The HTML page: structure, escaping of hostile text, determinism and the golden file.
@Suite struct HTMLReportWriterTests {
  static func page(_ report: Report) -> String {
    String(decoding: HTMLReportWriter.bytes(for: report), as: UTF8.self)
  }

  /// Occurrences of `needle` in `text`.
  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  /// The markup of the `<section>` with the given id.
  static func section(_ id: String, in page: String) -> String {
    guard let start = page.range(of: "<section id=\"" + id + "\"") else { return "" }
    let rest = page[start.lowerBound...]
    guard let end = rest.range(of: "</section>") else { return "" }
    return String(rest[..<end.upperBound])
  }

  /// Occurrences of `needle` between a `<` and the next `>`, i.e. inside markup.
  static func occurrencesInsideTags(_ needle: String, in page: String) -> Int {
    let bytes = Array(page.utf8)
    let pattern = Array(needle.utf8)
    var insideTag = false
    var found = 0
    for index in bytes.indices {
      switch bytes[index] {
      case UInt8(ascii: "<"): insideTag = true
      case UInt8(ascii: ">"): insideTag = false
      default:
        if insideTag && bytes[index...].starts(with: pattern) { found += 1 }
      }
    }
    return found
  }

  /// An evidence table whose terms have more than one line says that paper shows the latest
  /// of each, and the print style hides the others; one with a line per term says nothing.
  @Test func evidenceOnPaperKeepsTheLatestLineOfEach() {
    let page = Self.page(ReportFixtures.sample())
    let note =
      "<span class=\"print-only\"> On paper, the latest line of each; on screen and in the XML,"
      + " up to 3.</span>"
    // A rising term of the sample has two lines; its pair has one.
    #expect(Self.count(note, in: Self.section("trends", in: page)) == 1)
    #expect(!Self.section("cooccurrence", in: page).contains("print-only"))
    let print = page[page.range(of: "@media print")!.lowerBound...]
    #expect(
      print.contains(
        "table.evidence tbody tr + tr, table.evidence details.more-lines { display: none; }"))
    #expect(print.contains(".print-only { display: inline; }"))
  }

  static let sectionIDs = [
    "summary", "years", "terms", "terms-by-year", "organizations", "cooccurrence", "trends",
    "rejected", "duplicates",
  ]

  // MARK: Structure

  /// A trend term whose G² is under the 5 % level (3.84) is greyed and marked, with a note that
  /// says what that means; a table of significant changes has neither.
  @Test func changesUnderTheFivePercentLevelAreMarked() {
    var report = ReportFixtures.sample()
    // The terms alone (the fixture's organizations changed little: their own test).
    report.trends[0].risingOrganizations = []
    let significant = Self.section("trends", in: Self.page(report))
    #expect(Self.count("°", in: significant) == 0)
    #expect(!significant.contains("one time in twenty"))

    report.trends[0].rising[0].logLikelihood = 3.84
    report.trends[0].rising.append(
      TrendTerm(
        text: "csto", n: 1, direction: .rising, count: 27, referenceCount: 27,
        logLikelihood: 0.21, logRatio: 0.05))
    let weak = Self.section("trends", in: Self.page(report))
    #expect(weak.contains("<td class=\"num faint\">3.84°</td>"))
    #expect(weak.contains("<td class=\"num faint\">0.21°</td>"))
    #expect(weak.contains("<td class=\"num\">4.39</td>"))
    #expect(Self.count("one time in twenty", in: weak) == 1)
  }

  @Test func pageStartsWithTheHTML5DoctypeAndSafeHead() {
    let html = Self.page(ReportFixtures.sample())
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(
      html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
      ))
    #expect(html.contains("<meta name=\"viewport\""))
    #expect(html.contains("<title>Almanac report: seeds</title>"))
    #expect(Self.count("<style>", in: html) == 1)
    #expect(html.contains("@page { size: A4; margin: 15mm; }"))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains(" src="))
    #expect(!html.contains("href=\"http"))
    #expect(Self.count("<meta charset", in: html) == 1)
  }

  @Test func sectionsComeInOrderEachWithAHeading() throws {
    let html = Self.page(ReportFixtures.sample())
    var previous = html.startIndex
    for id in Self.sectionIDs {
      let range = try #require(html.range(of: "<section id=\"" + id + "\""), "missing \(id)")
      #expect(range.lowerBound > previous, "\(id) out of order")
      previous = range.lowerBound
      #expect(Self.section(id, in: html).contains("<h2 id=\"" + id + "-h\">"))
    }
    #expect(Self.count("<section ", in: html) == Self.sectionIDs.count)
  }

  @Test func everyChartIsAnSVGImageWithATitle() {
    let report = ReportFixtures.sample()
    let html = Self.page(report)
    // One bar chart, one panel per unigram, one co-occurrence matrix.
    #expect(Self.count("<svg ", in: html) == 1 + report.unigrams.count + 1)
    for chunk in html.components(separatedBy: "<svg ").dropFirst() {
      #expect(chunk.hasPrefix("xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""))
      let startTag = chunk.prefix { $0 != ">" }
      #expect(startTag.contains("viewBox=\"0 0 "))
      #expect(chunk.dropFirst(startTag.count).hasPrefix("><title id=\""))
      #expect(chunk.contains("</svg>"))
    }
    #expect(Self.count("<svg ", in: html) == Self.count("</svg>", in: html))
  }

  @Test func tablesHaveCaptionsAndColumnHeaders() {
    let html = Self.page(ReportFixtures.sample())
    let tables = Self.count("<table", in: html)
    // Years, unigrams, bigrams, the charted terms' rates per year, organizations, mentions per
    // year, pairs, pair evidence, rising, falling, trend evidence, rising organizations (none
    // fell), rejected.
    #expect(tables == 13)
    #expect(Self.count("<caption>", in: html) == tables)
    // Every header cell has a scope: columns, or the row group of an evidence table (one per
    // term or pair with lines: 1 pair, 2 trend terms).
    #expect(
      Self.count("<th ", in: html)
        == Self.count(" scope=\"col\"", in: html) + Self.count(" scope=\"rowgroup\"", in: html))
    #expect(Self.count(" scope=\"rowgroup\"", in: html) == 3)
    #expect(html.contains("<caption>Top unigrams</caption>"))
    #expect(html.contains("<caption>Files that were not analysed</caption>"))
  }

  /// The numbers behind the small multiples are on the page: each charted term's rate in each
  /// year, a year without it in grey.
  @Test func theChartedTermsRatesAreInATable() {
    // Years of a large base, whose columns carry no mark.
    var report = ReportFixtures.sample()
    for index in report.years.indices { report.years[index].tokens = 100_000 }
    let section = Self.section("terms-by-year", in: Self.page(report))
      .replacingOccurrences(of: "\n", with: "")
    #expect(section.contains("<caption>Occurrences per 10\u{202F}000 tokens per year</caption>"))
    // The sample's two unigrams, both charted.
    let rows = section.components(separatedBy: "<tr>").dropFirst(2)
    #expect(rows.count == 2)
    let russia = rows.first { $0.contains(">россия<") } ?? ""
    #expect(russia.contains("<td class=\"num faint\">0</td><td class=\"num\">50.00</td>"))
    let kyrgyzstan = rows.first { $0.contains(">kyrgyzstan<") } ?? ""
    #expect(Self.count("<td class=\"num\">133.33</td>", in: kyrgyzstan) == 2)
  }

  /// With more years than fit on A4, both per-year tables show the ten most recent and say so.
  @Test func perYearTablesShowTheTenMostRecentYears() {
    var report = ReportFixtures.sample()
    let years = Array(2009...2020)
    report.years = years.map {
      YearSummary(year: $0, documents: 1, tokens: 100_000, types: 50, organizationMentions: 1)
    }
    let page = Self.page(report)
    let caption = ", 2011–2020 (earlier years are in the CSV and XML files)</caption>"
    #expect(page.contains("<caption>Mentions per 10\u{202F}000 tokens per year" + caption))
    #expect(page.contains("<caption>Occurrences per 10\u{202F}000 tokens per year" + caption))
    let terms = Self.section("terms-by-year", in: page)
    #expect(terms.contains(">2011</th>") && terms.contains(">2020</th>"))
    #expect(!terms.contains(">2010</th>"))
  }

  /// A path wraps after a folder's `/` and a name's `_`, never after a last one, and its pieces
  /// give it back whole.
  @Test func aPathIsCutAfterItsSlashesAndUnderscores() {
    let cases: [(String, [String])] = [
      ("002_139cab1db7a7b812.txt", ["002_", "139cab1db7a7b812.txt"]),
      ("2020/05/a_b.txt", ["2020/", "05/", "a_", "b.txt"]),
      ("архив/статья_1.txt", ["архив/", "статья_", "1.txt"]),
      ("plain-name.txt", ["plain-name.txt"]),
      ("ends_", ["ends_"]),
      ("/", ["/"]),
      ("", [""]),
    ]
    for (path, pieces) in cases {
      #expect(HTMLText.pathPieces(path) == pieces, "\(path)")
      #expect(HTMLText.pathPieces(path).joined() == path)
    }
  }

  /// A group of more than one line says how many more it has, in a disclosure under its label;
  /// a group of one line has none.
  @Test func aGroupOfSeveralLinesSaysHowManyMore() {
    var report = ReportFixtures.sample()
    let line = report.cooccurrences[0].evidence[0]
    report.cooccurrences[0].evidence = [line, line, line]
    let pairs = Self.section("cooccurrence", in: Self.page(report)).replacing("\n", with: "")
    #expect(
      pairs.contains(
        "<span class=\"detail\">and Eurasian Economic Union</span>"
          + "<details class=\"more-lines\"><summary>2 more lines</summary></details></th>"),
      "\(pairs)")
    // The sample's "eaeu" has two lines, "official visit" one.
    let trends = Self.section("trends", in: Self.page(report))
    #expect(Self.count("<summary>1 more line</summary>", in: trends) == 1)
    #expect(Self.count("<details", in: trends) == 1)
    report.cooccurrences[0].evidence = [line]
    #expect(!Self.section("cooccurrence", in: Self.page(report)).contains("<details"))
  }

  /// A chosen comparison comes first in its section, marked, with its terms and their lines;
  /// the lead says which were chosen, and a note says which were left out and why.
  @Test func chosenComparisonsLeadTheTrendsAndThoseLeftOutAreSaid() {
    var report = ReportFixtures.sample()
    var chosen = report.trends[0]
    (chosen.year, chosen.reference) = (2019, 2020)
    report.chosenComparisons = [chosen]
    report.leftOutComparisons = [
      ChosenComparison(year: 2020, reference: 1990), ChosenComparison(year: 1980, reference: 1990),
    ]
    let trends = Self.section("trends", in: Self.page(report)).replacing("\n", with: "")
    #expect(
      trends.contains(
        "Each year is compared with the previous year with documents, and"
          + " 2019 with 2020, as chosen for this report. G²"))
    #expect(
      trends.contains(
        "2020 compared with 1990 was chosen for this report but is left out: 1990"
          + " has no documents."))
    #expect(
      trends.contains(
        "1980 compared with 1990 was chosen for this report but is left out: 1980"
          + " and 1990 have no documents."))
    let headings = trends.matches(of: /<h3>([^<]*)<\/h3>/).map { String($0.output.1) }
    #expect(headings == ["2019 compared with 2020 (chosen)", "2020 compared with 2019"])
    #expect(Self.count("<table class=\"evidence\">", in: trends) == 2)

    report.chosenComparisons = []
    report.leftOutComparisons = []
    let plain = Self.section("trends", in: Self.page(report))
    #expect(!plain.contains("chosen"))
  }

  /// A year of fewer than 10,000 word tokens, the base of its rates, is flagged wherever its
  /// rates are shown: † beside its tokens and on its column of rates, a hollow point in the
  /// charts, and a note; a corpus that small says so above its top terms. A year of exactly
  /// 10,000 tokens is not flagged.
  @Test func smallBasesAreFlagged() {
    var report = ReportFixtures.sample()
    report.followedTerms = [report.unigrams[0]]
    (report.years[0].tokens, report.years[1].tokens) = (9_999, 10_000)
    report.corpus.tokens = 19_999
    var page = Self.page(report)
    let years = Self.section("years", in: page).replacing("\n", with: " ")
    #expect(years.contains("<td>2019\u{2009}†</td>"))
    #expect(years.contains("<td>2020</td>"))
    #expect(years.contains(">9\u{202F}999</td>"))
    #expect(years.contains("the rates of 2019 rest on so few words"))
    for id in ["terms-by-year", "followed"] {
      let section = Self.section(id, in: page).replacing("\n", with: " ")
      #expect(section.contains(">2019\u{2009}†</th>"), "\(id)")
      #expect(section.contains(">2020</th>"), "\(id)")
      #expect(section.contains("(† fewer than 10\u{202F}000 tokens that year)"), "\(id)")
      #expect(
        section.contains("Hollow points are years of fewer than 10\u{202F}000 word tokens (2019)"))
      // Each panel draws 2019 hollow and 2020 filled.
      let panels = Self.count("<svg", in: section)
      #expect(panels > 0)
      #expect(Self.count("class=\"dot small-base\"", in: section) == panels, "\(id)")
      #expect(Self.count("class=\"dot\"", in: section) == panels, "\(id)")
    }
    #expect(!Self.section("terms", in: page).contains("small sample"))

    // Every year small, and the corpus too.
    (report.years[0].tokens, report.years[1].tokens) = (300, 600)
    report.corpus.tokens = 900
    page = Self.page(report)
    #expect(Self.section("years", in: page).contains("every year's rates here rest"))
    #expect(
      Self.section("terms", in: page).replacing("\n", with: " ").contains(
        "The corpus has 900 word tokens, fewer than 10\u{202F}000: its rates extrapolate"))
    #expect(Self.section("terms-by-year", in: page).contains("(every year here)"))

    // No year small: no mark, no note, no hollow point.
    (report.years[0].tokens, report.years[1].tokens) = (10_000, 60_000)
    report.corpus.tokens = 70_000
    page = Self.page(report)
    #expect(!page.contains("†"))
    #expect(!page.contains("dot small-base"))
    #expect(!page.contains("Hollow points"))
  }

  /// A comparison with a span of years pooled names the span, how many years it pools, and
  /// the year each falling term's lines come from; a span left out is named as asked.
  @Test func aPooledReferenceIsNamedWithItsSpan() {
    var report = ReportFixtures.sample()
    var pooled = report.trends[0]
    (pooled.year, pooled.referenceYears) = (2021, [2017, 2019, 2020])
    pooled.falling[0].referencePeak = 2019
    var inside = report.trends[0]
    (inside.year, inside.referenceYears) = (2019, [2017, 2020])
    report.chosenComparisons = [pooled, inside]
    report.leftOutComparisons = [ChosenComparison(year: 2020, references: 1990...2000)]
    let trends = Self.section("trends", in: Self.page(report)).replacing("\n", with: "")
    let headings = trends.matches(of: /<h3>([^<]*)<\/h3>/).map { String($0.output.1) }
    #expect(
      headings == [
        "2021 compared with 2017–2020 (chosen)",
        "2019 compared with 2017–2020 other than 2019 (chosen)", "2020 compared with 2019",
      ])
    #expect(trends.contains("and 2021 with 2017–2020 and 2019 with 2017–2020 other than 2019,"))
    #expect(trends.contains(" in 2017–2020 (3 years with documents pooled; a falling term"))
    #expect(trends.contains("<th class=\"num\" scope=\"col\">2017–2020</th>"))
    // A column is headed by the span alone, however the heading goes on.
    #expect(!trends.contains("<th class=\"num\" scope=\"col\">2017–2020 other"))
    #expect(trends.contains("falling, from 2019"))
    #expect(
      trends.contains(
        "2020 compared with 1990–2000 was chosen for this report but is left out: 1990–2000"
          + " has no documents."))
    // A comparison of consecutive years says nothing of pooling.
    report.chosenComparisons = []
    #expect(!Self.section("trends", in: Self.page(report)).contains("pooled"))
  }

  /// Terms followed get a section of their own after the top terms across years, with a panel
  /// and a row each and a note naming those found in no year; without any, no section.
  @Test func followedTermsHaveASectionOfTheirOwn() {
    var report = ReportFixtures.sample()
    #expect(!Self.page(report).contains("id=\"followed\""))
    var never = report.unigrams[0]
    never.text = "never"
    never.count = 0
    for index in never.years.indices {
      never.years[index].count = 0
      never.years[index].perTenThousand = 0
    }
    report.followedTerms = [report.bigrams[0], never]
    let page = Self.page(report)
    let ids = page.matches(of: /<section id="([^"]+)"/).map { String($0.output.1) }
    #expect(ids.firstIndex(of: "followed") == ids.firstIndex(of: "terms-by-year")! + 1)
    #expect(page.contains("<a href=\"#followed\">Terms followed</a>"))
    let section = Self.section("followed", in: page)
    #expect(section.contains("“never” was found in no year (a stopword is never counted)."))
    #expect(Self.count("class=\"chart multiple\"", in: section) == 2)
    #expect(section.contains("<td>" + report.bigrams[0].text + "</td>"))
    #expect(section.contains("<td>never</td>"))
    #expect(!section.contains("class=\"evidence\""))

    // Lines, when a term has them, follow the table: the term, the latest year using it.
    report.followedTerms[0].evidence = [
      ReportFixtures.line("2020/a.txt", "2020-09-28", 3, "The ", "central bank", " & more")
    ]
    let withLines = Self.section("followed", in: Self.page(report))
    let table = withLines.components(separatedBy: "<table class=\"evidence\">").last ?? ""
    #expect(withLines.contains("Where they were used: the latest articles of the latest year"))
    #expect(
      table.contains(
        "<th class=\"label\" scope=\"rowgroup\" rowspan=\"1\">" + report.bigrams[0].text
          + "<span class=\"detail\">in "
          + String(report.bigrams[0].years.last { $0.count > 0 }!.year) + "</span>"))
    #expect(table.contains("<b class=\"hit\">central bank</b> &amp; more"))
    #expect(!table.contains(">never<"))
  }

  /// A report made to list no trend terms says so, rather than that no term's rate changed.
  @Test func noTrendTermsAskedForIsNotNoChange() {
    var report = ReportFixtures.sample()
    #expect(!Self.section("trends", in: Self.page(report)).contains("made to list no"))
    report.provenance.trendTerms = 0
    for index in report.trends.indices {
      report.trends[index].rising = []
      report.trends[index].falling = []
    }
    let trends = Self.section("trends", in: Self.page(report))
    #expect(trends.contains("This report was made to list no rising or falling terms"))
    #expect(!trends.contains("no term's rate changed"))
  }

  @Test func evidenceLinesShowHitsInBoldWithTheirSource() {
    let report = ReportFixtures.sample()
    let html = Self.page(report)
    let pairs = Self.section("cooccurrence", in: html)
    #expect(pairs.contains("<b class=\"hit\">Information Policy Department</b>"))
    // A path may wrap after its folder, not inside a name.
    #expect(pairs.contains("<span class=\"path\">2020/<wbr>visit.txt</span>"))
    #expect(pairs.contains("2020-09-28, character 412"))
    let trends = Self.section("trends", in: html)
    // One row per line: 2 for "eaeu" and 1 for "official visit".
    #expect(Self.count("<td class=\"line\">", in: trends) == 3)
    #expect(trends.contains("rowspan=\"2\""))
    #expect(trends.contains("…integration within the <b class=\"hit\">EAEU</b>."))
    // A report without evidence has no evidence table.
    var bare = report
    bare.trends[0].rising[0].evidence = []
    bare.trends[0].falling[0].evidence = []
    #expect(!Self.section("trends", in: Self.page(bare)).contains("class=\"evidence\""))
  }

  @Test func topTermsTablesHaveOneRowPerTermPlusHeaders() {
    let report = ReportFixtures.sample()
    let terms = Self.section("terms", in: Self.page(report))
    #expect(Self.count("<tr", in: terms) == report.unigrams.count + report.bigrams.count + 2)
    #expect(terms.contains("<td>россия</td>"))
    #expect(terms.contains("<td>vladimir putin</td>"))
    #expect(terms.contains("<td class=\"num\">133.33</td>"))
  }

  @Test func organizationsShowAliasesAndOneColumnPerYear() {
    var report = ReportFixtures.sample()
    let section = Self.section("organizations", in: Self.page(report))
    #expect(section.contains("<li>ЕАЭС <span class=\"n\">1</span>"))
    #expect(section.contains("<td>discovered</td>"))
    // The fixture's years are small (300 and 600 tokens): their columns are marked.
    for year in report.years {
      #expect(section.contains("<th class=\"num\" scope=\"col\">\(year.year)\u{2009}†</th>"))
    }
    // Header plus one row per organization, in each of the two tables.
    #expect(Self.count("<tr", in: section) == 2 * (1 + report.organizations.count))
    // The table of years gives each year's mentions per 10,000 of its tokens, not its
    // mentions: the EAEU's 1 of 300 and 3 of 600 tokens, the department's none and 1 of 600.
    #expect(
      section.contains(
        "<caption>Mentions per 10\u{202F}000 tokens per year († fewer than 10\u{202F}000 tokens "
          + "that year)</caption>"))
    let rows = section.components(separatedBy: "<table").last!.replacingOccurrences(
      of: "\n", with: ""
    ).components(separatedBy: "<tr>")
    let union = rows.first { $0.contains(">Eurasian Economic Union<") } ?? ""
    #expect(union.contains("<td class=\"num\">33.33</td><td class=\"num\">50.00</td>"))
    let department = rows.first { $0.contains(">Information Policy Department<") } ?? ""
    #expect(department.contains("<td class=\"num faint\">0</td><td class=\"num\">16.67</td>"))
    // Years of 10,000 tokens or more are not marked, and the caption says nothing of †.
    report.years = report.years.map {
      var year = $0
      year.tokens = 10_000
      return year
    }
    let large = Self.section("organizations", in: Self.page(report))
    #expect(large.contains("<th class=\"num\" scope=\"col\">2020</th>"))
    #expect(large.contains("<caption>Mentions per 10\u{202F}000 tokens per year</caption>"))
  }

  /// Each comparison lists its rising and falling organizations after its terms, a weak
  /// change in grey as a term's is, and a direction without any says so; a corpus that names no
  /// organization gets no such tables.
  @Test func organizationsRiseAndFallAfterTheTerms() {
    var report = ReportFixtures.sample()
    let section = Self.section("trends", in: Self.page(report))
    let organizations = section.components(separatedBy: "Organizations rising in 2020").last!
      .replacingOccurrences(of: "\n", with: "")
    #expect(section.contains("<caption>Organizations rising in 2020</caption>"))
    #expect(
      organizations.contains(
        "<td>Information Policy Department</td><td class=\"num\">1</td>"
          + "<td class=\"num\">0</td><td class=\"num faint\">0.81°</td>"))
    #expect(organizations.contains("<td>Eurasian Economic Union</td><td class=\"num\">3</td>"))
    #expect(
      section.contains(
        "Organizations falling in 2020: no organization's rate of mentions changed."))
    // The rising organizations come after the terms' lines, in the same comparison, and their
    // own lines after them: the organization, the year it rose in, its latest line first.
    let lines = section.range(of: "class=\"evidence\"")!.lowerBound
    #expect(section.range(of: "Organizations rising in 2020")!.lowerBound > lines)
    #expect(!section.contains("Where these organizations were named"))
    report.trends[0].risingOrganizations[1].evidence = [
      ReportFixtures.line(
        "2020/visit.txt", "2020-09-28", 90, "…deepening integration within the ", "EAEU",
        " & beyond…"),
      ReportFixtures.line("2020/summit.txt", "2020-05-19", 0, "", "ЕАЭС", " leaders met in Minsk…"),
    ]
    let withLines = Self.section("trends", in: Self.page(report))
    let named =
      withLines.components(
        separatedBy: "<caption>Where these organizations were named"
      ).dropFirst().first ?? ""
    #expect(
      withLines.range(of: "Where these organizations were named")!.lowerBound
        > withLines.range(of: "Organizations rising in 2020")!.lowerBound)
    #expect(named.contains("<th scope=\"col\">Organization</th>"))
    #expect(
      named.contains(
        "<th class=\"label\" scope=\"rowgroup\" rowspan=\"2\">Eurasian Economic Union"
          + "<span class=\"detail\">rising, 2020</span>"))
    #expect(named.contains("<b class=\"hit\">EAEU</b> &amp; beyond…"))
    #expect(
      named.range(of: "EAEU</b>")!.lowerBound < named.range(of: "ЕАЭС</b>")!.lowerBound)
    // An organization without lines has no group.
    #expect(!named.contains("Information Policy Department"))
    report.organizations = []
    #expect(!Self.section("trends", in: Self.page(report)).contains("Organizations rising"))
  }

  @Test func trendsShowOneTableEachForRisingAndFalling() {
    let report = ReportFixtures.sample()
    let section = Self.section("trends", in: Self.page(report))
    #expect(section.contains("<h3>2020 compared with 2019</h3>"))
    #expect(section.contains("<caption>Rising in 2020</caption>"))
    #expect(section.contains("<caption>Falling in 2020</caption>"))
    #expect(section.contains("<td class=\"num\">\u{2212}2.32</td>"))
  }

  @Test func numbersAreGroupedAndRightAligned() {
    var report = ReportFixtures.sample()
    report.corpus.tokens = 1_234_567
    let html = Self.page(report)
    #expect(html.contains("<dd>1\u{202F}234\u{202F}567</dd>"))
    #expect(html.contains("<td class=\"num\">12</td>"))
  }

  @Test func emptyReportSaysSoInsteadOfDrawingEmptyCharts() {
    let report = ReportFixtures.empty()
    let html = Self.page(report)
    #expect(!html.contains("<svg"))
    #expect(!html.contains("<table"))
    for id in Self.sectionIDs {
      #expect(Self.section(id, in: html).contains("<p class=\"note\">") || id == "summary")
    }
    #expect(html.contains("No file was rejected"))
  }

  @Test func sameReportGivesSameBytes() {
    let first = HTMLReportWriter.bytes(for: ReportFixtures.sample())
    let second = HTMLReportWriter.bytes(for: ReportFixtures.sample())
    #expect(first == second)
    #expect(
      HTMLReportWriter.bytes(for: ReportFixtures.hostile())
        == HTMLReportWriter.bytes(for: ReportFixtures.hostile()))
  }

  // MARK: Hostile text

  @Test func hostileTextIsEscapedNeverMarkup() {
    let html = Self.page(ReportFixtures.hostile())
    let lowered = html.lowercased()
    #expect(!lowered.contains("<script"))
    #expect(!lowered.contains("<img"))
    #expect(!lowered.contains("</style><"))
    #expect(Self.count("<style>", in: html) == 1)
    #expect(Self.count("</style>", in: html) == 1)
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("&lt;img src=x onerror=alert(4)&gt;"))
    #expect(html.contains("a &amp; b &lt; c &gt; d"))
    // Every `onerror` sits in text between tags, never inside a tag.
    #expect(Self.count("onerror", in: html) > 0)
    #expect(Self.occurrencesInsideTags("onerror", in: html) == 0)
    #expect(!lowered.contains("<!--"))
  }

  @Test func hostileTextNeverReachesAnHrefOrSrc() {
    let html = Self.page(ReportFixtures.hostile())
    for attribute in ["href=", "src=\"", "src='"] {
      for chunk in html.components(separatedBy: attribute).dropFirst() {
        let quote = chunk.first
        let value = chunk.dropFirst().prefix { $0 != quote }
        #expect(!value.lowercased().contains("javascript:"), "\(attribute)\(value)")
        #expect(value.hasPrefix("#"), "only in-page links: \(value)")
      }
    }
  }

  @Test func controlCharactersAreGone() {
    let bytes = HTMLReportWriter.bytes(for: ReportFixtures.hostile())
    #expect(!bytes.contains { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D })
    #expect(!bytes.contains(0x7F))
    let html = String(decoding: bytes, as: UTF8.self)
    #expect(
      !html.unicodeScalars.contains { $0.value == 0xFFFE || (0x80...0x9F).contains($0.value) })
    #expect(html.contains("bell\u{FFFD}null\u{FFFD}esc\u{FFFD}"))
  }

  @Test func c1ControlsAndNoncharactersAreReplaced() {
    var report = ReportFixtures.sample()
    let nonCharacter = String(Character(Unicode.Scalar(0xFDD0)!))
    report.unigrams[0].text = "a\u{85}b\u{9B}c" + nonCharacter + "d\u{7F}e"
    let html = Self.page(report)
    #expect(html.contains("a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e"))
  }

  // MARK: Golden file

  @Test func sampleMatchesTheGoldenFile() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/sample-report.html")
    let bytes = HTMLReportWriter.bytes(for: ReportFixtures.sample())
    if ProcessInfo.processInfo.environment["ALMANAC_RECORD"] == "1" {
      try Data(bytes).write(to: url)
    }
    let golden = try [UInt8](Data(contentsOf: url))
    #expect(
      bytes == golden,
      "HTML differs from Fixtures/sample-report.html; re-record with ALMANAC_RECORD=1 if intended")
  }

  /// Every number in a table cell is written one way, large ones too: thousands grouped by a
  /// narrow no-break space, a minus sign (U+2212) for negatives, never a comma or a hyphen.
  @Test func numbersInTablesAreWrittenOneWay() throws {
    var report = ReportFixtures.sample()
    report.unigrams[0].perTenThousand = 12345.678
    report.unigrams[0].count = 1_234_567
    report.trends[0].rising[0].logLikelihood = 2345.6789
    report.trends[0].falling[0].logRatio = -1234.5
    let html = Self.page(report)
    let cells = try NSRegularExpression(pattern: "<td class=\"num[^\"]*\">([^<]*)</td>")
    let number = try NSRegularExpression(
      pattern: "^[+\u{2212}]?[0-9]{1,3}(\u{202F}[0-9]{3})*(\\.[0-9]+)?°?$")
    var texts: [String] = []
    for match in cells.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
      texts.append(String(html[Range(match.range(at: 1), in: html)!]))
    }
    #expect(texts.count > 20)
    for text in texts {
      let whole = NSRange(text.startIndex..., in: text)
      #expect(number.firstMatch(in: text, range: whole) != nil, "cell \(text)")
    }
    for expected in [
      "12\u{202F}345.68", "1\u{202F}234\u{202F}567", "2\u{202F}345.68", "\u{2212}1\u{202F}234.50",
    ] {
      #expect(texts.contains(expected), "\(expected)")
    }
    #expect(!html.contains("10,000"))
  }
}
