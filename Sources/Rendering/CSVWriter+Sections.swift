import ReportModel

/// The rows of each exported section, mapped one to one from the model.
extension CSVWriter {
  static func table(_ section: String, for report: Report) -> Table {
    let years = report.years.map(\.year)
    switch section {
    case "years": return yearsTable(report)
    case "terms": return termsTable(report, years: years)
    case "organizations": return organizationsTable(report, years: years)
    case "cooccurrences": return cooccurrencesTable(report, years: years)
    case "trends": return trendsTable(report)
    case "organizationTrends": return organizationTrendsTable(report)
    case "rejected": return rejectedTable(report)
    case "duplicates": return duplicatesTable(report)
    case "followed": return followedTable(report, years: years)
    default: preconditionFailure("no CSV export for section '\(section)'")
    }
  }

  /// A count for each corpus year, zero for a year the entry does not list.
  private static func perYear(_ counts: [(year: Int, count: Int)], years: [Int]) -> [Cell] {
    var byYear: [Int: Int] = [:]
    for entry in counts { byYear[entry.year, default: 0] += entry.count }
    return years.map { .int(byYear[$0] ?? 0) }
  }

  private static func yearsTable(_ report: Report) -> Table {
    var table = Table(header: [
      "year", "documents", "tokens", "types", "organizationMentions", "smallBase",
    ])
    for year in report.years {
      table.rows.append([
        .int(year.year), .int(year.documents), .int(year.tokens), .int(year.types),
        .int(year.organizationMentions), .flag(year.isSmallBase),
      ])
    }
    return table
  }

  /// The terms followed, in the order asked, with their counts per year (zeros for a term
  /// never found).
  private static func followedTable(_ report: Report, years: [Int]) -> Table {
    var table = Table(
      header: ["n", "term", "count", "documents", "per10k"] + years.map(String.init))
    for term in report.followedTerms {
      table.rows.append(
        [
          .int(term.n), .text(term.text), .int(term.count), .int(term.documents),
          .decimal(term.perTenThousand),
        ] + perYear(term.years.map { ($0.year, $0.count) }, years: years))
    }
    return table
  }

  /// Unigrams then bigrams, each ranked from 1 as in the report's tables.
  private static func termsTable(_ report: Report, years: [Int]) -> Table {
    var table = Table(
      header: ["rank", "n", "term", "count", "documents", "per10k"] + years.map(String.init))
    for terms in [report.unigrams, report.bigrams] {
      for (index, term) in terms.enumerated() {
        table.rows.append(
          [
            .int(index + 1), .int(term.n), .text(term.text), .int(term.count),
            .int(term.documents), .decimal(term.perTenThousand),
          ] + perYear(term.years.map { ($0.year, $0.count) }, years: years))
      }
    }
    return table
  }

  private static func organizationsTable(_ report: Report, years: [Int]) -> Table {
    var table = Table(
      header: ["id", "name", "registered", "count", "documents", "aliases"]
        + years.map(String.init))
    for organization in report.organizations {
      table.rows.append(
        [
          .text(organization.id), .text(organization.name), .flag(organization.registered),
          .int(organization.count), .int(organization.documents),
          .text(organization.aliases.map(\.text).joined(separator: " | ")),
        ] + perYear(organization.years.map { ($0.year, $0.count) }, years: years))
    }
    return table
  }

  /// Per-year columns give the documents naming both organizations that year.
  private static func cooccurrencesTable(_ report: Report, years: [Int]) -> Table {
    var table = Table(
      header: ["a", "b", "aName", "bName", "documents", "npmi", "logLikelihood"]
        + years.map(String.init))
    for pair in report.cooccurrences {
      table.rows.append(
        [
          .text(pair.a), .text(pair.b), .text(pair.aName), .text(pair.bName),
          .int(pair.documents), .decimal(pair.npmi), .decimal(pair.logLikelihood),
        ] + perYear(pair.years.map { ($0.year, $0.documents) }, years: years))
    }
    return table
  }

  /// Each comparison's rising terms, then its falling terms: the comparisons of consecutive
  /// years, then those chosen with `--compare` (`chosen` true). A reference runs from
  /// `reference` to `referenceThrough` (the same year but for a span pooled, whose
  /// `referencePeak` is the year of it that used the term most).
  private static func trendsTable(_ report: Report) -> Table {
    var table = Table(header: [
      "year", "reference", "direction", "term", "n", "count", "referenceCount", "logLikelihood",
      "logRatio", "chosen", "referenceThrough", "referencePeak",
    ])
    let comparisons =
      report.trends.map { ($0, false) } + report.chosenComparisons.map { ($0, true) }
    for (comparison, chosen) in comparisons {
      for term in comparison.rising + comparison.falling {
        table.rows.append([
          .int(comparison.year), .int(comparison.reference), .text(term.direction.rawValue),
          .text(term.text), .int(term.n), .int(term.count), .int(term.referenceCount),
          .decimal(term.logLikelihood), .decimal(term.logRatio), .flag(chosen),
          .int(comparison.referenceYears.last ?? comparison.reference),
          term.referencePeak.map { .int($0) } ?? .text(""),
        ])
      }
    }
    return table
  }

  /// Each comparison's rising organizations, then its falling ones, in the order of
  /// ``trendsTable(_:)``'s comparisons.
  private static func organizationTrendsTable(_ report: Report) -> Table {
    var table = Table(header: [
      "year", "reference", "direction", "id", "name", "count", "referenceCount", "logLikelihood",
      "logRatio", "chosen", "referenceThrough",
    ])
    let comparisons =
      report.trends.map { ($0, false) } + report.chosenComparisons.map { ($0, true) }
    for (comparison, chosen) in comparisons {
      for organization in comparison.risingOrganizations + comparison.fallingOrganizations {
        table.rows.append([
          .int(comparison.year), .int(comparison.reference),
          .text(organization.direction.rawValue), .text(organization.id),
          .text(organization.name), .int(organization.count),
          .int(organization.referenceCount), .decimal(organization.logLikelihood),
          .decimal(organization.logRatio), .flag(chosen),
          .int(comparison.referenceYears.last ?? comparison.reference),
        ])
      }
    }
    return table
  }

  private static func rejectedTable(_ report: Report) -> Table {
    var table = Table(header: ["path", "reason"])
    for file in report.rejected { table.rows.append([.text(file.path), .text(file.reason)]) }
    return table
  }

  private static func duplicatesTable(_ report: Report) -> Table {
    var table = Table(header: ["path", "original"])
    for file in report.duplicates { table.rows.append([.text(file.path), .text(file.original)]) }
    return table
  }
}
