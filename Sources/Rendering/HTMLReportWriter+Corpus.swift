import LibXML
import ReportModel

/// The corpus sections: summary, documents per year, rejected and duplicate files.
extension HTMLReportWriter {
  static func addSummary(to section: XMLElement, report: Report) {
    let corpus = report.corpus
    var cards: [(label: String, value: String, detail: String?)] = [
      ("Documents analysed", NumberFormat.grouped(corpus.documents), nil),
      ("Files rejected", NumberFormat.grouped(corpus.rejected), nil),
    ]
    if corpus.duplicates > 0 {
      cards.append(
        ("Duplicate files", NumberFormat.grouped(corpus.duplicates), "not counted again"))
    }
    cards.append(("Word tokens", NumberFormat.grouped(corpus.tokens), nil))
    if let first = corpus.firstDate, let last = corpus.lastDate {
      cards.append(("Date range", first, "to " + last))
    } else {
      cards.append(("Date range", "none", nil))
    }
    cards.append(
      (
        "Repaired documents", NumberFormat.grouped(corpus.repairedDocuments),
        "invalid UTF-8 replaced"
      ))
    // Five cards of figures up to hundreds of millions fit a row on a wide screen (rows of three
    // on a tablet, one and two twice on a phone); six (with the duplicate files) go in rows of
    // three (two on a phone); a figure in the billions (a figure never wraps) puts three to a
    // row, one on a phone. Never a card alone under a row of several.
    var kind = "figures"
    if cards.count == 6 { kind += " six" }
    if cards.contains(where: { $0.value.count > Self.figureFitsFiveToARow }) { kind += " wide" }
    let figures = section.element("dl", class: kind)
    for card in cards {
      let item = figures.element("div", class: "figure")
      item.element("dt", text: card.label)
      item.element("dd", text: card.value)
      if let detail = card.detail { item.element("dd", class: "detail", text: detail) }
    }

    let facts = section.element("dl", class: "facts")
    func fact(_ label: String, _ value: String) {
      facts.element("dt", text: label)
      facts.element("dd", text: value)
    }
    fact("Corpus folder", corpus.path)
    fact("Generated", report.generatedAt + " by " + report.tool)
    fact("Tokenizer", "version " + report.provenance.tokenizerVersion)
    fact("Organization registry", "version " + report.provenance.registryVersion)
    fact("Stopwords", report.provenance.stopwords)
    fact(
      "Limits",
      "top " + String(report.provenance.top) + " unigrams and bigrams; "
        + String(report.provenance.trendTerms) + " rising and falling terms and "
        + String(Report.organizationTrendsListed) + " organizations per comparison")
    if !report.exports.isEmpty {
      // The CSV files beside the page: relative links, so they work wherever the folder goes.
      facts.element("dt", text: "Data files")
      let files = facts.element("dd", class: "exports")
      for (index, file) in report.exports.enumerated() {
        if index > 0 { files.addText(" · ") }
        files.addElement("a", attributes: ["href": file.name], text: file.name)
      }
    }
  }

  /// The longest figure, in characters, that five cards to a row hold on a wide screen and on
  /// paper ("170 163 801", the word tokens of a gigabyte); a longer one puts three to a row.
  static let figureFitsFiveToARow = 11

  static func addYears(to section: XMLElement, report: Report) {
    guard !report.years.isEmpty else {
      section.note("No document was accepted, so there is nothing to show by year.")
      return
    }
    let axis = yearAxis(for: report)
    let figure = section.element("figure")
    let chart = BarChart(
      values: report.years.map { ($0.year, $0.documents) }, axis: axis, valueLabel: "Documents")
    chart.render(into: figure, id: "chart-years", title: "Accepted documents per year")
    figure.element(
      "figcaption",
      text: "Accepted documents per year, by article date."
        + (axis.years.count > report.years.count ? " Years without documents show no bar." : ""))

    var table = HTMLTable(
      caption: "Documents, tokens and organization mentions per year",
      columns: [
        .text("Year"), .number("Documents"), .number("Word tokens"), .number("Distinct terms"),
        .number("Organization mentions"),
      ])
    for year in report.years {
      table.append([
        // Marked on the year, a column of text, so that the numbers stay aligned.
        .text(String(year.year) + (year.isSmallBase ? "\u{2009}†" : "")),
        .number(NumberFormat.grouped(year.documents)),
        .number(NumberFormat.grouped(year.tokens)),
        .number(NumberFormat.grouped(year.types)),
        .number(NumberFormat.grouped(year.organizationMentions)),
      ])
    }
    table.render(into: section)
    let small = report.smallBaseYears
    guard !small.isEmpty else { return }
    section.note(
      "† Fewer than " + NumberFormat.grouped(Report.smallBaseTokens)
        + " word tokens, the base of the rates per 10\u{202F}000 tokens: "
        + (small.count == report.years.count
          ? "every year's rates here rest"
          : "the rates of " + listed(small.map(String.init)) + " rest")
        + " on so few words that one article more or less moves them a lot. In the charts of"
        + " rates their points are hollow, and in the tables their columns are marked †.")
  }

  static func addRejected(to section: XMLElement, report: Report) {
    guard !report.rejected.isEmpty else {
      section.note("No file was rejected: every file in the corpus was analysed.")
      return
    }
    section.note(
      plural(report.rejected.count, "file was", "files were")
        + " not analysed. They are listed with the reason so they can be fixed and the run repeated."
    )
    addFiles(
      report.rejected.count, caption: "Files that were not analysed",
      columns: [.text("File"), .text("Reason")], export: "rejected", to: section
    ) { index in
      let file = report.rejected[index]
      return [.custom { $0.element("code").addPath(file.path) }, .text(file.reason)]
    }
  }

  static func addDuplicates(to section: XMLElement, report: Report) {
    guard !report.duplicates.isEmpty else {
      section.note("No file holds the same text as another: every accepted file was counted.")
      return
    }
    section.note(
      plural(report.duplicates.count, "file is a copy", "files are copies")
        + " of another file of the corpus: the same date and text, byte for byte but for how"
        + " their lines end (CR LF, CR or LF). A copy is"
        + " accepted but not counted, so that each article counts once; deleting the copies"
        + " would change no figure.")
    addFiles(
      report.duplicates.count, caption: "Files not counted, as copies of others",
      columns: [.text("File"), .text("Copy of")], export: "duplicates", to: section
    ) { index in
      let file = report.duplicates[index]
      return [
        .custom { $0.element("code").addPath(file.path) },
        .custom { $0.element("code").addPath(file.original) },
      ]
    }
  }

  /// How many files a list of the page shows (rejected files, copies): a corpus can hold
  /// thousands of either (`scripts/hostile-corpus` makes 16,760 copies), and the CSV files and
  /// the XML list them all.
  static let filesShown = 100

  /// A table of the first ``filesShown`` of `count` files, in the order of their paths, the
  /// cells of each made by `row`; when there are more, a note says which file lists them all.
  private static func addFiles(
    _ count: Int, caption: String, columns: [HTMLTable.Column], export: String,
    to section: XMLElement, row: (Int) -> [HTMLCell]
  ) {
    if count > filesShown {
      section.note(
        "The first \(filesShown), in the order of their paths, are listed here; "
          + CSVWriter.fileName(for: export) + " and the XML list all of them.")
    }
    var table = HTMLTable(caption: caption, columns: columns)
    // Long paths wrap.
    table.className = "rejected"
    for index in 0..<min(count, filesShown) { table.append(row(index)) }
    table.render(into: section)
  }

  /// The one year axis every chart of the page uses: the years with accepted documents.
  static func yearAxis(for report: Report) -> YearAxis {
    YearAxis(yearsWithData: report.years.map(\.year))
  }
}
