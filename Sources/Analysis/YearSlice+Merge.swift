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
    let organizations = Self.mergedInOrder(
      Self.inIdOrder(self.organizations), Self.inIdOrder(other.organizations),
      order: { $0.id.comparedInByteOrder(with: $1.id) },
      join: { merged, organization in
        merged.count += organization.count
        merged.documents += organization.documents
        merged.aliases.merge(organization.aliases, uniquingKeysWith: +)
        merged.latest.merge(organization.latest)
        if merged.registryName.isEmpty { merged.registryName = organization.registryName }
        merged.registered = merged.registered || organization.registered
      })
    let pairs = Self.mergedInOrder(
      Self.inIdOrder(self.pairs), Self.inIdOrder(other.pairs), order: Self.idOrder
    ) { merged, pair in
      merged.documents += pair.documents
    }
    return YearSlice(
      year: year, documents: documents + other.documents,
      repairedDocuments: repairedDocuments + other.repairedDocuments,
      tokens: tokens + other.tokens,
      organizationMentions: organizationMentions + other.organizationMentions,
      firstDate: min(firstDate, other.firstDate), lastDate: max(lastDate, other.lastDate),
      packedTerms: TermBlob([]), organizations: organizations, pairs: pairs)
  }

  /// Two lists in `order` (negative, zero or positive, as ``Swift/String/comparedInByteOrder(with:)``)
  /// as one in that order, each run of elements that `order` finds equal joined into its first
  /// by `join`.
  ///
  /// A slice keeps its organizations and pairs in id order, so merging two workers' slices walks
  /// both lists once: at 1 GB a dictionary of each and a sort took 0.25 s of a run's CPU.
  private static func mergedInOrder<Element>(
    _ first: [Element], _ second: [Element], order: (Element, Element) -> Int,
    join: (inout Element, Element) -> Void
  ) -> [Element] {
    var merged: [Element] = []
    merged.reserveCapacity(first.count + second.count)
    func add(_ element: Element) {
      if let last = merged.indices.last, order(merged[last], element) == 0 {
        join(&merged[last], element)
      } else {
        merged.append(element)
      }
    }
    var (i, j) = (0, 0)
    while i < first.count && j < second.count {
      if order(first[i], second[j]) <= 0 {
        add(first[i])
        i += 1
      } else {
        add(second[j])
        j += 1
      }
    }
    for element in first[i...] { add(element) }
    for element in second[j...] { add(element) }
    return merged
  }

  /// The order of two pairs by their first ids' bytes, then their second ids'.
  private static func idOrder(_ lhs: Pair, _ rhs: Pair) -> Int {
    let first = lhs.a.comparedInByteOrder(with: rhs.a)
    return first != 0 ? first : lhs.b.comparedInByteOrder(with: rhs.b)
  }

  /// Organizations in the order a slice keeps them: by id, in byte order (as they are, when
  /// they are in that order already).
  static func inIdOrder(_ organizations: [Organization]) -> [Organization] {
    let ordered = zip(organizations, organizations.dropFirst()).allSatisfy {
      $0.id.comparedInByteOrder(with: $1.id) <= 0
    }
    return ordered ? organizations : organizations.sorted { $0.id.precedesInByteOrder($1.id) }
  }

  /// Pairs in the order a slice keeps them: by first id, then second, in byte order (as they
  /// are, when they are in that order already).
  static func inIdOrder(_ pairs: [Pair]) -> [Pair] {
    let ordered = zip(pairs, pairs.dropFirst()).allSatisfy { idOrder($0, $1) <= 0 }
    return ordered ? pairs : pairs.sorted { idOrder($0, $1) < 0 }
  }
}
