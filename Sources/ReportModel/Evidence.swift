public import Analysis

/// A keyword-in-context line that backs a figure: where a trend term was used, or where two
/// organizations were named together.
public struct Evidence: Sendable, Equatable {
  /// The file's path relative to the corpus folder.
  public var path: String
  /// The article date, `YYYY-MM-DD`.
  public var date: String
  /// Characters (Unicode scalars) of the article text, after the date header, before the first
  /// hit.
  public var offset: Int
  /// The line: context and hits alternating, starting and ending with context.
  public var segments: [KeywordInContext.Segment]

  /// Creates a piece of evidence.
  public init(path: String, date: String, offset: Int, segments: [KeywordInContext.Segment]) {
    self.path = path
    self.date = date
    self.offset = offset
    self.segments = segments
  }
}

/// Which figures get evidence, and how much: the ones the HTML page shows, so that the page
/// and the XML carry the same lines.
///
/// The lines for a target come from the most recent documents that contain it (latest date
/// first, then path in byte order), one line per document, at the target's first place in it.
/// A rising term's lines come from the year it rose in, a falling term's from the reference
/// year it fell from (of a span of years pooled, the one that used it most); a pair's from any
/// year. A term followed with `--term` is quoted from the latest year that uses it, as a term
/// that rose in that year would be. An organization that rose or fell is quoted likewise, from
/// the latest documents of that year naming it, which counting keeps
/// (``Analysis/LatestDocuments``: of one date, by the digest of their text rather than their
/// path), so that only those are read again.
public enum EvidencePolicy {
  /// Lines per term, organization or pair, at most.
  public static let linesPerTarget = 3
  /// Pairs listed on the page (and given evidence): those named together in the most documents.
  public static let pairsShown = 40
  /// Year-over-year comparisons listed on the page (and given evidence): the most recent.
  public static let comparisonsShown = 5

  /// The comparisons of consecutive years whose terms are given lines, as indices of
  /// `report.trends`: the most recent ``comparisonsShown``. The one place that says so, for the
  /// targets and for attaching the lines alike.
  static func trendsWithEvidence(_ report: Report) -> Range<Int> {
    report.trends.indices.suffix(comparisonsShown)
  }

  /// The comparisons whose terms are given lines: those the user chose, then the most recent
  /// ``comparisonsShown`` of consecutive years.
  static func comparisonsWithEvidence(_ report: Report) -> [TrendComparison] {
    report.chosenComparisons + report.trends[trendsWithEvidence(report)]
  }

  /// The targets of `report`: the terms followed, every rising and falling term and
  /// organization of the comparisons shown (chosen, then of consecutive years), then the pairs
  /// shown.
  public static func targets(of report: Report) -> [EvidenceFinder.Target] {
    var targets: [EvidenceFinder.Target] = []
    var seen = Set<EvidenceFinder.Target>()
    for term in report.followedTerms {
      guard let target = target(ofFollowed: term) else { continue }
      if seen.insert(target).inserted { targets.append(target) }
    }
    for comparison in comparisonsWithEvidence(report) {
      for term in comparison.rising + comparison.falling {
        let target = target(of: term, in: comparison)
        if seen.insert(target).inserted { targets.append(target) }
      }
      for organization in comparison.risingOrganizations + comparison.fallingOrganizations {
        let target = target(of: organization, in: comparison)
        if seen.insert(target).inserted { targets.append(target) }
      }
    }
    for pair in report.cooccurrences.prefix(pairsShown) {
      targets.append(.pair(a: pair.a, b: pair.b))
    }
    return targets
  }

  /// The target of a trend term: the term in the year where it is relatively more frequent (of
  /// a pooled reference, the year of it that used the term most).
  public static func target(of term: TrendTerm, in comparison: TrendComparison)
    -> EvidenceFinder.Target
  {
    .term(
      text: term.text, n: term.n,
      year: term.direction == .rising
        ? comparison.year : term.referencePeak ?? comparison.reference)
  }

  /// The target of a term followed with `--term`: the term in the latest year that uses it;
  /// nil when no year does.
  public static func target(ofFollowed term: TermEntry) -> EvidenceFinder.Target? {
    term.latestYear.map { .term(text: term.text, n: term.n, year: $0) }
  }

  /// The year whose documents quote an organization's trend: the year it rose in, or the
  /// reference year it fell from (of a span of years pooled, the one that mentioned it most),
  /// `year` and `reference` being the comparison's.
  static func linesYear(of trend: OrganizationTrend, year: Int, reference: Int) -> Int {
    trend.direction == .rising ? year : trend.referencePeak ?? reference
  }

  /// The target of an organization's trend: the organization in the year its lines come from
  /// (``linesYear(of:year:reference:)``).
  public static func target(of trend: OrganizationTrend, in comparison: TrendComparison)
    -> EvidenceFinder.Target
  {
    .organization(
      id: trend.id,
      year: linesYear(of: trend, year: comparison.year, reference: comparison.reference))
  }

  /// The documents where each organization target of `report` is to be found: the latest
  /// naming it in its year, latest first, a copy counted in place of its original named by the
  /// original's path (the copy is not read for lines).
  public static func documents(of report: Report) -> [EvidenceFinder.Target: [String]] {
    let originals = Dictionary(
      report.duplicates.map { ($0.path, $0.original) }, uniquingKeysWith: { first, _ in first })
    var documents: [EvidenceFinder.Target: [String]] = [:]
    for comparison in comparisonsWithEvidence(report) {
      for trend in comparison.risingOrganizations + comparison.fallingOrganizations {
        documents[target(of: trend, in: comparison)] = trend.latest.documents.map {
          originals[$0.path] ?? $0.path
        }
      }
    }
    return documents
  }

  /// The targets of `report` (``targets(of:)``) that `evidence` has no lines for, as
  /// `almanac report` finds them: it shows the lines the last run read, and a term of a
  /// comparison chosen since has none until a run reads them.
  public static func targetsWithoutLines(
    of report: Report, in evidence: [EvidenceFinder.Target: [Evidence]]
  ) -> [EvidenceFinder.Target] {
    targets(of: report).filter { evidence[$0] == nil }
  }

  /// `report` with the lines of `evidence` attached to the terms and pairs they back.
  public static func attach(_ evidence: [EvidenceFinder.Target: [Evidence]], to report: Report)
    -> Report
  {
    var report = report
    func attach(to comparison: inout TrendComparison) {
      let terms = comparison
      for term in comparison.rising.indices {
        comparison.rising[term].evidence =
          evidence[target(of: terms.rising[term], in: terms)] ?? []
      }
      for term in comparison.falling.indices {
        comparison.falling[term].evidence =
          evidence[target(of: terms.falling[term], in: terms)] ?? []
      }
      for index in comparison.risingOrganizations.indices {
        comparison.risingOrganizations[index].evidence =
          evidence[target(of: terms.risingOrganizations[index], in: terms)] ?? []
      }
      for index in comparison.fallingOrganizations.indices {
        comparison.fallingOrganizations[index].evidence =
          evidence[target(of: terms.fallingOrganizations[index], in: terms)] ?? []
      }
    }
    // Only the comparisons shown: an older one may share a term and year with one shown, but
    // the page does not show its lines, so the XML does not either.
    for index in trendsWithEvidence(report) { attach(to: &report.trends[index]) }
    for index in report.chosenComparisons.indices { attach(to: &report.chosenComparisons[index]) }
    for index in report.followedTerms.indices {
      report.followedTerms[index].evidence =
        target(ofFollowed: report.followedTerms[index]).flatMap { evidence[$0] } ?? []
    }
    for index in report.cooccurrences.indices {
      let pair = report.cooccurrences[index]
      report.cooccurrences[index].evidence = evidence[.pair(a: pair.a, b: pair.b)] ?? []
    }
    return report
  }
}
