import LibXML
import ReportModel

/// The evidence tables: keyword-in-context lines under the trend tables and the pairs table.
extension HTMLReportWriter {
  /// One labelled group of lines: a term or a pair, and where it was used.
  struct EvidenceGroup {
    /// The term, or the pair's two names.
    var label: String
    /// A second line under the label (`rising`, `falling`), or nil.
    var detail: String?
    /// The lines, at most ``ReportModel/EvidencePolicy/linesPerTarget``.
    var lines: [Evidence]
  }

  /// A concordance table: one row group per term or pair, one row per line, the hits in bold,
  /// the file and date beside each line. Groups without lines are left out; nothing is
  /// written when no group has lines. A group's latest line stands for it: on paper alone, on
  /// screen with the others behind a disclosure (`details.more-lines`) in its label.
  static func evidenceTable(
    _ groups: [EvidenceGroup], caption: String, labelHeading: String = "Term",
    into parent: XMLElement
  ) {
    let groups = groups.filter { !$0.lines.isEmpty }
    guard !groups.isEmpty else { return }
    let wrapper = parent.element("div", class: "table-wrap")
    let table = wrapper.element("table", class: "evidence")
    let title = table.element("caption", text: caption)
    // On paper the latest line of each group stands for it (the style sheet hides the others):
    // at 1 GB the lines were 55 of the 74 printed pages.
    if groups.contains(where: { $0.lines.count > 1 }) {
      title.element(
        "span", class: "print-only",
        text: " On paper, the latest line of each; on screen and in the XML, up to "
          + String(EvidencePolicy.linesPerTarget) + ".")
    }
    let header = table.element("thead").element("tr")
    for heading in [labelHeading, "In context", "Source"] {
      header.element("th", text: heading).setAttribute("scope", "col")
    }
    for group in groups {
      // One tbody per group, so that print keeps a term's lines on one page.
      let body = table.element("tbody")
      for (index, line) in group.lines.enumerated() {
        let row = body.element("tr")
        if index == 0 {
          let label = row.element("th", class: "label", text: group.label)
          label.setAttribute("scope", "rowgroup")
          label.setAttribute("rowspan", String(group.lines.count))
          if let detail = group.detail { label.element("span", class: "detail", text: detail) }
          // On screen the latest line shows, the others behind this (the style sheet hides
          // them while it is closed): at 1 GB the lines were three quarters of the page.
          if group.lines.count > 1 {
            label.element("details", class: "more-lines").element(
              "summary", text: plural(group.lines.count - 1, "more line", "more lines"))
          }
        }
        let cell = row.element("td", class: "line")
        for segment in line.segments {
          if segment.isHit {
            cell.element("b", class: "hit", text: segment.text)
          } else if !segment.text.isEmpty {
            cell.addText(segment.text)
          }
        }
        let source = row.element("td", class: "source")
        source.element("span", class: "path").addPath(line.path)
        source.element(
          "span", class: "date", text: line.date + ", character " + String(line.offset))
      }
    }
  }

  /// The evidence of one comparison's rising and falling terms.
  static func trendEvidence(_ comparison: TrendComparison, into parent: XMLElement) {
    trendEvidence(
      comparison.rising, comparison.falling, of: comparison,
      caption: "Where these terms were used: the latest articles of the year each was "
        + "more frequent in",
      labelHeading: "Term", into: parent)
  }

  /// The evidence of one comparison's rising and falling organizations.
  static func organizationEvidence(_ comparison: TrendComparison, into parent: XMLElement) {
    trendEvidence(
      comparison.risingOrganizations, comparison.fallingOrganizations, of: comparison,
      caption: "Where these organizations were named: the latest articles of the year each was "
        + "mentioned more in",
      labelHeading: "Organization", into: parent)
  }

  /// The lines of a comparison's `rising` and `falling` rows, each labelled with the year its
  /// lines come from.
  private static func trendEvidence<Row: TrendRow>(
    _ rising: [Row], _ falling: [Row], of comparison: TrendComparison, caption: String,
    labelHeading: String, into parent: XMLElement
  ) {
    let rising = rising.map {
      EvidenceGroup(
        label: $0.label, detail: "rising, " + String(comparison.year), lines: $0.evidence)
    }
    let falling = falling.map {
      EvidenceGroup(
        label: $0.label,
        detail: "falling, from " + String($0.referencePeak ?? comparison.reference),
        lines: $0.evidence)
    }
    evidenceTable(rising + falling, caption: caption, labelHeading: labelHeading, into: parent)
  }

  /// The evidence of the pairs shown.
  static func pairEvidence(_ pairs: ArraySlice<PairEntry>, into parent: XMLElement) {
    evidenceTable(
      pairs.map {
        // The second name under the first: a name may hold "&" itself.
        EvidenceGroup(label: $0.aName, detail: "and " + $0.bName, lines: $0.evidence)
      },
      caption: "Where they were named together: the latest articles naming both",
      labelHeading: "Pair", into: parent)
  }
}
