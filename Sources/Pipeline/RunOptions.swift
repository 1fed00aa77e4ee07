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
  /// A user stopword file (one word per line), if any.
  public var stopwordFile: String?
  /// How `stopwordFile` combines with the built-in lists.
  public var stopwordMode: StopwordMode = .extend
  /// A user organization registry (same format as the built-in one), if any.
  public var organizationFile: String?
  /// Worker threads for reading and counting.
  public var workers: Int = 2

  /// Creates options with the defaults.
  public init() {}
}
