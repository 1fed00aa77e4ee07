/// What changed since the previous published run, for the nightly reader.
public struct SinceLastRun: Sendable, Equatable {
  /// When the previous run published, ISO 8601 UTC; nil on the first run of a state.
  public var previousRunAt: String?
  /// Documents added or changed in this run, per year of their date (oldest first); copies
  /// excluded.
  public var newDocuments: [YearCount]
  /// Documents removed since the previous run; copies excluded.
  public var removedDocuments: Int
  /// Files added or changed that hold the same bytes as another document: accepted, listed
  /// among the duplicate files, and counted once, so they change no figure.
  public var addedCopies: Int
  /// Copies removed: documents gone whose bytes another document holds (or held, when it went
  /// too: of several copies removed, one is counted as a document removed).
  public var removedCopies: Int
  /// Organizations listed for the first time: a discovered one is listed, and so can be new,
  /// once it is among the `--top-organizations` mentioned most or in a listed pair.
  public var newOrganizations: [NamedOrganization]
  /// Pairs of organizations listed for the first time.
  public var newPairs: [NamedPair]
  /// Terms whose rate per 10,000 tokens moved most, largest absolute change first.
  public var movedTerms: [MovedTerm]

  /// Creates the section.
  public init(
    previousRunAt: String?, newDocuments: [YearCount], removedDocuments: Int,
    newOrganizations: [NamedOrganization], newPairs: [NamedPair], movedTerms: [MovedTerm],
    addedCopies: Int = 0, removedCopies: Int = 0
  ) {
    self.previousRunAt = previousRunAt
    self.newDocuments = newDocuments
    self.removedDocuments = removedDocuments
    self.addedCopies = addedCopies
    self.removedCopies = removedCopies
    self.newOrganizations = newOrganizations
    self.newPairs = newPairs
    self.movedTerms = movedTerms
  }

  /// A count for one year.
  public struct YearCount: Sendable, Equatable {
    /// The calendar year.
    public var year: Int
    /// How many.
    public var count: Int

    /// Creates a year count.
    public init(year: Int, count: Int) {
      self.year = year
      self.count = count
    }
  }

  /// An organization by id and display name.
  public struct NamedOrganization: Sendable, Equatable {
    /// Canonical id.
    public var id: String
    /// Display name.
    public var name: String

    /// Creates a named organization.
    public init(id: String, name: String) {
      self.id = id
      self.name = name
    }
  }

  /// A pair of organizations by id and display name.
  public struct NamedPair: Sendable, Equatable {
    /// The smaller id.
    public var a: String
    /// The larger id.
    public var b: String
    /// Display name of `a`.
    public var aName: String
    /// Display name of `b`.
    public var bName: String

    /// Creates a named pair.
    public init(a: String, b: String, aName: String, bName: String) {
      self.a = a
      self.b = b
      self.aName = aName
      self.bName = bName
    }
  }

  /// A term's rate in the previous and in this report.
  public struct MovedTerm: Sendable, Equatable {
    /// The term.
    public var text: String
    /// 1 or 2.
    public var n: Int
    /// Rate per 10,000 tokens in the previous report (0 when it was not listed).
    public var before: Double
    /// Rate per 10,000 tokens now (0 when it is no longer listed).
    public var after: Double

    /// Creates a moved term.
    public init(text: String, n: Int, before: Double, after: Double) {
      self.text = text
      self.n = n
      self.before = before
      self.after = after
    }
  }
}
