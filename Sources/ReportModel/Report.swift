/// The finished report: every figure both writers show, already computed, sorted and bounded.
///
/// Writers turn a `Report` into XML or HTML and compute nothing themselves; everything a
/// reader sees is here.
public struct Report: Sendable, Equatable {
  /// Version of the report's XML schema.
  public var schemaVersion: String
  /// When the report was generated, ISO 8601 in UTC (`2026-11-23T00:30:00Z`).
  public var generatedAt: String
  /// The tool and its version, e.g. `almanac 0.1.0`.
  public var tool: String
  /// What produced the figures (versions, settings, registry).
  public var provenance: Provenance
  /// The corpus as a whole.
  public var corpus: CorpusSummary
  /// One entry per year that has accepted documents, oldest first.
  public var years: [YearSummary]
  /// The most frequent unigrams, bounded by `--top`.
  public var unigrams: [TermEntry]
  /// The most frequent bigrams, bounded by `--top`.
  public var bigrams: [TermEntry]
  /// The terms the user follows (``ReportSettings/followedTerms``), in the order asked, each
  /// with its figures in every year (all zero for a term never counted).
  public var followedTerms: [TermEntry] = []
  /// The organizations listed, most mentions first: the `--top-organizations` mentioned most,
  /// every registered one and every one in a listed pair.
  public var organizations: [OrganizationEntry]
  /// How many organizations were found in all, registered and discovered, when
  /// ``organizations`` may be cut short (nil: the list is complete, as in reports made before
  /// the bound existed).
  public var organizationsCounted: Int?
  /// The pairs of organizations named in the same document, the most documents first, bounded
  /// by `--pairs`.
  public var cooccurrences: [PairEntry]
  /// How many pairs were counted in all, when ``cooccurrences`` may be cut short (nil: the list
  /// is complete, as in reports made before the bound existed).
  public var pairsCounted: Int?
  /// One comparison per year that has a previous year with data.
  public var trends: [TrendComparison]
  /// The comparisons the user chose (``ReportSettings/comparisons``) whose two years have
  /// data, in the order asked.
  public var chosenComparisons: [TrendComparison] = []
  /// The comparisons the user chose that are left out, a year of theirs having no documents.
  public var leftOutComparisons: [ChosenComparison] = []
  /// Files that were not analysed, with the reason.
  public var rejected: [RejectedFile]
  /// Files accepted but not counted, each holding the same bytes as a file that was, in byte
  /// order of their paths (``listing(duplicates:)``).
  public var duplicates: [DuplicateFile] = []
  /// What changed since the previous run; nil when the run keeps no state.
  public var sinceLastRun: SinceLastRun?
  /// The CSV files published beside the reports; filled in by the publishing step.
  public var exports: [ExportFile]

  /// Creates a report.
  public init(
    schemaVersion: String, generatedAt: String, tool: String, provenance: Provenance,
    corpus: CorpusSummary, years: [YearSummary], unigrams: [TermEntry], bigrams: [TermEntry],
    organizations: [OrganizationEntry], cooccurrences: [PairEntry], trends: [TrendComparison],
    rejected: [RejectedFile], sinceLastRun: SinceLastRun? = nil, exports: [ExportFile] = [],
    pairsCounted: Int? = nil, organizationsCounted: Int? = nil
  ) {
    self.pairsCounted = pairsCounted
    self.organizationsCounted = organizationsCounted
    self.schemaVersion = schemaVersion
    self.generatedAt = generatedAt
    self.tool = tool
    self.provenance = provenance
    self.corpus = corpus
    self.years = years
    self.unigrams = unigrams
    self.bigrams = bigrams
    self.organizations = organizations
    self.cooccurrences = cooccurrences
    self.trends = trends
    self.rejected = rejected
    self.sinceLastRun = sinceLastRun
    self.exports = exports
  }
}

/// The settings and versions that determine the figures, so a reader can reproduce them.
public struct Provenance: Sendable, Equatable {
  /// Version of the tokenizer rules.
  public var tokenizerVersion: String
  /// Version of the organization registry (built-in plus any user file).
  public var registryVersion: String
  /// Where the stopwords came from, e.g. `built-in en+ru (571 words)`.
  public var stopwords: String
  /// How many unigrams and bigrams are listed at most.
  public var top: Int
  /// How many rising and falling terms each comparison lists at most.
  public var trendTerms: Int
  /// How many pairs of organizations are listed at most (nil: no bound).
  public var pairs: Int?
  /// How many organizations are listed by mentions, besides the registered ones and those in a
  /// listed pair (nil: every organization is listed).
  public var topOrganizations: Int?

  /// Creates provenance.
  public init(
    tokenizerVersion: String, registryVersion: String, stopwords: String, top: Int,
    trendTerms: Int, pairs: Int? = nil, topOrganizations: Int? = nil
  ) {
    self.pairs = pairs
    self.topOrganizations = topOrganizations
    self.tokenizerVersion = tokenizerVersion
    self.registryVersion = registryVersion
    self.stopwords = stopwords
    self.top = top
    self.trendTerms = trendTerms
  }
}

/// The corpus as a whole.
public struct CorpusSummary: Sendable, Equatable {
  /// The corpus folder as given on the command line.
  public var path: String
  /// Accepted documents.
  public var documents: Int
  /// Rejected files.
  public var rejected: Int
  /// Files accepted but not counted, as copies of others (``Report/duplicates``); not among
  /// ``documents``.
  public var duplicates = 0
  /// Word tokens in accepted documents (stopwords included, pure numbers excluded).
  public var tokens: Int
  /// Earliest article date, `YYYY-MM-DD`, or nil without accepted documents.
  public var firstDate: String?
  /// Latest article date, `YYYY-MM-DD`, or nil without accepted documents.
  public var lastDate: String?
  /// Accepted documents in which invalid UTF-8 was replaced by U+FFFD.
  public var repairedDocuments: Int

  /// Creates a corpus summary.
  public init(
    path: String, documents: Int, rejected: Int, tokens: Int, firstDate: String?,
    lastDate: String?, repairedDocuments: Int
  ) {
    self.path = path
    self.documents = documents
    self.rejected = rejected
    self.tokens = tokens
    self.firstDate = firstDate
    self.lastDate = lastDate
    self.repairedDocuments = repairedDocuments
  }
}

/// Totals for one year.
public struct YearSummary: Sendable, Equatable {
  /// The calendar year.
  public var year: Int
  /// Accepted documents dated in this year.
  public var documents: Int
  /// Word tokens in those documents.
  public var tokens: Int
  /// Distinct terms (unigram types, stopwords excluded).
  public var types: Int
  /// Organization mentions (registered and discovered).
  public var organizationMentions: Int

  /// Creates a year summary.
  public init(year: Int, documents: Int, tokens: Int, types: Int, organizationMentions: Int) {
    self.year = year
    self.documents = documents
    self.tokens = tokens
    self.types = types
    self.organizationMentions = organizationMentions
  }
}

extension Report {
  /// Fewer word tokens than this in a year, or in the whole corpus, and its rates per 10,000
  /// tokens extrapolate from a small sample: one article more or less moves them a lot. The
  /// reports flag such small bases (Voyant's "per million" of a short text, quanteda's rates
  /// of a small group), where they would otherwise read like the rates of any other year.
  public static let smallBaseTokens = 10_000

  /// How many rising and how many falling organizations each comparison lists at most
  /// (``TrendComparison/risingOrganizations``).
  public static let organizationTrendsListed = 10

  /// `count` uses per 10,000 of `tokens` word tokens (0 without tokens): the rate of a term or
  /// an organization in a year or the corpus.
  public static func perTenThousand(_ count: Int, of tokens: Int) -> Double {
    tokens > 0 ? Double(count) * 10_000 / Double(tokens) : 0
  }

  /// The years whose rates rest on a small base (``YearSummary/isSmallBase``), ascending.
  public var smallBaseYears: [Int] { years.filter(\.isSmallBase).map(\.year) }
}

extension YearSummary {
  /// Whether the year has fewer than ``Report/smallBaseTokens`` word tokens, the base of its
  /// rates.
  public var isSmallBase: Bool { tokens < Report.smallBaseTokens }
}

extension CorpusSummary {
  /// Whether the corpus has documents but fewer than ``Report/smallBaseTokens`` word tokens,
  /// the base of its rates.
  public var isSmallBase: Bool { documents > 0 && tokens < Report.smallBaseTokens }
}

/// A file that was not analysed.
public struct RejectedFile: Sendable, Equatable {
  /// The file's path relative to the corpus folder.
  public var path: String
  /// Why it was rejected, in words for the reader.
  public var reason: String

  /// Creates a rejected-file entry.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}
