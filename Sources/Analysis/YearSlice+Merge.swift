import Corpus

extension YearSlice {
  /// This slice and `other`, the figures of disjoint documents of the same year, as one: the
  /// same slice as counting all their documents at once would give.
  ///
  /// Terms are merged as sorted lists straight into the packed blob
  /// (``SortedTerms/mergedBlob(_:_:)``), so two workers' counts of a year are joined without
  /// building a hash table of the year's terms.
  ///
  /// - Precondition: Both slices are of the same year.
  public func merging(_ other: YearSlice) -> YearSlice {
    var merged = mergingFigures(other)
    merged.packedTerms = SortedTerms.mergedBlob(
      SortedTerms(packedTerms), SortedTerms(other.packedTerms))
    return merged
  }

  /// Like ``merging(_:)`` for everything but the terms, which are left empty: for a caller that
  /// merges the terms itself, as ``SortedTerms``.
  ///
  /// - Precondition: Both slices are of the same year.
  public func mergingFigures(_ other: YearSlice) -> YearSlice {
    precondition(year == other.year, "slices of \(year) and \(other.year) merged")
    var organizations: [String: Organization] = [:]
    for organization in self.organizations + other.organizations {
      guard var merged = organizations[organization.id] else {
        organizations[organization.id] = organization
        continue
      }
      merged.count += organization.count
      merged.documents += organization.documents
      merged.aliases.merge(organization.aliases, uniquingKeysWith: +)
      if merged.registryName.isEmpty { merged.registryName = organization.registryName }
      merged.registered = merged.registered || organization.registered
      organizations[organization.id] = merged
    }
    var pairs: [String: [String: Int]] = [:]
    for pair in self.pairs + other.pairs {
      pairs[pair.a, default: [:]][pair.b, default: 0] += pair.documents
    }
    return YearSlice(
      year: year, documents: documents + other.documents,
      repairedDocuments: repairedDocuments + other.repairedDocuments,
      tokens: tokens + other.tokens,
      organizationMentions: organizationMentions + other.organizationMentions,
      firstDate: min(firstDate, other.firstDate), lastDate: max(lastDate, other.lastDate),
      packedTerms: TermBlob([]), organizations: Self.inIdOrder(Array(organizations.values)),
      pairs: Self.inIdOrder(
        pairs.flatMap { a, partners in
          partners.map { b, documents in Pair(a: a, b: b, documents: documents) }
        }))
  }

  /// Organizations in the order a slice keeps them: by id, in byte order.
  static func inIdOrder(_ organizations: [Organization]) -> [Organization] {
    organizations.sorted { $0.id.precedesInByteOrder($1.id) }
  }

  /// Pairs in the order a slice keeps them: by first id, then second, in byte order.
  static func inIdOrder(_ pairs: [Pair]) -> [Pair] {
    pairs.sorted { lhs, rhs in
      lhs.a != rhs.a
        ? lhs.a.precedesInByteOrder(rhs.a)
        : lhs.b.precedesInByteOrder(rhs.b)
    }
  }
}
