/// A unigram or bigram with its counts overall and per year.
public struct TermEntry: Sendable, Equatable {
  /// The term, case-folded; a bigram's two words are separated by one space.
  public var text: String
  /// 1 for a unigram, 2 for a bigram.
  public var n: Int
  /// Occurrences in the corpus.
  public var count: Int
  /// Documents containing the term.
  public var documents: Int
  /// Occurrences per 10,000 tokens of the whole corpus.
  public var perTenThousand: Double
  /// One entry per year of the corpus (zero counts included), oldest first.
  public var years: [TermYear]
  /// Lines where a followed term was used (see ``EvidencePolicy``); empty for the top terms.
  public var evidence: [Evidence]

  /// Creates a term entry.
  public init(
    text: String, n: Int, count: Int, documents: Int, perTenThousand: Double, years: [TermYear],
    evidence: [Evidence] = []
  ) {
    self.text = text
    self.n = n
    self.count = count
    self.documents = documents
    self.perTenThousand = perTenThousand
    self.years = years
    self.evidence = evidence
  }

  /// The latest year that uses the term, or nil when none does.
  public var latestYear: Int? {
    years.last { $0.count > 0 }?.year
  }
}

/// A term's figures in one year.
public struct TermYear: Sendable, Equatable {
  /// The calendar year.
  public var year: Int
  /// Occurrences that year.
  public var count: Int
  /// Documents that year containing the term.
  public var documents: Int
  /// Occurrences per 10,000 tokens of that year.
  public var perTenThousand: Double

  /// Creates a term-year entry.
  public init(year: Int, count: Int, documents: Int, perTenThousand: Double) {
    self.year = year
    self.count = count
    self.documents = documents
    self.perTenThousand = perTenThousand
  }
}

/// Year-over-year keyness: one year against the previous year with data, or against years
/// chosen with `--compare`.
public struct TrendComparison: Sendable, Equatable {
  /// The year being described.
  public var year: Int
  /// The reference year (the previous year with data), or the first of the years pooled as the
  /// reference; setting it makes that year the reference.
  public var reference: Int {
    get { referenceYears.first ?? year }
    set { referenceYears = [newValue] }
  }
  /// The years whose terms make the reference, ascending: ``reference`` alone, or the years
  /// with documents of a span chosen with `--compare 2025:2015-2024` other than ``year``.
  public var referenceYears: [Int]
  /// Tokens in `year`.
  public var tokens: Int
  /// Tokens in the reference (all its years).
  public var referenceTokens: Int
  /// Terms used relatively more than in the reference, strongest G² first.
  public var rising: [TrendTerm]
  /// Terms used relatively less than in the reference, strongest G² first.
  public var falling: [TrendTerm]
  /// Organizations mentioned relatively more than in the reference, strongest G² first
  /// (``OrganizationTrends``: worked out for every report, not kept with the terms).
  public var risingOrganizations: [OrganizationTrend] = []
  /// Organizations mentioned relatively less than in the reference, strongest G² first.
  public var fallingOrganizations: [OrganizationTrend] = []

  /// Creates a comparison with the year `reference`.
  public init(
    year: Int, reference: Int, tokens: Int, referenceTokens: Int, rising: [TrendTerm],
    falling: [TrendTerm]
  ) {
    self.init(
      year: year, referenceYears: [reference], tokens: tokens, referenceTokens: referenceTokens,
      rising: rising, falling: falling)
  }

  /// Creates a comparison with the years `referenceYears` pooled (ascending, at least one).
  public init(
    year: Int, referenceYears: [Int], tokens: Int, referenceTokens: Int, rising: [TrendTerm],
    falling: [TrendTerm]
  ) {
    self.year = year
    self.referenceYears = referenceYears
    self.tokens = tokens
    self.referenceTokens = referenceTokens
    self.rising = rising
    self.falling = falling
  }

  /// The reference as a reader sees it: `2019`; or the first and last years pooled,
  /// `2000–2024`, with `other than 2010` when ``year`` lies between them.
  public var referenceText: String {
    ChosenComparison.referenceText(reference...(referenceYears.last ?? reference), year: year)
  }

  /// The first and last years of the reference, `2019` or `2000–2024`: a column's heading.
  public var referenceSpan: String {
    ChosenComparison.span(reference...(referenceYears.last ?? reference), separator: "–")
  }

  /// The comparison without its terms' evidence lines: what comparing the two years gives.
  public var withoutEvidence: TrendComparison {
    var comparison = self
    for index in comparison.rising.indices { comparison.rising[index].evidence = [] }
    for index in comparison.falling.indices { comparison.falling[index].evidence = [] }
    return comparison
  }
}

/// One term's keyness in a comparison.
public struct TrendTerm: Sendable, Equatable {
  /// Whether the term rose or fell.
  public enum Direction: String, Sendable { case rising, falling }

  /// The term, case-folded.
  public var text: String
  /// 1 for a unigram, 2 for a bigram.
  public var n: Int
  /// Rising or falling.
  public var direction: Direction
  /// Occurrences in the year.
  public var count: Int
  /// Occurrences in the reference year.
  public var referenceCount: Int
  /// Dunning's log-likelihood G².
  public var logLikelihood: Double
  /// Hardie's log ratio (binary log of the ratio of relative frequencies; 0.5 for a zero).
  public var logRatio: Double
  /// Lines where the term was used (see ``EvidencePolicy``); empty for comparisons not shown.
  public var evidence: [Evidence]
  /// Of a reference of several years pooled, the one that used the term most (the later of
  /// equals): where a falling term's lines come from. Nil for a reference of one year, and for
  /// a term the reference does not use.
  public var referencePeak: Int?

  /// The G² a change must reach to be significant at p < 0.05 (χ² with one degree of freedom):
  /// a list of the most significant changes of two small years holds weaker ones too.
  public static let significantLogLikelihood = 3.841

  /// Whether chance alone would give a change this large less than one time in twenty.
  public var isSignificant: Bool { logLikelihood >= Self.significantLogLikelihood }

  /// Creates a trend term.
  public init(
    text: String, n: Int, direction: Direction, count: Int, referenceCount: Int,
    logLikelihood: Double, logRatio: Double, evidence: [Evidence] = [], referencePeak: Int? = nil
  ) {
    self.text = text
    self.n = n
    self.direction = direction
    self.count = count
    self.referenceCount = referenceCount
    self.logLikelihood = logLikelihood
    self.logRatio = logRatio
    self.evidence = evidence
    self.referencePeak = referencePeak
  }
}
