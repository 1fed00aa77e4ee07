extension CorpusStatistics {
  /// The statistics cut into one ``YearSlice`` per year, oldest first. Terms come in no
  /// particular order (the store keys them); organizations and pairs are sorted by id.
  public func slices() -> [YearSlice] {
    years.keys.sorted().compactMap(slice(year:))
  }

  /// The figures of one year as a ``YearSlice``, or nil when the year has none.
  ///
  /// One year at a time, so that a caller that stores the slices holds only one in memory.
  public func slice(year: Int) -> YearSlice? {
    guard let tally = years[year] else { return nil }
    var terms = TermBlob(
      count: tally.unigrams.count + tally.bigrams.count,
      reservingBytes: (tally.unigrams.count + tally.bigrams.count) * 20)
    var text: [UInt8] = []
    for (key, unigram) in tally.unigrams {
      text.removeAll(keepingCapacity: true)
      text.append(contentsOf: vocabulary.bytes(UnigramKey.id(key)))
      text.withUnsafeBufferPointer {
        terms.append(n: 1, text: $0, count: unigram.count, documents: unigram.documents)
      }
    }
    for (packed, bigram) in tally.bigrams {
      let key = BigramKey(packed: packed)
      text.removeAll(keepingCapacity: true)
      text.append(contentsOf: vocabulary.bytes(key.first))
      text.append(0x20)
      text.append(contentsOf: vocabulary.bytes(key.second))
      text.withUnsafeBufferPointer {
        terms.append(n: 2, text: $0, count: bigram.count, documents: bigram.documents)
      }
    }
    let organizations = tally.organizations.keys.sorted {
      $0.utf8.lexicographicallyPrecedes($1.utf8)
    }.map { id in
      let organization = tally.organizations[id]!
      return YearSlice.Organization(
        id: id, registryName: organization.registryName, registered: organization.registered,
        count: organization.total.count, documents: organization.total.documents,
        aliases: organization.aliases)
    }
    let pairs = tally.pairs.map { YearSlice.Pair(a: $0.key.a, b: $0.key.b, documents: $0.value) }
      .sorted { lhs, rhs in
        lhs.a != rhs.a
          ? lhs.a.utf8.lexicographicallyPrecedes(rhs.a.utf8)
          : lhs.b.utf8.lexicographicallyPrecedes(rhs.b.utf8)
      }
    return YearSlice(
      year: year, documents: tally.documents, repairedDocuments: tally.repairedDocuments,
      tokens: tally.tokens, organizationMentions: tally.organizationMentions,
      firstDate: tally.firstDate!, lastDate: tally.lastDate!, packedTerms: terms,
      organizations: organizations, pairs: pairs)
  }

  /// Statistics put back together from stored slices.
  ///
  /// - Parameters:
  ///   - slices: One slice per year, as ``slices()`` made them.
  ///   - stopwords: The stopwords the slices were counted with.
  ///   - matcher: The matcher to use for documents added later.
  public init(restoring slices: [YearSlice], stopwords: StopwordList, matcher: OrganizationMatcher)
  {
    self.init(stopwords: stopwords, matcher: matcher)
    for slice in slices { restore(slice) }
  }

  /// Replaces the year of `slice` with the slice's figures.
  public mutating func restore(_ slice: YearSlice) {
    var tally = YearTally()
    tally.documents = slice.documents
    tally.repairedDocuments = slice.repairedDocuments
    tally.tokens = slice.tokens
    tally.organizationMentions = slice.organizationMentions
    tally.firstDate = slice.firstDate
    tally.lastDate = slice.lastDate
    slice.packedTerms.forEachTerm { n, text, count, documents in
      if n == 1 {
        let id = intern(text)
        // A slice names each term once; a zero count is no term at all.
        guard count > 0 else { return }
        tally.unigrams.add(
          UnigramKey.packed(id), count: UInt32(count), documents: UInt32(documents))
      } else {
        guard let space = text.firstIndex(of: 0x20) else { return }
        let first = intern(UnsafeBufferPointer(rebasing: text[..<space]))
        let second = intern(UnsafeBufferPointer(rebasing: text[(space + 1)...]))
        tally.bigrams.add(
          BigramKey(first, second), TermTally(count: count, documents: documents))
      }
    }
    for organization in slice.organizations {
      var restored = OrganizationTally(
        registryName: organization.registryName, registered: organization.registered)
      restored.total = TermTally(count: organization.count, documents: organization.documents)
      restored.aliases = organization.aliases
      tally.organizations[organization.id] = restored
    }
    for pair in slice.pairs {
      tally.pairs[OrganizationPair(pair.a, pair.b)] = pair.documents
    }
    replaceYear(slice.year, with: tally)
  }
}
