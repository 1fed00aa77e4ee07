public import Corpus

/// How often something occurred and in how many documents.
public struct TermTally: Sendable, Equatable {
  /// Occurrences.
  public var count: Int
  /// Documents with at least one occurrence.
  public var documents: Int

  /// Creates a tally.
  public init(count: Int = 0, documents: Int = 0) {
    self.count = count
    self.documents = documents
  }

  /// Adds another tally of disjoint documents.
  public mutating func add(_ other: TermTally) {
    count += other.count
    documents += other.documents
  }
}

/// The figures of one year. Unigrams are keyed by the owning ``CorpusStatistics/vocabulary``
/// id and only those used this year take room; an id the year never saw has a zero count.
public struct YearTally: Sendable {
  /// Accepted documents dated this year.
  public var documents = 0
  /// Word tokens (stopwords included, numbers excluded).
  public var tokens = 0
  /// Organization mentions.
  public var organizationMentions = 0
  /// Documents whose invalid UTF-8 was replaced.
  public var repairedDocuments = 0
  /// Earliest article date of the year.
  public var firstDate: CalendarDate?
  /// Latest article date of the year.
  public var lastDate: CalendarDate?
  /// Unigram tallies keyed by ``UnigramKey`` (term id); each has a positive count, and
  /// stopwords are never counted.
  public var unigrams = TermIDTallies()
  /// Bigram tallies (words are term ids), combined when the year is sorted.
  public var bigrams = BigramTallies()
  /// Organizations and pairs, counted by number.
  var organizationCounts = OrganizationCounts()
  /// Organizations mentioned this year, by canonical id (their `years` stay empty); built
  /// from the counts at each read.
  public var organizations: [String: OrganizationTally] { organizationCounts.byID }
  /// Documents of this year naming both organizations of a pair; built from the counts at each
  /// read, so a caller that looks up many pairs reads it once.
  public var pairs: [OrganizationPair: Int] { organizationCounts.pairs }

  /// Creates an empty year.
  public init() {}

  /// Counts a document dated `date`.
  mutating func addDocument(date: CalendarDate, repaired: Bool) {
    documents += 1
    if repaired { repairedDocuments += 1 }
    if firstDate.map({ date < $0 }) ?? true { firstDate = date }
    if lastDate.map({ date > $0 }) ?? true { lastDate = date }
  }

  /// Adds the document-level figures of another tally of disjoint documents of the same year.
  mutating func addTotals(of other: YearTally) {
    documents += other.documents
    tokens += other.tokens
    organizationMentions += other.organizationMentions
    repairedDocuments += other.repairedDocuments
    organizationCounts.add(other.organizationCounts)
    for date in [other.firstDate, other.lastDate].compactMap({ $0 }) {
      if firstDate.map({ date < $0 }) ?? true { firstDate = date }
      if lastDate.map({ date > $0 }) ?? true { lastDate = date }
    }
  }

  /// Distinct unigrams used this year.
  public var types: Int { unigrams.count }

  /// The unigram tally of term `id`.
  public func unigram(_ id: Int32) -> TermTally {
    unigrams[UnigramKey.packed(id)] ?? TermTally()
  }
}

/// Two term ids in order, packed into one integer.
public struct BigramKey: Hashable, Sendable {
  /// `first << 32 | second`.
  public let packed: UInt64

  /// Creates a key from its packed form.
  public init(packed: UInt64) { self.packed = packed }

  /// Creates a key from two term ids.
  public init(_ first: Int32, _ second: Int32) {
    packed = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
  }

  /// The first word's id.
  public var first: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: packed >> 32)) }
  /// The second word's id.
  public var second: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: packed)) }
}

/// The key of a unigram in ``TermIDTallies``: its term id.
public enum UnigramKey {
  /// The key of term `id`.
  @inline(__always)
  public static func packed(_ id: Int32) -> UInt64 { UInt64(UInt32(bitPattern: id)) }

  /// The term id of `key`.
  @inline(__always)
  public static func id(_ key: UInt64) -> Int32 {
    Int32(bitPattern: UInt32(truncatingIfNeeded: key))
  }
}

/// Everything counted about one organization.
public struct OrganizationTally: Sendable, Equatable {
  /// The registry name, or empty for a discovered organization (named by its commonest form).
  public var registryName: String
  /// Whether the registry lists it.
  public var registered: Bool
  /// Mentions and documents, overall.
  public var total = TermTally()
  /// Mentions per surface form.
  public var aliases: [String: Int] = [:]
  /// Mentions and documents per year (filled in ``CorpusStatistics/organizations`` only).
  public var years: [Int: TermTally] = [:]
  /// The latest documents naming it.
  public var latest = LatestDocuments()

  /// Creates an empty tally.
  public init(registryName: String, registered: Bool) {
    self.registryName = registryName
    self.registered = registered
  }

  /// The display name: the registry's, or the most frequent surface form (ties: byte order).
  public var name: String {
    if registered && !registryName.isEmpty { return registryName }
    return aliases.min { lhs, rhs in
      lhs.value != rhs.value
        ? lhs.value > rhs.value : lhs.key.precedesInByteOrder(rhs.key)
    }?.key ?? registryName
  }

  /// Adds the tally of other, disjoint documents.
  public mutating func merge(_ other: OrganizationTally) {
    total.add(other.total)
    aliases.merge(other.aliases, uniquingKeysWith: +)
    latest.merge(other.latest)
    years.merge(other.years) {
      var sum = $0
      sum.add($1)
      return sum
    }
  }
}

/// Two organization ids, ordered so that `a < b` in byte order.
public struct OrganizationPair: Hashable, Sendable {
  /// The smaller id.
  public let a: String
  /// The larger id.
  public let b: String

  /// Creates a pair, ordering the ids.
  public init(_ first: String, _ second: String) {
    if first.precedesInByteOrder(second) {
      (a, b) = (first, second)
    } else {
      (a, b) = (second, first)
    }
  }
}
