extension CorpusStatistics {
  /// The statistics cut into one ``YearSlice`` per year, oldest first. Terms are packed in byte
  /// order (a version 3 ``TermBlob``); organizations and pairs are sorted by id.
  public func slices() -> [YearSlice] {
    years.keys.sorted().compactMap(slice(year:))
  }

  /// The figures of one year as a ``YearSlice``, or nil when the year has none.
  ///
  /// One year at a time, so that a caller that stores the slices holds only one in memory.
  public func slice(year: Int) -> YearSlice? {
    years[year].map { Self.slice(year: year, of: $0, vocabulary: vocabulary) }
  }

  /// Removes `year` from the statistics and returns its figures, with its terms as
  /// ``SortedTerms`` rather than packed in the slice (whose ``YearSlice/packedTerms`` are empty),
  /// for a caller that merges them first. The year's tables are released before its terms are
  /// sorted, so the two are never held at once.
  public mutating func takeSortedSlice(year: Int) -> (frame: YearSlice, terms: SortedTerms)? {
    // Handed over with `consume`: through `Optional.map` the closure's argument would keep
    // a second reference to the year's tables, and sorting would copy its bigrams first.
    guard let tally = removeYear(year) else { return nil }
    let (frame, terms, leftover) = Self.sortedSlice(
      year: year, of: consume tally, vocabulary: vocabulary)
    // The largest room left is kept for the next year counted (``removeAll()``).
    if leftover.capacity > spareBigramRoom.capacity { spareBigramRoom = leftover }
    return (frame, terms)
  }

  private static func slice(year: Int, of tally: consuming YearTally, vocabulary: Vocabulary)
    -> YearSlice
  {
    var (slice, terms, _) = sortedSlice(year: year, of: tally, vocabulary: vocabulary)
    slice.packedTerms = terms.blob
    _ = consume terms
    return slice
  }

  private static func sortedSlice(
    year: Int, of tally: consuming YearTally, vocabulary: Vocabulary
  ) -> (YearSlice, SortedTerms, leftover: [SortedTerms.Bigram]) {
    // Words are term ids until the terms are sorted.
    var unigrams: [SortedTerms.Unigram] = []
    unigrams.reserveCapacity(tally.unigrams.count)
    for (key, unigram) in tally.unigrams {
      unigrams.append(
        SortedTerms.Unigram(
          word: UnigramKey.id(key), count: UInt32(clamping: unigram.count),
          documents: UInt32(clamping: unigram.documents)))
    }
    // Handed over as counted: sorting them adds equal ones together.
    let bigrams = tally.bigrams.takeEntries()
    let organizations = tally.organizationCounts.sortedOrganizations()
    let pairs = tally.organizationCounts.sortedPairs()
    let slice = YearSlice(
      year: year, documents: tally.documents, repairedDocuments: tally.repairedDocuments,
      tokens: tally.tokens, organizationMentions: tally.organizationMentions,
      firstDate: tally.firstDate!, lastDate: tally.lastDate!, packedTerms: TermBlob([]),
      organizations: organizations, pairs: pairs)
    // The tables are done with; let them go before sorting.
    tally = YearTally()
    // Handed over, so that the sort works on these arrays instead of copies of them.
    var leftover: [SortedTerms.Bigram] = []
    let terms = SortedTerms(
      vocabulary: vocabulary, unigrams: consume unigrams, bigrams: consume bigrams,
      leftover: &leftover)
    return (slice, terms, leftover)
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
    tally.unigrams.reserveCapacity(slice.packedTerms.unigrams)
    slice.packedTerms.forEachTermID(
      intern: { intern($0) },
      each: { n, first, second, count, documents in
        // A slice names each term once; a zero count is no term at all.
        guard count > 0 else { return }
        if n == 1 {
          tally.unigrams.add(
            UnigramKey.packed(first), count: UInt32(count), documents: UInt32(documents))
        } else {
          tally.bigrams.add(
            BigramKey(first, second), TermTally(count: count, documents: documents))
        }
      })
    for organization in slice.organizations {
      var restored = OrganizationTally(
        registryName: organization.registryName, registered: organization.registered)
      restored.total = TermTally(count: organization.count, documents: organization.documents)
      restored.aliases = organization.aliases
      restored.latest = organization.latest
      tally.organizationCounts.add(restored, id: organization.id)
    }
    for pair in slice.pairs {
      tally.organizationCounts.addPair(pair.a, pair.b, documents: pair.documents)
    }
    replaceYear(slice.year, with: tally)
  }
}
