import LibXML
import ReportModel

/// The comparisons of years: those of consecutive years (`trends`) and those chosen
/// (`chosenComparisons`), each with its rising and falling terms and organizations and their lines.
extension XMLReportWriter {
  static func addTrends(_ comparisons: [TrendComparison], to root: XMLElement) {
    let section = root.addElement("trends")
    for comparison in comparisons { addComparison(comparison, to: section) }
  }

  /// The comparisons chosen with `--compare`, then those left out; nothing when none was asked.
  static func addChosenComparisons(
    _ comparisons: [TrendComparison], leftOut: [ChosenComparison], to root: XMLElement
  ) {
    guard !comparisons.isEmpty || !leftOut.isEmpty else { return }
    let section = root.addElement("chosenComparisons")
    for comparison in comparisons {
      let element = addComparison(comparison, to: section)
      element.setAttribute("referenceThrough", String(comparison.referenceYears.last!))
    }
    for asked in leftOut {
      section.addElement(
        "leftOut",
        attributes: [
          "year": String(asked.year), "reference": String(asked.references.lowerBound),
          "referenceThrough": String(asked.references.upperBound),
        ])
    }
  }

  /// One comparison of two years (or a year and a span): its rising terms, then its falling
  /// terms, then its rising and its falling organizations.
  @discardableResult
  static func addComparison(_ comparison: TrendComparison, to section: XMLElement) -> XMLElement {
    let element = section.addElement(
      "comparison",
      attributes: [
        "year": String(comparison.year),
        "reference": String(comparison.reference),
        "tokens": String(comparison.tokens),
        "referenceTokens": String(comparison.referenceTokens),
      ])
    for term in comparison.rising + comparison.falling {
      let termElement = element.addElement(
        "term",
        attributes: [
          "text": term.text,
          "n": String(term.n),
          "direction": term.direction.rawValue,
          "count": String(term.count),
          "referenceCount": String(term.referenceCount),
          "logLikelihood": decimal(term.logLikelihood),
          "logRatio": decimal(term.logRatio),
        ])
      if let peak = term.referencePeak { termElement.setAttribute("referencePeak", String(peak)) }
      addEvidence(term.evidence, to: termElement)
    }
    for organization in comparison.risingOrganizations + comparison.fallingOrganizations {
      let organizationElement = element.addElement(
        "organization",
        attributes: [
          "id": organization.id,
          "name": organization.name,
          "direction": organization.direction.rawValue,
          "count": String(organization.count),
          "referenceCount": String(organization.referenceCount),
          "logLikelihood": decimal(organization.logLikelihood),
          "logRatio": decimal(organization.logRatio),
        ])
      if let peak = organization.referencePeak {
        organizationElement.setAttribute("referencePeak", String(peak))
      }
      addEvidence(organization.evidence, to: organizationElement)
    }
    return element
  }
}
