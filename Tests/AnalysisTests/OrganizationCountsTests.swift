import Analysis
import Corpus
import TestSupport
import Testing

/// Organizations and pairs as counted (by number, ``CorpusStatistics``) against a plain count of
/// the matcher's mentions by id, on random documents naming many registry organizations and a
/// few discovered ones, over several years.
@Suite struct OrganizationCountsTests {
  /// What a year should hold, counted from the mentions with dictionaries and sets of ids.
  struct Reference {
    var organizations: [String: (count: Int, documents: Int, aliases: [String: Int])] = [:]
    var registered: [String: (name: String, registered: Bool)] = [:]
    var pairs: [OrganizationPair: Int] = [:]
    /// Every document naming each organization.
    var named: [String: [LatestDocuments.Document]] = [:]

    /// The latest documents naming `id`: sorted by hand, latest date first, then path.
    func latest(_ id: String) -> [LatestDocuments.Document] {
      let sorted = (named[id] ?? []).sorted {
        $0.date != $1.date
          ? $0.date > $1.date : OrganizationCountsTests.precedes($0.path, $1.path)
      }
      return Array(sorted.prefix(3))
    }
  }

  static let matcher = OrganizationMatcher(registry: OrganizationRegistry.builtin())

  /// Random documents over four years: pieces are registry aliases (not stems), names the
  /// discovery finds, Russian forms, acronyms defined in the text, and filler.
  static func documents(seed: UInt64, count: Int) -> [Document] {
    var pieces = OrganizationRegistry.builtin().entries.flatMap { [$0.name] + $0.aliases }
      .filter { !$0.contains("*") }
    pieces += [
      "the Information Policy Department", "Ministry of Foreign Affairs of Kyrgyzstan",
      "Collective Security Treaty Organization (CSTO)", "Евразийского экономического союза",
      "trade", "grows", "Bishkek", ".", ",", "(", ")", "2020",
    ]
    var random = SplitMix(seed: seed)
    return (0..<count).map { index in
      // Most documents name a few organizations; some name dozens.
      let length = random.int(10) == 0 ? 200 : 1 + random.int(12)
      let text = (0..<length).map { _ in random.pick(pieces) }.joined(separator: " ")
      // Few dates, so that documents of one date are ordered by path ("10.txt" before "9.txt").
      let date = CalendarDate(year: 2017 + random.int(4), month: 1 + random.int(3), day: 1)!
      return Document(path: "\(index).txt", date: date, text: Array(text.utf8))
    }
  }

  static func reference(_ documents: [Document]) -> [Int: Reference] {
    var years: [Int: Reference] = [:]
    for document in documents {
      var stream = TokenStream()
      Tokenizer().tokenize(document.text, into: &stream)
      var year = years[document.date.year] ?? Reference()
      var named = Set<String>()
      for mention in matcher.mentions(in: document.text, tokens: stream) {
        var tally = year.organizations[mention.id] ?? (0, 0, [:])
        tally.count += 1
        if named.insert(mention.id).inserted { tally.documents += 1 }
        tally.aliases[mention.surface, default: 0] += 1
        year.organizations[mention.id] = tally
        year.registered[mention.id] = (mention.registered ? mention.name : "", mention.registered)
      }
      for id in named {
        year.named[id, default: []].append(
          LatestDocuments.Document(date: document.date, path: document.path))
      }
      let ids = Array(named)
      for first in ids.indices {
        for second in ids.indices where second > first {
          year.pairs[OrganizationPair(ids[first], ids[second]), default: 0] += 1
        }
      }
      years[document.date.year] = year
    }
    return years
  }

  static func statistics(_ documents: some Sequence<Document>) -> CorpusStatistics {
    var statistics = CorpusStatistics(stopwords: StopwordList.builtin(), matcher: matcher)
    for document in documents { statistics.add(document) }
    return statistics
  }

  static func expectMatches(
    _ statistics: CorpusStatistics, _ reference: [Int: Reference], _ label: String
  ) {
    #expect(Set(statistics.years.keys) == Set(reference.keys), "\(label)")
    for (year, expected) in reference {
      guard let tally = statistics.years[year] else { continue }
      let organizations = tally.organizations
      #expect(Set(organizations.keys) == Set(expected.organizations.keys), "\(label) \(year)")
      for (id, want) in expected.organizations {
        let got = organizations[id]
        #expect(got?.total == TermTally(count: want.count, documents: want.documents), "\(id)")
        #expect(got?.aliases == want.aliases, "\(label) \(year) \(id)")
        #expect(got?.registryName == expected.registered[id]?.name, "\(id)")
        #expect(got?.registered == expected.registered[id]?.registered, "\(id)")
        #expect(got?.latest.documents == expected.latest(id), "\(label) \(year) \(id)")
      }
      #expect(tally.pairs == expected.pairs, "\(label) \(year)")
    }
  }

  /// The order of paths, as bytes.
  static func precedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func countedAsTheMentionsSay(seed: UInt64) {
    let documents = Self.documents(seed: seed, count: 300)
    let reference = Self.reference(documents)
    #expect(reference.values.map(\.pairs.count).reduce(0, +) > 500)
    #expect(reference.values.contains { $0.organizations.keys.contains { $0.hasPrefix("disc") } })
    Self.expectMatches(Self.statistics(documents), reference, "one worker")

    // Two workers that saw alternate documents, merged: their numbers differ.
    var first = Self.statistics(documents.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
    first.merge(
      Self.statistics(documents.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)))
    Self.expectMatches(first, reference, "merged")

    // Cut into slices: rows in byte order of ids, and restored to the same figures.
    let slices = first.slices()
    for slice in slices {
      let expected = reference[slice.year]!
      #expect(
        slice.organizations.map(\.id) == expected.organizations.keys.sorted(by: Self.precedes))
      let pairs = expected.pairs.map {
        YearSlice.Pair(a: $0.key.a, b: $0.key.b, documents: $0.value)
      }
      .sorted { $0.a != $1.a ? Self.precedes($0.a, $1.a) : Self.precedes($0.b, $1.b) }
      #expect(slice.pairs == pairs, "\(slice.year)")
      #expect(slice.pairs.allSatisfy { Self.precedes($0.a, $0.b) })
    }
    let restored = CorpusStatistics(
      restoring: slices, stopwords: StopwordList.builtin(), matcher: Self.matcher)
    Self.expectMatches(restored, reference, "restored")
  }

  /// Two surface forms that are equal as strings but not in bytes (`é` precomposed, and `e`
  /// with a combining acute accent) are one alias, as a table of strings keeps them: counted
  /// twice, spelled as the form met first.
  @Test(arguments: [false, true])
  func formsEqualAsStringsAreOneAliasSpelledAsFirstMet(decomposedFirst: Bool) {
    let precomposed = "the Caf\u{E9} Policy Department reported."
    let decomposed = "the Cafe\u{301} Policy Department reported."
    #expect(precomposed == decomposed && Array(precomposed.utf8) != Array(decomposed.utf8))
    let texts = decomposedFirst ? [decomposed, precomposed] : [precomposed, decomposed]
    let documents = texts.enumerated().map { index, text in
      Document(
        path: "\(index).txt", date: CalendarDate(year: 2020, month: 5, day: 1)!,
        text: Array(text.utf8))
    }
    let reference = Self.reference(documents)
    let organizations = Self.statistics(documents).years[2020]?.organizations ?? [:]
    let expected = reference[2020]?.organizations ?? [:]
    #expect(organizations.count == 1 && expected.count == 1)
    let (id, want) = expected.first!
    let aliases = organizations[id]?.aliases ?? [:]
    #expect(aliases == want.aliases && aliases.values.first == 2)
    let first = Array((decomposedFirst ? "Cafe\u{301}" : "Caf\u{E9}").utf8)
    #expect(aliases.keys.first.map { Array($0.utf8.prefix(first.count)) } == first)
  }

  /// Ids whose byte order differs from the order they are first counted in, and prefixes of
  /// each other, come out of a slice in byte order.
  @Test func sliceRowsInByteOrderOfIds() {
    var statistics = CorpusStatistics(stopwords: StopwordList.builtin(), matcher: Self.matcher)
    let ids = ["zeta", "un-x", "Юг", "un", "una", "Un", "discovered:b", "discovered:a b", "a"]
    var slice = YearSlice(
      year: 2020, documents: 1, repairedDocuments: 0, tokens: 0, organizationMentions: 0,
      firstDate: CalendarDate(year: 2020, month: 1, day: 1)!,
      lastDate: CalendarDate(year: 2020, month: 1, day: 1)!, packedTerms: TermBlob([]),
      organizations: ids.map {
        YearSlice.Organization(
          id: $0, registryName: "", registered: false, count: 1, documents: 1, aliases: [$0: 1])
      },
      pairs: [])
    var expected: [YearSlice.Pair] = []
    for (index, a) in ids.enumerated() {
      for b in ids[(index + 1)...] where (a.count + b.count) % 3 != 0 {
        let (low, high) = Self.precedes(a, b) ? (a, b) : (b, a)
        expected.append(YearSlice.Pair(a: low, b: high, documents: a.count * b.count))
        // Stored either way round: the pair is the same.
        slice.pairs.append(YearSlice.Pair(a: b, b: a, documents: a.count * b.count))
      }
    }
    statistics.restore(slice)
    expected.sort { $0.a != $1.a ? Self.precedes($0.a, $1.a) : Self.precedes($0.b, $1.b) }
    let cut = statistics.slice(year: 2020)!
    #expect(cut.organizations.map(\.id) == ids.sorted(by: Self.precedes))
    #expect(cut.pairs == expected)
    #expect(statistics.pairs.count == expected.count)
  }
}
