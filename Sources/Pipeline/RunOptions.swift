public import ReportModel

/// Everything a run needs, checked before any work starts.
public struct RunOptions: Sendable, Equatable {
  /// How a user's stopword file combines with the built-in lists.
  public enum StopwordMode: String, Sendable, CaseIterable {
    /// The file's words are added to the built-in English and Russian lists.
    case extend
    /// The file's words replace the built-in lists.
    case replace
  }

  /// The corpus folder.
  public var corpus: String = "seeds"
  /// Where the reports are published.
  public var output: String = "Reports"
  /// How many unigrams and bigrams the report lists.
  public var top: Int = 50
  /// How many rising and falling terms each comparison lists.
  public var trendTerms: Int = 20
  /// How many pairs of organizations the report lists.
  public var pairs: Int = 1_000
  /// How many organizations the report lists by mentions, besides the registered ones and those
  /// in a listed pair.
  public var topOrganizations: Int = 1_000
  /// Comparisons of two years asked for beside those of consecutive years (`--compare`).
  public var comparisons: [ChosenComparison] = []
  /// Terms whose figures per year are reported whatever their rank (`--term`).
  public var followedTerms: [FollowedTerm] = []
  /// A user stopword file (one word per line), if any.
  public var stopwordFile: String?
  /// How `stopwordFile` combines with the built-in lists.
  public var stopwordMode: StopwordMode = .extend
  /// A user organization registry (same format as the built-in one), if any.
  public var organizationFile: String?
  /// Worker threads for reading and counting.
  public var workers: Int = 2
  /// The state database; nil means `<output>/.almanac/state.sqlite`.
  public var statePath: String?
  /// Recount every file even when the state says nothing changed.
  public var full = false
  /// Delete the state (even a corrupt or foreign file) and rebuild it from the corpus.
  public var rebuildState = false
  /// Publish the report of an empty corpus folder even when the state counted documents there
  /// (``RunError/emptyCorpus(path:stored:)``).
  public var allowEmptyCorpus = false
  /// How many dated copies of published reports `archive/` keeps.
  public var keep: Int = 30
  /// Also print the HTML page to `almanac.pdf` with headless Chromium.
  public var pdf = false

  /// The state database path in effect.
  public var resolvedStatePath: String { statePath ?? output + "/.almanac/state.sqlite" }

  /// Creates options with the defaults.
  public init() {}
}
