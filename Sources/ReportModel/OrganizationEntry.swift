/// An organization with every surface form seen and its counts per year.
public struct OrganizationEntry: Sendable, Equatable {
  /// Canonical id: the registry id (`eaeu`), or `discovered:` and the folded name.
  public var id: String
  /// Display name (the registry's name, or the most frequent surface form when discovered).
  public var name: String
  /// True when the registry lists it, false when it was discovered in the text.
  public var registered: Bool
  /// Mentions in the corpus.
  public var count: Int
  /// Documents mentioning it.
  public var documents: Int
  /// Every surface form seen, most frequent first.
  public var aliases: [AliasCount]
  /// Years in which it was mentioned, oldest first.
  public var years: [OrganizationYear]

  /// Creates an organization entry.
  public init(
    id: String, name: String, registered: Bool, count: Int, documents: Int,
    aliases: [AliasCount], years: [OrganizationYear]
  ) {
    self.id = id
    self.name = name
    self.registered = registered
    self.count = count
    self.documents = documents
    self.aliases = aliases
    self.years = years
  }
}

/// One surface form of an organization and how often it was seen.
public struct AliasCount: Sendable, Equatable {
  /// The form as written in the text.
  public var text: String
  /// How often it was seen.
  public var count: Int

  /// Creates an alias count.
  public init(text: String, count: Int) {
    self.text = text
    self.count = count
  }
}

/// An organization's figures in one year.
public struct OrganizationYear: Sendable, Equatable {
  /// The calendar year.
  public var year: Int
  /// Mentions that year.
  public var count: Int
  /// Documents that year mentioning it.
  public var documents: Int
  /// Mentions per 10,000 word tokens of that year, so that years of different sizes compare.
  public var perTenThousand: Double

  /// Creates an organization-year entry.
  public init(year: Int, count: Int, documents: Int, perTenThousand: Double) {
    self.year = year
    self.count = count
    self.documents = documents
    self.perTenThousand = perTenThousand
  }
}

/// Two organizations named in the same documents.
public struct PairEntry: Sendable, Equatable {
  /// The id of the first organization (ids ordered so that `a < b`).
  public var a: String
  /// The id of the second organization.
  public var b: String
  /// Display name of `a`.
  public var aName: String
  /// Display name of `b`.
  public var bName: String
  /// Documents naming both.
  public var documents: Int
  /// Normalised pointwise mutual information over documents, in [-1, 1].
  public var npmi: Double
  /// Dunning's log-likelihood G² of the 2×2 document table.
  public var logLikelihood: Double
  /// Years in which both were named together, oldest first.
  public var years: [PairYear]
  /// Lines from documents naming both (see ``EvidencePolicy``); empty for pairs not shown.
  public var evidence: [Evidence]

  /// Creates a pair entry.
  public init(
    a: String, b: String, aName: String, bName: String, documents: Int, npmi: Double,
    logLikelihood: Double, years: [PairYear], evidence: [Evidence] = []
  ) {
    self.a = a
    self.b = b
    self.aName = aName
    self.bName = bName
    self.documents = documents
    self.npmi = npmi
    self.logLikelihood = logLikelihood
    self.years = years
    self.evidence = evidence
  }
}

/// A pair's figures in one year.
public struct PairYear: Sendable, Equatable {
  /// The calendar year.
  public var year: Int
  /// Documents that year naming both.
  public var documents: Int

  /// Creates a pair-year entry.
  public init(year: Int, documents: Int) {
    self.year = year
    self.documents = documents
  }
}
