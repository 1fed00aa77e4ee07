import LibXML
import ReportModel

/// The term sections: top terms, top terms across years, rising and falling terms.
extension HTMLReportWriter {
  static func addTopTerms(to section: XMLElement, report: Report) {
    guard !report.unigrams.isEmpty || !report.bigrams.isEmpty else {
      section.note("No terms were counted.")
      return
    }
    section.note(
      "The most frequent words (unigrams) and word pairs (bigrams), stopwords excluded. "
        + "Per 10k is occurrences per 10\u{202F}000 word tokens of the whole corpus."
        + (report.corpus.isSmallBase
          ? " The corpus has " + plural(report.corpus.tokens, "word token", "word tokens")
            + ", fewer than " + NumberFormat.grouped(Report.smallBaseTokens)
            + ": its rates extrapolate from a small sample, and"
            + " one article more or less moves them a lot." : ""))
    let pair = section.element("div", class: "pair")
    termTable(report.unigrams, caption: "Top unigrams", into: pair)
    termTable(report.bigrams, caption: "Top bigrams", into: pair)
  }

  private static func termTable(_ terms: [TermEntry], caption: String, into parent: XMLElement) {
    let column = parent.element("div")
    guard !terms.isEmpty else {
      column.note(caption + ": none.")
      return
    }
    var table = HTMLTable(
      caption: caption,
      columns: [
        .number("Rank"), .text("Term"), .number("Count"), .number("Documents"), .number("Per 10k"),
      ])
    table.className = "terms"
    for (index, term) in terms.enumerated() {
      table.append([
        .number(String(index + 1)), .text(term.text), .number(NumberFormat.grouped(term.count)),
        .number(NumberFormat.grouped(term.documents)),
        .number(NumberFormat.display(term.perTenThousand, 2)),
      ])
    }
    table.render(into: column)
  }

  static func addTermsByYear(to section: XMLElement, report: Report) {
    guard !report.unigrams.isEmpty, !report.years.isEmpty else {
      section.note("No terms were counted, so there is nothing to show by year.")
      return
    }
    let multiples = SmallMultiples(
      terms: report.unigrams, axis: yearAxis(for: report), smallBase: Set(report.smallBaseYears))
    section.note(
      "Occurrences per 10\u{202F}000 word tokens of each year for the "
        + plural(multiples.panels.count, "most frequent unigram", "most frequent unigrams")
        + ". All panels share one year axis and one y-scale, from 0 to "
        + multiples.scale.label(multiples.scale.maximum) + " per 10\u{202F}000 tokens."
        + hollowPoints(report))
    multiples.render(into: section, idPrefix: "chart-term")
    // The numbers behind the panels, for a reader who cannot see them and for print.
    rateTable(Array(report.unigrams.prefix(multiples.panels.count)), report: report, into: section)
  }

  /// The terms the report follows (`--term`), whatever their rank: a panel each (the first
  /// ``SmallMultiples/limit``), their rates per year and their counts, and which were found
  /// in no year.
  static func addFollowedTerms(to section: XMLElement, report: Report) {
    let multiples = SmallMultiples(
      terms: report.followedTerms, axis: yearAxis(for: report),
      smallBase: Set(report.smallBaseYears))
    let shown =
      report.followedTerms.count > multiples.panels.count
      ? " The first " + String(multiples.panels.count) + " are charted." : ""
    section.note(
      "The terms this report was asked to follow, whatever their rank: occurrences per"
        + " 10\u{202F}000 word tokens of each year, on one year axis and one y-scale, from 0 to "
        + multiples.scale.label(multiples.scale.maximum) + " per 10\u{202F}000 tokens." + shown
        + hollowPoints(report))
    let unfound = report.followedTerms.filter { $0.count == 0 }.map { "“" + $0.text + "”" }
    if !unfound.isEmpty {
      section.note(
        listed(unfound) + (unfound.count == 1 ? " was" : " were")
          + " found in no year (a stopword is never counted).")
    }
    multiples.render(into: section, idPrefix: "chart-followed")
    rateTable(report.followedTerms, report: report, into: section)
    evidenceTable(
      report.followedTerms.map { term in
        EvidenceGroup(
          label: term.text, detail: term.latestYear.map { "in " + String($0) },
          lines: term.evidence)
      },
      caption: "Where they were used: the latest articles of the latest year using each",
      into: section)
  }

  /// What a chart of rates says of the years of a small base: their points are hollow. Empty
  /// when no year's base is small.
  private static func hollowPoints(_ report: Report) -> String {
    let small = report.smallBaseYears
    guard !small.isEmpty else { return "" }
    return " Hollow points are years of fewer than " + NumberFormat.grouped(Report.smallBaseTokens)
      + " word tokens ("
      + (small.count == report.years.count ? "every year here" : listed(small.map(String.init)))
      + "), whose rates one article moves a lot."
  }

  /// A table of `terms`' occurrences per 10,000 tokens in each of the years shown
  /// (``yearColumns(of:)``), with their count in all; a year of a small base is marked †.
  private static func rateTable(_ terms: [TermEntry], report: Report, into section: XMLElement) {
    let years = yearColumns(of: report)
    let small = Set(report.smallBaseYears)
    var table = HTMLTable(
      caption: perYearCaption(
        "Occurrences per 10\u{202F}000 tokens per year", years: years, of: report)
        + smallBaseCaption(years: years, small: small),
      columns: [.text("Term")] + years.map { yearColumn($0, small: small) })
    table.className = "per-year"
    for term in terms {
      var rates: [Int: Double] = [:]
      for entry in term.years { rates[entry.year] = entry.perTenThousand }
      table.append(
        [.text(term.text)]
          + years.map { year in
            let rate = rates[year] ?? 0
            return rate == 0 ? .faint("0") : .number(NumberFormat.display(rate, 2))
          })
    }
    table.render(into: section)
  }

  static func addTrends(to section: XMLElement, report: Report) {
    guard !report.trends.isEmpty else {
      section.note("No year has an earlier year with documents to compare against.")
      leftOutComparisons(report, into: section)
      return
    }
    // Empty lists then say nothing of the terms' rates.
    guard report.provenance.trendTerms > 0 else {
      section.note(
        "This report was made to list no rising or falling terms (a limit of 0 per comparison).")
      return
    }
    let chosen = report.chosenComparisons.map {
      String($0.year) + " with " + $0.referenceText
    }
    section.note(
      "Each year is compared with the previous year with documents"
        + (chosen.isEmpty ? "" : ", and " + listed(chosen) + ", as chosen for this report")
        + ". G² (log-likelihood) says how sure the change is; the log ratio says how large it is"
        + " (1 means twice as frequent). Organizations are compared by their mentions, out of"
        + " every organization found.")
    leftOutComparisons(report, into: section)
    for comparison in report.chosenComparisons {
      addComparison(
        comparison, chosen: true, organizations: !report.organizations.isEmpty, into: section)
    }
    let shown = report.trends.suffix(comparisonsShown)
    summarised(
      shown.count, of: report.trends.count,
      "the " + String(shown.count) + " most recent comparisons", section: "trends",
      report: report, into: section)
    for comparison in shown.reversed() {
      addComparison(
        comparison, chosen: false, organizations: !report.organizations.isEmpty, into: section)
    }
  }

  /// One comparison: its heading, its sizes, its rising and falling terms side by side, where
  /// they were used, and, when the corpus names `organizations`, its rising and falling
  /// organizations side by side.
  private static func addComparison(
    _ comparison: TrendComparison, chosen: Bool, organizations: Bool, into section: XMLElement
  ) {
    let block = section.element("div", class: "comparison")
    block.element(
      "h3",
      text: String(comparison.year) + " compared with " + comparison.referenceText
        + (chosen ? " (chosen)" : ""))
    let pooled = comparison.referenceYears.count
    block.element(
      "p", class: "meta",
      text: plural(comparison.tokens, "token", "tokens") + " in " + String(comparison.year)
        + ", " + plural(comparison.referenceTokens, "token", "tokens") + " in "
        + comparison.referenceText
        + (pooled > 1
          ? " (" + String(pooled) + " years with documents pooled; a falling term's lines"
            + " come from the year of them that used it most)" : "")
        + ".")
    let pair = block.element("div", class: "pair")
    for (list, caption) in [(comparison.rising, "Rising in "), (comparison.falling, "Falling in ")]
    {
      trendTable(
        list, caption: caption + String(comparison.year), labelHeading: "Term",
        nothing: "no term's rate changed", comparison: comparison, into: pair)
    }
    trendEvidence(comparison, into: block)
    guard organizations else { return }
    let organizationPair = block.element("div", class: "pair")
    for (list, caption) in [
      (comparison.risingOrganizations, "Organizations rising in "),
      (comparison.fallingOrganizations, "Organizations falling in "),
    ] {
      trendTable(
        list, caption: caption + String(comparison.year), labelHeading: "Organization",
        nothing: "no organization's rate of mentions changed", comparison: comparison,
        into: organizationPair)
    }
    organizationEvidence(comparison, into: block)
  }

  /// A note on each comparison asked for (`--compare`) that is left out, naming its years
  /// without documents.
  private static func leftOutComparisons(_ report: Report, into section: XMLElement) {
    for asked in report.leftOutComparisons {
      let missing = report.yearsWithoutDocuments(asked)
      section.note(
        String(asked.year) + " compared with " + asked.referenceText
          + " was chosen for this report but is left out: " + listed(missing)
          + (missing.count == 1 ? " has" : " have") + " no documents.")
    }
  }

  /// `a`, `a and b`, `a, b and c`.
  static func listed(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items.last!
  }

  /// The rising or falling `rows` (terms or organizations, `labelHeading`) of `comparison`,
  /// or a note saying there are `nothing` when there are none.
  private static func trendTable<Row: TrendRow>(
    _ rows: [Row], caption: String, labelHeading: String, nothing: String,
    comparison: TrendComparison, into parent: XMLElement
  ) {
    let column = parent.element("div")
    guard !rows.isEmpty else {
      column.note(caption + ": " + nothing + ".")
      return
    }
    var table = HTMLTable(
      caption: caption,
      columns: [
        .text(labelHeading), .number(String(comparison.year)), .number(comparison.referenceSpan),
        .number("G²"), .number("Log ratio"),
      ])
    table.className = "trend"
    for term in rows {
      table.append([
        .text(term.label), .number(NumberFormat.grouped(term.count)),
        .number(NumberFormat.grouped(term.referenceCount)),
        term.isSignificant
          ? .number(NumberFormat.display(term.logLikelihood, 2))
          : .faint(NumberFormat.display(term.logLikelihood, 2) + "°"),
        .number(NumberFormat.display(term.logRatio, 2)),
      ])
    }
    table.render(into: column)
    if !rows.allSatisfy(\.isSignificant) {
      column.note(
        "° In grey: G² under " + NumberFormat.display(TrendTerm.significantLogLikelihood, 3)
          + ", a change chance alone gives one time in twenty or more (p ≥ 0.05).")
    }
  }
}

/// A row of a table of rising or falling terms or organizations.
protocol TrendRow {
  /// What the row is about: a term's text, an organization's name.
  var label: String { get }
  var count: Int { get }
  var referenceCount: Int { get }
  var logLikelihood: Double { get }
  var logRatio: Double { get }
  var isSignificant: Bool { get }
  /// Of a pooled reference, the year of it where a falling row's lines come from.
  var referencePeak: Int? { get }
  /// Where it was used or named.
  var evidence: [Evidence] { get }
}

extension TrendTerm: TrendRow {
  var label: String { text }
}

extension OrganizationTrend: TrendRow {
  var label: String { name }
}
