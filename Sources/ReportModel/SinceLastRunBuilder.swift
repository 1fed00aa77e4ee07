import Corpus

/// Compares a finished report with what the previous run published.
///
/// Pure: the caller supplies what it remembers of the previous run (organization ids and pairs
/// seen, the rates of the terms it listed).
public enum SinceLastRunBuilder {
  /// How many moved terms the section lists.
  public static let movedTermLimit = 10

  /// A term key: size and text.
  public struct TermKey: Hashable, Sendable {
    /// 1 or 2.
    public var n: Int
    /// The term.
    public var text: String

    /// Creates a key.
    public init(n: Int, text: String) {
      self.n = n
      self.text = text
    }
  }

  /// Builds the section.
  ///
  /// - Parameters:
  ///   - report: The report about to be published.
  ///   - previousRunAt: When the previous run published, or nil for the first run of a state.
  ///   - newDocuments: Accepted documents added or changed since the previous report, per year.
  ///   - removedDocuments: Documents gone since the previous report.
  ///   - addedCopies: Files added or changed since then that are copies of another document.
  ///   - removedCopies: Copies gone since then.
  ///   - seenOrganizations: Organization ids of earlier reports.
  ///   - seenPairs: Pair keys (`a` TAB `b`) of earlier reports.
  ///   - previousRates: Rates per 10,000 tokens of the terms the previous report listed.
  /// - Returns: The section; its lists are empty on the first run. Its moved terms are those
  ///   both reports list, by how much their rate changed.
  public static func build(
    report: Report, previousRunAt: String?, newDocuments: [Int: Int], removedDocuments: Int,
    addedCopies: Int, removedCopies: Int, seenOrganizations: Set<String>, seenPairs: Set<String>,
    previousRates: [TermKey: Double]
  ) -> SinceLastRun {
    let firstRun = previousRunAt == nil
    let organizations =
      firstRun
      ? []
      : report.organizations.filter { !seenOrganizations.contains($0.id) }.map {
        SinceLastRun.NamedOrganization(id: $0.id, name: $0.name)
      }
    let pairs =
      firstRun
      ? []
      : report.cooccurrences.filter { !seenPairs.contains(pairKey($0.a, $0.b)) }.map {
        SinceLastRun.NamedPair(a: $0.a, b: $0.b, aName: $0.aName, bName: $0.bName)
      }
    var current: [TermKey: Double] = [:]
    for term in report.unigrams + report.bigrams {
      current[TermKey(n: term.n, text: term.text)] = term.perTenThousand
    }
    // Only terms that both reports list: a term listed in one of them alone has a rate the
    // other did not keep (it is not 0, only under that report's cut), and taken as 0 it led the
    // list with a change it never had.
    var moved: [SinceLastRun.MovedTerm] = []
    if !firstRun {
      for (key, after) in current {
        guard let before = previousRates[key] else { continue }
        // Compare at the precision the reports show, so rounding noise never "moves".
        guard NumberFormat.fixed(before, 4) != NumberFormat.fixed(after, 4) else { continue }
        moved.append(SinceLastRun.MovedTerm(text: key.text, n: key.n, before: before, after: after))
      }
    }
    moved.sort { lhs, rhs in
      let left = abs(lhs.after - lhs.before)
      let right = abs(rhs.after - rhs.before)
      if left != right { return left > right }
      if lhs.n != rhs.n { return lhs.n < rhs.n }
      return lhs.text.precedesInByteOrder(rhs.text)
    }
    return SinceLastRun(
      previousRunAt: previousRunAt,
      newDocuments: newDocuments.keys.sorted().map {
        SinceLastRun.YearCount(year: $0, count: newDocuments[$0]!)
      },
      removedDocuments: removedDocuments, newOrganizations: organizations, newPairs: pairs,
      movedTerms: Array(moved.prefix(movedTermLimit)), addedCopies: addedCopies,
      removedCopies: removedCopies)
  }

  /// The key under which a pair is remembered.
  public static func pairKey(_ a: String, _ b: String) -> String { a + "\t" + b }
}
