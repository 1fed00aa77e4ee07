import LibXML
import ReportModel

/// The organization sections: organizations with aliases and years, and co-occurrence.
extension HTMLReportWriter {
  static func addOrganizations(to section: XMLElement, report: Report) {
    guard !report.organizations.isEmpty else {
      section.note("No organization was found.")
      return
    }
    // Every registered organization that was found is listed.
    let registered = report.organizations.filter(\.registered).count
    let found = report.organizationsCounted ?? report.organizations.count
    section.note(
      plural(registered, "organization comes", "organizations come")
        + " from the registry; "
        + plural(found - registered, "was", "were")
        + " discovered in the text.")
    var table = HTMLTable(
      caption: "Organizations, with every form in which they were written",
      columns: [
        .text("Organization"), .text("Source"), .number("Mentions"), .number("Documents"),
        .text("Written as (mentions)"),
      ])
    table.className = "organizations"
    let shown = report.organizations.prefix(organizationsShown)
    for organization in shown {
      table.append([
        .text(organization.name), .text(organization.registered ? "registry" : "discovered"),
        .number(NumberFormat.grouped(organization.count)),
        .number(NumberFormat.grouped(organization.documents)),
        .custom { cell in
          let list = cell.element("ul", class: "aliases")
          for alias in organization.aliases {
            let item = list.element("li", text: alias.text + " ")
            item.element("span", class: "n", text: NumberFormat.grouped(alias.count))
          }
        },
      ])
    }
    table.render(into: section)
    // Past the first --top-organizations, the list goes on with registered and paired ones.
    let mentionedMost = shown.count <= report.provenance.topOrganizations ?? Int.max
    summarised(
      shown.count, of: found, listed: report.organizations.count,
      listedAs: "listed (mentioned most, registered or in a listed pair)",
      "the " + String(shown.count) + " organizations "
        + (mentionedMost ? "mentioned most" : "listed first"),
      section: "organizations", report: report, into: section)

    guard !report.years.isEmpty else { return }
    // Rates, as for terms: years of different sizes compare (their mentions are in the CSV).
    let years = yearColumns(of: report)
    let small = Set(report.smallBaseYears)
    var perYear = HTMLTable(
      caption: perYearCaption(
        "Mentions per 10\u{202F}000 tokens per year", years: years, of: report)
        + smallBaseCaption(years: years, small: small),
      columns: [.text("Organization")] + years.map { yearColumn($0, small: small) })
    perYear.className = "per-year"
    for organization in shown {
      var rates: [Int: Double] = [:]
      for entry in organization.years { rates[entry.year] = entry.perTenThousand }
      perYear.append(
        [.text(organization.name)]
          + years.map { year in
            let rate = rates[year] ?? 0
            return rate == 0 ? .faint("0") : .number(NumberFormat.display(rate, 2))
          })
    }
    perYear.render(into: section)
  }

  /// What a dotted cell of `matrix` means, if it has one.
  private static func unlistedNote(_ matrix: CooccurrenceMatrix) -> String {
    guard let most = matrix.unlistedAtMost, matrix.cells.contains(where: { !$0.listed }) else {
      return ""
    }
    return " A dotted cell is a pair not among those listed below: "
      + plural(most, "document", "documents") + " at most."
  }

  static func addCooccurrence(to section: XMLElement, report: Report) {
    guard !report.cooccurrences.isEmpty else {
      section.note("No two organizations were named in the same document.")
      return
    }
    let matrix = CooccurrenceMatrix(
      organizations: report.organizations, counted: report.organizationsCounted,
      pairs: report.cooccurrences, pairsCounted: report.pairsCounted)
    if matrix.organizations.count >= 2 {
      let figure = section.element("figure")
      matrix.render(
        into: figure, id: "chart-cooccurrence",
        title: "Documents naming both organizations, for the "
          + plural(matrix.organizations.count, "organization", "organizations")
          + " named in the most documents")
      let shown =
        matrix.total > matrix.organizations.count
        ? "The " + String(matrix.organizations.count)
          + " organizations named in the most documents (of "
          + NumberFormat.grouped(matrix.total) + "). "
        : "All " + String(matrix.total) + " organizations. "
      figure.element(
        "figcaption",
        text: shown + "Each cell gives the documents naming both; darker means more (darkest: "
          + plural(matrix.largest, "document", "documents")
          + "). Each organization's number, repeated on the diagonal, heads the column below it."
          + (matrix.rounds
            ? " Counts of " + NumberFormat.grouped(Int(NumberFormat.compactFrom))
              + " and more are rounded to thousands (k) or millions (M) in"
              + " the cells; each cell's tooltip, the table below and "
              + CSVWriter.fileName(for: "cooccurrences") + " give them exactly." : "")
          + unlistedNote(matrix))
    }

    var table = HTMLTable(
      caption: "Pairs of organizations named in the same documents",
      columns: [.text("Pair"), .number("Documents"), .number("NPMI"), .number("G²")])
    table.className = "pairs"
    let shown = report.cooccurrences.prefix(pairsShown)
    for pair in shown {
      table.append([
        .custom { cell in
          cell.element("span", text: pair.aName)
          cell.element("span", class: "amp", text: " & ")
          cell.element("span", text: pair.bName)
        },
        .number(NumberFormat.grouped(pair.documents)), .number(NumberFormat.display(pair.npmi, 3)),
        .number(NumberFormat.display(pair.logLikelihood, 2)),
      ])
    }
    section.note(
      "NPMI runs from −1 (never together) through 0 (independent) to 1 (always together); "
        + "G² says how sure the association is.")
    table.render(into: section)
    summarised(
      shown.count, of: report.pairsCounted ?? report.cooccurrences.count,
      listed: report.cooccurrences.count,
      "the " + String(shown.count) + " pairs named together in the most documents",
      section: "cooccurrences", report: report, into: section)
    pairEvidence(shown, into: section)
  }
}
