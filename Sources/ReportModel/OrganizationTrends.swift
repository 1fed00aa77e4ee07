public import Analysis

/// An organization mentioned relatively more (rising) or less (falling) in a year than in the
/// year or years it is compared with: the keyness of its mentions against each side's word
/// tokens, as a term's (``TrendTerm``).
public struct OrganizationTrend: Sendable, Equatable {
  /// The canonical id (``OrganizationEntry/id``).
  public var id: String
  /// The display name.
  public var name: String
  /// Rising or falling.
  public var direction: TrendTerm.Direction
  /// Mentions in the year.
  public var count: Int
  /// Mentions in the reference (all its years).
  public var referenceCount: Int
  /// Dunning's log-likelihood G².
  public var logLikelihood: Double
  /// Hardie's log ratio (binary log of the ratio of relative frequencies; 0.5 for a zero).
  public var logRatio: Double
  /// Of a reference of several years pooled, the one that mentioned it most (the later of
  /// equals): where a falling organization's lines come from. Nil for a reference of one year,
  /// and for an organization the reference does not mention.
  public var referencePeak: Int?
  /// The latest documents naming it in the year its lines come from (the year it rose in, or
  /// the reference year it fell from; see ``EvidencePolicy``).
  public var latest: LatestDocuments
  /// Lines where it was named (see ``EvidencePolicy``); empty for comparisons not shown.
  public var evidence: [Evidence]

  /// Whether chance alone would give a change this large less than one time in twenty
  /// (``TrendTerm/significantLogLikelihood``).
  public var isSignificant: Bool { logLikelihood >= TrendTerm.significantLogLikelihood }

  /// Creates an organization's trend.
  public init(
    id: String, name: String, direction: TrendTerm.Direction, count: Int, referenceCount: Int,
    logLikelihood: Double, logRatio: Double, referencePeak: Int? = nil,
    latest: LatestDocuments = LatestDocuments(), evidence: [Evidence] = []
  ) {
    self.id = id
    self.name = name
    self.direction = direction
    self.count = count
    self.referenceCount = referenceCount
    self.logLikelihood = logLikelihood
    self.logRatio = logRatio
    self.referencePeak = referencePeak
    self.latest = latest
    self.evidence = evidence
  }
}

/// Which organizations rose and fell between a year and its reference, from every
/// organization's mentions per year (not only those the report lists: one that rose from
/// nothing is seldom among the most mentioned overall).
enum OrganizationTrends {
  /// How many rising and how many falling organizations each comparison lists at most.
  static let limit = Report.organizationTrendsListed

  /// The organizations of `tallies` whose rate of mentions in `year` differs from that in the
  /// years `references` taken together, the `limit` with the largest G² each way (ties: id in
  /// byte order), `tokens` giving each year's word tokens.
  static func compare(
    year: Int, references: [Int], tallies: [String: OrganizationTally], tokens: [Int: Int],
    limit: Int = limit
  ) -> (rising: [OrganizationTrend], falling: [OrganizationTrend]) {
    let yearTokens = tokens[year] ?? 0
    let referenceTokens = references.reduce(0) { $0 + (tokens[$1] ?? 0) }
    guard yearTokens > 0, referenceTokens > 0, limit > 0 else { return ([], []) }
    var rising: [(g2: Double, id: String, count: Int, referenceCount: Int)] = []
    var falling = rising
    for (id, tally) in tallies {
      let count = tally.years[year]?.count ?? 0
      let referenceCount = references.reduce(0) { $0 + (tally.years[$1]?.count ?? 0) }
      // Equal rates, or no mention on either side, are neither rising nor falling.
      let here = Double(count) * Double(referenceTokens)
      let there = Double(referenceCount) * Double(yearTokens)
      guard here != there else { continue }
      let g2 = Keyness.logLikelihood(
        count: count, tokens: yearTokens, referenceCount: referenceCount,
        referenceTokens: referenceTokens)
      if here > there {
        rising.append((g2, id, count, referenceCount))
      } else {
        falling.append((g2, id, count, referenceCount))
      }
    }
    func strongest(
      _ found: [(g2: Double, id: String, count: Int, referenceCount: Int)],
      _ direction: TrendTerm.Direction
    ) -> [OrganizationTrend] {
      found.sorted { $0.g2 != $1.g2 ? $0.g2 > $1.g2 : $0.id.precedesInByteOrder($1.id) }
        .prefix(limit).map { found in
          OrganizationTrend(
            id: found.id, name: tallies[found.id]!.name, direction: direction,
            count: found.count, referenceCount: found.referenceCount, logLikelihood: found.g2,
            logRatio: Keyness.logRatio(
              count: found.count, tokens: yearTokens, referenceCount: found.referenceCount,
              referenceTokens: referenceTokens),
            referencePeak: references.count > 1 && found.referenceCount > 0
              ? peak(tallies[found.id]!, references) : nil)
        }
    }
    return (strongest(rising, .rising), strongest(falling, .falling))
  }

  /// Of `years`, the one in which `tally` has the most mentions (the later of equals).
  private static func peak(_ tally: OrganizationTally, _ years: [Int]) -> Int? {
    years.max { a, b in
      let (first, second) = (tally.years[a]?.count ?? 0, tally.years[b]?.count ?? 0)
      return first != second ? first < second : a < b
    }
  }

  /// The organizations of `lists` whose latest documents are wanted, by the year their lines
  /// come from (``EvidencePolicy/linesYear(of:year:reference:)``).
  static func wanted(
    _ lists: (rising: [OrganizationTrend], falling: [OrganizationTrend]), year: Int,
    reference: Int
  ) -> [Int: Set<String>] {
    var wanted: [Int: Set<String>] = [:]
    for trend in lists.rising + lists.falling {
      wanted[EvidencePolicy.linesYear(of: trend, year: year, reference: reference), default: []]
        .insert(trend.id)
    }
    return wanted
  }

  /// `lists` with the latest documents of each organization in the year its lines come from
  /// (``EvidencePolicy/linesYear(of:year:reference:)``), taken from `latest` (documents by year,
  /// then organization).
  static func locating(
    _ lists: (rising: [OrganizationTrend], falling: [OrganizationTrend]), year: Int,
    reference: Int, in latest: [Int: [String: LatestDocuments]]
  ) -> (rising: [OrganizationTrend], falling: [OrganizationTrend]) {
    func located(_ trends: [OrganizationTrend]) -> [OrganizationTrend] {
      trends.map { trend in
        var trend = trend
        let linesYear = EvidencePolicy.linesYear(of: trend, year: year, reference: reference)
        trend.latest = latest[linesYear]?[trend.id] ?? LatestDocuments()
        return trend
      }
    }
    return (located(lists.rising), located(lists.falling))
  }
}

extension TrendComparison {
  /// Takes its organizations' trends from `lists`, by its year and its reference's years.
  mutating func attach(_ lists: ReportBuilder.OrganizationTrendLists) {
    guard let found = lists[[year] + referenceYears] else { return }
    (risingOrganizations, fallingOrganizations) = found
  }
}
