public import LibXML
public import ReportModel

/// Writes a ``Report`` as one self-contained HTML5 page: inline CSS, inline SVG charts, no
/// scripts and no external fetches.
///
/// The page is built as a libxml2 HTML tree, so every piece of article-derived text (terms,
/// names, aliases, paths, reasons) reaches the output only as escaped text. The writer computes
/// no statistics: it lays out the figures the report already holds, and the same report always
/// gives the same bytes.
public enum HTMLReportWriter {
  /// The Content-Security-Policy sent in a `<meta http-equiv>`: no scripts, no fetches.
  static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

  /// The section that opens the page when the report says what changed since the last run.
  static let sinceLastRunSection: (id: String, heading: String) = (
    "since-last-run", "Since the last run"
  )

  /// Long lists are summarised on the page: the rest is in the XML and the CSV files.
  /// Organizations (and their mentions per year) shown, those with the most mentions.
  static let organizationsShown = 40
  /// Pairs of organizations shown, those named together in the most documents (the pairs
  /// that have evidence).
  static let pairsShown = EvidencePolicy.pairsShown
  /// Year-over-year comparisons shown, the most recent (the comparisons that have evidence).
  static let comparisonsShown = EvidencePolicy.comparisonsShown
  /// Year columns of the per-year tables, the most recent: more do not fit on A4.
  static let yearColumnsShown = 10

  /// The years a per-year table has a column for: the ``yearColumnsShown`` most recent.
  static func yearColumns(of report: Report) -> [Int] {
    report.years.suffix(yearColumnsShown).map(\.year)
  }

  /// A per-year table's caption: `base`, and which years it shows when it leaves some out.
  static func perYearCaption(_ base: String, years: [Int], of report: Report) -> String {
    guard years.count < report.years.count, let first = years.first, let last = years.last else {
      return base
    }
    return base + ", " + String(first) + "–" + String(last)
      + " (earlier years are in the CSV and XML files)"
  }

  /// What a table of rates per year adds to its caption when a year it shows has a small base
  /// (`small`, ``ReportModel/Report/smallBaseYears``): what its † means.
  static func smallBaseCaption(years: [Int], small: Set<Int>) -> String {
    guard years.contains(where: small.contains) else { return "" }
    return " († fewer than " + NumberFormat.grouped(Report.smallBaseTokens) + " tokens that year)"
  }

  /// The column of `year` in a table of rates per year, marked † when its base is small.
  static func yearColumn(_ year: Int, small: Set<Int>) -> HTMLTable.Column {
    .number(String(year) + (small.contains(year) ? "\u{2009}†" : ""))
  }

  /// The sections every page has, in order: id and heading.
  static let sections: [(id: String, heading: String)] = [
    ("summary", "Corpus summary"),
    ("years", "Documents per year"),
    ("terms", "Top terms"),
    ("terms-by-year", "Top terms across years"),
    ("organizations", "Organizations"),
    ("cooccurrence", "Organizations named together"),
    ("trends", "Rising and falling terms and organizations"),
    ("rejected", "Rejected files"),
    ("duplicates", "Duplicate files"),
  ]

  /// The sections of this report's page, in order: ``sections``, opened by
  /// ``sinceLastRunSection`` when the report carries ``ReportModel/Report/sinceLastRun``, with
  /// ``followedTermsSection`` when it follows terms.
  static func sections(for report: Report) -> [(id: String, heading: String)] {
    var sections = report.sinceLastRun == nil ? sections : [sinceLastRunSection] + sections
    if !report.followedTerms.isEmpty,
      let place = sections.firstIndex(where: { $0.id == "terms-by-year" })
    {
      sections.insert(followedTermsSection, at: place + 1)
    }
    return sections
  }

  /// The section of the terms the report follows, after the top terms across years, when it
  /// follows any (``ReportModel/Report/followedTerms``).
  static let followedTermsSection = (id: "followed", heading: "Terms followed")

  /// Builds the page as an HTML document tree.
  ///
  /// - Parameter report: The finished report.
  /// - Returns: An HTML5 document (`<!DOCTYPE html>`).
  public static func document(for report: Report) -> XMLDocument {
    let document = XMLDocument.html(language: "en")
    let html = document.root
    addHead(to: html, report: report)
    let body = html.element("body")
    addMasthead(to: body, report: report)
    let main = body.element("main")
    for (id, heading) in sections(for: report) {
      let section = main.addElement(
        "section", attributes: ["id": id, "aria-labelledby": id + "-h"])
      section.addElement("h2", attributes: ["id": id + "-h"], text: heading)
      switch id {
      case sinceLastRunSection.id:
        if let sinceLastRun = report.sinceLastRun { addSinceLastRun(sinceLastRun, to: section) }
      case "summary": addSummary(to: section, report: report)
      case "years": addYears(to: section, report: report)
      case "terms": addTopTerms(to: section, report: report)
      case "terms-by-year": addTermsByYear(to: section, report: report)
      case followedTermsSection.id: addFollowedTerms(to: section, report: report)
      case "organizations": addOrganizations(to: section, report: report)
      case "cooccurrence": addCooccurrence(to: section, report: report)
      case "trends": addTrends(to: section, report: report)
      case "rejected": addRejected(to: section, report: report)
      default: addDuplicates(to: section, report: report)
      }
    }
    addFooter(to: body, report: report)
    return document
  }

  /// The page as UTF-8 bytes, starting with `<!DOCTYPE html>`.
  ///
  /// - Parameter report: The finished report.
  /// - Returns: The serialised page; identical for identical reports.
  public static func bytes(for report: Report) -> [UInt8] {
    document(for: report).serialized()
  }

  // MARK: - Frame

  private static func addHead(to html: XMLElement, report: Report) {
    let head = html.element("head")
    head.addElement("meta", attributes: ["charset": "utf-8"])
    head.addElement(
      "meta",
      attributes: ["http-equiv": "Content-Security-Policy", "content": contentSecurityPolicy])
    head.addElement(
      "meta", attributes: ["name": "viewport", "content": "width=device-width, initial-scale=1"])
    head.addElement("meta", attributes: ["name": "generator", "content": report.tool])
    head.element("title", text: "Almanac report: " + report.corpus.path)
    // The style sheet is a constant: libxml2 writes `<style>` bodies raw, so nothing from the
    // corpus may ever go here.
    head.addElement("style", text: HTMLStyle.css)
  }

  private static func addMasthead(to body: XMLElement, report: Report) {
    let header = body.element("header", class: "masthead")
    header.element("p", class: "kicker", text: "Almanac · news corpus report")
    let title = header.element("h1", text: "Corpus ")
    title.element("span", class: "corpus-path", text: report.corpus.path)
    header.element("p", class: "lede", text: lede(for: report))

    let nav = body.addElement("nav", attributes: ["aria-label": "Contents"])
    let list = nav.element("ol")
    for (id, heading) in sections(for: report) {
      list.element("li").addElement("a", attributes: ["href": "#" + id], text: heading)
    }
  }

  private static func lede(for report: Report) -> String {
    let corpus = report.corpus
    var text = plural(corpus.documents, "document", "documents")
    if let first = corpus.firstDate, let last = corpus.lastDate {
      text += " dated " + first + " to " + last
    }
    text += ", " + plural(corpus.tokens, "word token", "word tokens")
    text +=
      ", "
      + plural(
        report.organizationsCounted ?? report.organizations.count, "organization",
        "organizations") + "."
    return text
  }

  private static func addFooter(to body: XMLElement, report: Report) {
    let footer = body.element("footer")
    footer.element("p", text: provenanceLine(for: report))
  }

  /// Tool, versions and settings in one line, so a reader can reproduce the figures.
  static func provenanceLine(for report: Report) -> String {
    let provenance = report.provenance
    return [
      "Generated " + report.generatedAt + " by " + report.tool,
      "tokenizer " + provenance.tokenizerVersion,
      "registry " + provenance.registryVersion,
      "stopwords: " + provenance.stopwords,
      "top " + String(provenance.top) + " terms, " + String(provenance.trendTerms)
        + " per trend list",
      "schema " + report.schemaVersion,
    ].joined(separator: " · ")
  }

  /// Says that a table shows `shown` of `total` entries and where the rest are: the section's
  /// CSV file (when the report lists one) and the XML.
  static func summarised(
    _ shown: Int, of total: Int, listed: Int? = nil, listedAs: String = "strongest",
    _ what: String, section: String, report: Report, into parent: XMLElement
  ) {
    guard total > shown else { return }
    let files = report.exports.filter { $0.section == section }.map(\.name) + ["almanac.xml"]
    let place = " are in " + files.joined(separator: " and ") + "."
    let rest =
      if let listed, listed < total {
        "; the " + NumberFormat.grouped(listed) + " " + listedAs + " of all "
          + NumberFormat.grouped(total) + place
      } else {
        "; all " + NumberFormat.grouped(total) + place
      }
    parent.element("p", class: "note more", text: "Showing " + what + rest)
  }

  /// `1 document`, `12 documents`, with the number grouped.
  static func plural(_ count: Int, _ singular: String, _ plural: String) -> String {
    NumberFormat.grouped(count) + " " + (count == 1 ? singular : plural)
  }
}
