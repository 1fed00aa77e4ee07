public import Corpus

/// One year's counts with terms spelled out, so they can be stored and restored.
///
/// ``CorpusStatistics/slices()`` cuts statistics into slices and
/// ``CorpusStatistics/init(restoring:stopwords:matcher:)`` puts them back together; the two are
/// inverse as far as anything a report shows is concerned.
public struct YearSlice: Sendable, Equatable {
  /// A unigram or bigram and its tally; a bigram's words are joined by one space.
  public struct Term: Sendable, Equatable, Hashable {
    /// 1 or 2.
    public var n: Int
    /// The folded term.
    public var text: String
    /// Occurrences and documents.
    public var count: Int
    /// Documents containing it.
    public var documents: Int

    /// Creates a term row.
    public init(n: Int, text: String, count: Int, documents: Int) {
      self.n = n
      self.text = text
      self.count = count
      self.documents = documents
    }
  }

  /// An organization's tally in the year.
  public struct Organization: Sendable, Equatable {
    /// Canonical id.
    public var id: String
    /// The registry's name, empty when discovered.
    public var registryName: String
    /// Whether the registry lists it.
    public var registered: Bool
    /// Mentions.
    public var count: Int
    /// Documents mentioning it.
    public var documents: Int
    /// Mentions per surface form.
    public var aliases: [String: Int]
    /// The latest documents of the year naming it.
    public var latest: LatestDocuments

    /// Creates an organization row.
    public init(
      id: String, registryName: String, registered: Bool, count: Int, documents: Int,
      aliases: [String: Int], latest: LatestDocuments = LatestDocuments()
    ) {
      self.id = id
      self.registryName = registryName
      self.registered = registered
      self.count = count
      self.documents = documents
      self.aliases = aliases
      self.latest = latest
    }
  }

  /// Documents of the year naming both organizations.
  public struct Pair: Sendable, Equatable, Hashable {
    /// The smaller id.
    public var a: String
    /// The larger id.
    public var b: String
    /// Documents naming both.
    public var documents: Int

    /// Creates a pair row.
    public init(a: String, b: String, documents: Int) {
      self.a = a
      self.b = b
      self.documents = documents
    }
  }

  /// The calendar year.
  public var year: Int
  /// Accepted documents.
  public var documents: Int
  /// Documents whose invalid UTF-8 was replaced.
  public var repairedDocuments: Int
  /// Word tokens.
  public var tokens: Int
  /// Organization mentions.
  public var organizationMentions: Int
  /// Earliest article date of the year.
  public var firstDate: CalendarDate
  /// Latest article date of the year.
  public var lastDate: CalendarDate
  /// Every non-stopword unigram and every bigram used, packed (in no particular order).
  public var packedTerms: TermBlob
  /// ``packedTerms`` as values.
  public var terms: [Term] {
    get { packedTerms.terms }
    set { packedTerms = TermBlob(newValue) }
  }
  /// The slice without its terms: what is left is a few rows per year.
  public var withoutTerms: YearSlice {
    var copy = self
    copy.packedTerms = TermBlob([])
    return copy
  }
  /// Every organization mentioned, sorted by id.
  public var organizations: [Organization]
  /// Every pair named together, sorted by ids.
  public var pairs: [Pair]

  /// Creates a slice.
  public init(
    year: Int, documents: Int, repairedDocuments: Int, tokens: Int, organizationMentions: Int,
    firstDate: CalendarDate, lastDate: CalendarDate, terms: [Term], organizations: [Organization],
    pairs: [Pair]
  ) {
    self.init(
      year: year, documents: documents, repairedDocuments: repairedDocuments, tokens: tokens,
      organizationMentions: organizationMentions, firstDate: firstDate, lastDate: lastDate,
      packedTerms: TermBlob(terms), organizations: organizations, pairs: pairs)
  }

  /// Creates a slice whose terms are already packed.
  public init(
    year: Int, documents: Int, repairedDocuments: Int, tokens: Int, organizationMentions: Int,
    firstDate: CalendarDate, lastDate: CalendarDate, packedTerms: TermBlob,
    organizations: [Organization], pairs: [Pair]
  ) {
    self.year = year
    self.documents = documents
    self.repairedDocuments = repairedDocuments
    self.tokens = tokens
    self.organizationMentions = organizationMentions
    self.firstDate = firstDate
    self.lastDate = lastDate
    self.packedTerms = packedTerms
    self.organizations = organizations
    self.pairs = pairs
  }
}
