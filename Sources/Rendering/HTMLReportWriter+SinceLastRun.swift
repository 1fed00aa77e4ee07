import LibXML
import ReportModel

/// The section that opens a nightly page: what changed since the previous published run.
extension HTMLReportWriter {
  static func addSinceLastRun(_ since: SinceLastRun, to section: XMLElement) {
    guard let previousRunAt = since.previousRunAt else {
      // Every document, organization and pair is new to a first run: a table of every year
      // and "no organization was listed for the first time" would say nothing, or the wrong
      // thing. The XML still carries the documents per year, for programs.
      section.element(
        "p",
        text: "First run of this state: everything in this report is new to it, so nothing is "
          + "listed here. From the next run on, this section lists the documents added, changed "
          + "and removed, the organizations and pairs listed for the first time, and the terms "
          + "whose rate moved most.")
      return
    }
    section.element("p", text: "Changes since the previous run, published " + previousRunAt + ".")
    addNewDocuments(since, to: section)
    addNewOrganizations(since.newOrganizations, to: section)
    addNewPairs(since.newPairs, to: section)
    addMovedTerms(since.movedTerms, to: section)
  }

  private static func addNewDocuments(_ since: SinceLastRun, to section: XMLElement) {
    section.element("h3", text: "Documents")
    if since.newDocuments.isEmpty {
      section.note("No document was added or changed.")
    } else {
      var table = HTMLTable(
        caption: "Documents added or changed, per year of their date",
        columns: [.text("Year"), .number("Documents")])
      for year in since.newDocuments {
        table.append([.text(String(year.year)), .number(NumberFormat.grouped(year.count))])
      }
      table.render(into: section)
    }
    section.note(
      since.removedDocuments == 0
        ? "No document was removed."
        : plural(since.removedDocuments, "document was", "documents were") + " removed.")
    // Copies change no figure: said apart, so that a file added is never unaccounted for.
    if since.addedCopies > 0 {
      section.note(
        plural(
          since.addedCopies,
          "file added or changed is a copy of another document: counted once, it",
          "files added or changed are copies of other documents: counted once, they")
          + (since.addedCopies == 1 ? " changes" : " change") + " no figure.")
    }
    if since.removedCopies > 0 {
      section.note(
        plural(
          since.removedCopies, "copy of another document was removed; it",
          "copies of other documents were removed; they") + " had not been counted.")
    }
  }

  private static func addNewOrganizations(
    _ organizations: [SinceLastRun.NamedOrganization], to section: XMLElement
  ) {
    section.element("h3", text: "Organizations listed for the first time")
    guard !organizations.isEmpty else {
      section.note("No organization was listed for the first time.")
      return
    }
    let list = section.element("ul", class: "new-organizations")
    for organization in organizations {
      list.element("li", text: organization.name)
    }
  }

  private static func addNewPairs(_ pairs: [SinceLastRun.NamedPair], to section: XMLElement) {
    section.element("h3", text: "Pairs of organizations listed for the first time")
    guard !pairs.isEmpty else {
      section.note("No pair of organizations was listed for the first time.")
      return
    }
    let list = section.element("ul", class: "new-pairs")
    for pair in pairs {
      let item = list.element("li")
      item.element("span", text: pair.aName)
      item.element("span", class: "amp", text: " & ")
      item.element("span", text: pair.bName)
    }
  }

  private static func addMovedTerms(_ terms: [SinceLastRun.MovedTerm], to section: XMLElement) {
    section.element("h3", text: "Terms that moved most")
    guard !terms.isEmpty else {
      section.note("No term's rate changed.")
      return
    }
    section.note(
      "Occurrences per 10\u{202F}000 word tokens in the previous report and in this one, of the terms "
        + "both list.")
    var table = HTMLTable(
      caption: "Terms whose rate changed most since the previous run",
      columns: [.text("Term"), .number("Before"), .number("After"), .number("Change")])
    // The trend tables' class: it lets long terms wrap.
    table.className = "trend"
    for term in terms {
      table.append([
        .text(term.text), .number(NumberFormat.display(term.before, 2)),
        .number(NumberFormat.display(term.after, 2)),
        .number(signed(term.after - term.before, 2)),
      ])
    }
    table.render(into: section)
  }

  /// `value` with `digits` decimals and an explicit `+` when it rounds to a positive number.
  static func signed(_ value: Double, _ digits: Int) -> String {
    let text = NumberFormat.display(value, digits)
    return value > 0 && text != NumberFormat.display(0, digits) ? "+" + text : text
  }
}
