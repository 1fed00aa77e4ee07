/// What shapes a report without changing the analysis.
public struct ReportSettings: Sendable, Equatable {
  /// The corpus folder as the user named it.
  public var corpusPath: String
  /// How many unigrams and how many bigrams to list.
  public var top: Int
  /// How many rising and how many falling terms each comparison lists.
  public var trendTerms: Int
  /// How many pairs of organizations to list (those named together in the most documents).
  public var pairs: Int
  /// How many organizations to list by mentions; registered organizations and those in a listed
  /// pair are listed as well.
  public var topOrganizations: Int
  /// The generation time, ISO 8601 UTC.
  public var generatedAt: String
  /// `almanac` and its version.
  public var tool: String
  /// Version of the organization registry in use.
  public var registryVersion: String
  /// Where the stopwords came from.
  public var stopwords: String
  /// Comparisons of two years asked for beside those of each year with the year before.
  public var comparisons: [ChosenComparison] = []
  /// Terms whose figures per year are reported whether or not they are among the most frequent.
  public var followedTerms: [FollowedTerm] = []

  /// Creates settings.
  public init(
    corpusPath: String, top: Int = 50, trendTerms: Int = 20, pairs: Int = 1_000,
    topOrganizations: Int = 1_000,
    generatedAt: String, tool: String, registryVersion: String, stopwords: String
  ) {
    self.pairs = pairs
    self.topOrganizations = topOrganizations
    self.corpusPath = corpusPath
    self.top = top
    self.trendTerms = trendTerms
    self.generatedAt = generatedAt
    self.tool = tool
    self.registryVersion = registryVersion
    self.stopwords = stopwords
  }
}
