import Analysis
import Corpus
import Testing

/// A three-document corpus whose every figure is counted by hand in the comments.
@Suite struct CorpusStatisticsTests {
  static let documents = [
    // 2019: tokens the eaeu met the un | trade grows = 7; bigrams: "eaeu met", "trade grows"
    Document(
      path: "a.txt", date: CalendarDate(year: 2019, month: 3, day: 1)!,
      text: Array("The EAEU met the UN. Trade grows 5%.".utf8)),
    // 2020: trade grows | trade falls | eaeu and csto = 7; bigrams: "trade grows", "trade falls"
    Document(
      path: "b.txt", date: CalendarDate(year: 2020, month: 1, day: 2)!,
      text: Array("Trade grows, trade falls. EAEU and CSTO.".utf8)),
    // 2020: eurasian economic union summit = 4; bigrams: 3
    Document(
      path: "c.txt", date: CalendarDate(year: 2020, month: 12, day: 31)!,
      text: Array("Eurasian Economic Union summit".utf8), repairedSequences: 1),
  ]

  static func statistics(_ documents: [Document]) -> CorpusStatistics {
    var statistics = CorpusStatistics(
      stopwords: StopwordList.builtin(),
      matcher: OrganizationMatcher(registry: OrganizationRegistry.builtin()))
    for document in documents { statistics.add(document) }
    return statistics
  }

  func unigram(_ statistics: CorpusStatistics, _ word: String, _ year: Int) -> TermTally {
    guard let id = statistics.vocabulary.lookup(Array(word.utf8)) else { return TermTally() }
    return statistics.years[year]!.unigram(id)
  }

  func bigram(_ statistics: CorpusStatistics, _ first: String, _ second: String, _ year: Int)
    -> TermTally?
  {
    guard let a = statistics.vocabulary.lookup(Array(first.utf8)),
      let b = statistics.vocabulary.lookup(Array(second.utf8))
    else { return nil }
    return statistics.years[year]!.bigrams[BigramKey(a, b)]
  }

  @Test func yearTotals() {
    let statistics = Self.statistics(Self.documents)
    #expect(statistics.documents == 3)
    #expect(statistics.repairedDocuments == 1)
    #expect(statistics.firstDate?.description == "2019-03-01")
    #expect(statistics.lastDate?.description == "2020-12-31")
    #expect(statistics.years[2019]!.documents == 1)
    #expect(statistics.years[2019]!.tokens == 7)
    #expect(statistics.years[2020]!.documents == 2)
    #expect(statistics.years[2020]!.tokens == 11)
    // 2019 types without stopwords: eaeu met un trade grows
    #expect(statistics.years[2019]!.types == 5)
  }

  @Test func unigramsAndStopwords() {
    let statistics = Self.statistics(Self.documents)
    #expect(unigram(statistics, "trade", 2019) == TermTally(count: 1, documents: 1))
    #expect(unigram(statistics, "trade", 2020) == TermTally(count: 2, documents: 1))
    #expect(unigram(statistics, "eaeu", 2020) == TermTally(count: 1, documents: 1))
    #expect(unigram(statistics, "the", 2019) == TermTally())  // stopword: a token, not a term
    #expect(unigram(statistics, "5", 2019) == TermTally())  // number: neither
  }

  @Test func bigramsStopAtSentencesPunctuationAndStopwords() {
    let statistics = Self.statistics(Self.documents)
    #expect(bigram(statistics, "eaeu", "met", 2019) == TermTally(count: 1, documents: 1))
    #expect(bigram(statistics, "trade", "grows", 2019) == TermTally(count: 1, documents: 1))
    #expect(bigram(statistics, "trade", "grows", 2020) == TermTally(count: 1, documents: 1))
    #expect(bigram(statistics, "trade", "falls", 2020) == TermTally(count: 1, documents: 1))
    #expect(bigram(statistics, "grows", "trade", 2020) == nil)  // comma between
    #expect(bigram(statistics, "un", "trade", 2019) == nil)  // sentence end between
    #expect(bigram(statistics, "met", "un", 2019) == nil)  // stopword between
    #expect(statistics.years[2020]!.bigrams.count == 5)
  }

  @Test func organizationsAndPairs() {
    let statistics = Self.statistics(Self.documents)
    let eaeu = statistics.organizations["eaeu"]!
    #expect(eaeu.total == TermTally(count: 3, documents: 3))
    #expect(eaeu.aliases == ["EAEU": 2, "Eurasian Economic Union": 1])
    #expect(eaeu.years[2020] == TermTally(count: 2, documents: 2))
    #expect(statistics.pairs.count == 2)
    #expect(statistics.pairs[OrganizationPair("un", "eaeu")]?.years == [2019: 1])
    #expect(statistics.pairs[OrganizationPair("eaeu", "csto")]?.documents == 1)
    #expect(statistics.years[2020]!.organizationMentions == 3)
  }

  @Test func mergingPartsEqualsCountingTogether() {
    let whole = Self.statistics(Self.documents)
    var first = Self.statistics([Self.documents[2]])
    let second = Self.statistics([Self.documents[0], Self.documents[1]])
    first.merge(second)
    #expect(first.documents == whole.documents)
    #expect(first.organizations == whole.organizations)
    #expect(first.pairs == whole.pairs)
    for year in [2019, 2020] {
      #expect(first.years[year]!.tokens == whole.years[year]!.tokens)
      #expect(first.years[year]!.types == whole.years[year]!.types)
      for word in ["trade", "eaeu", "summit", "grows", "met"] {
        #expect(unigram(first, word, year) == unigram(whole, word, year))
      }
      #expect(bigram(first, "trade", "grows", year) == bigram(whole, "trade", "grows", year))
    }
  }
}

@Suite struct YearSliceTests {
  @Test func slicesRestoreToTheSameFigures() {
    let original = CorpusStatisticsTests.statistics(CorpusStatisticsTests.documents)
    let slices = original.slices()
    #expect(slices.map(\.year) == [2019, 2020])
    #expect(slices[1].documents == 2)
    #expect(slices[1].repairedDocuments == 1)
    #expect(
      slices[1].terms.contains(YearSlice.Term(n: 2, text: "trade falls", count: 1, documents: 1)))
    #expect(slices[1].pairs == [YearSlice.Pair(a: "csto", b: "eaeu", documents: 1)])

    let restored = CorpusStatistics(
      restoring: slices, stopwords: StopwordList.builtin(),
      matcher: OrganizationMatcher(registry: OrganizationRegistry.builtin()))
    func sortedTerms(_ slices: [YearSlice]) -> [YearSlice] {
      slices.map { slice in
        var copy = slice
        copy.terms.sort { ($0.n, $0.text) < ($1.n, $1.text) }
        return copy
      }
    }
    #expect(sortedTerms(restored.slices()) == sortedTerms(slices))
    #expect(restored.organizations == original.organizations)
    #expect(restored.pairs == original.pairs)
    #expect(restored.documents == 3)
    #expect(restored.firstDate == original.firstDate)
    #expect(restored.lastDate == original.lastDate)
  }
}

extension CorpusStatisticsTests {
  /// Counting looks names up only at tokens whose word can begin one, and takes each word's
  /// class for discovering names from what it keeps per distinct word (``OrganizationMatcher/WordFacts``);
  /// it must find exactly what looking at every token finds, on random text with aliases,
  /// Russian endings, possessives, defined acronyms, discovered names, numbers and overlong
  /// words.
  @Test(arguments: [5, 6, 7] as [UInt64])
  func organizationsMatchLookingAtEveryToken(seed: UInt64) {
    let pieces = [
      "Eurasian Economic Union", "EAEU", "EAEU's", "eaeu", "EEU",
      "Евразийского экономического союза", "Евразийский экономический союз", "ЕАЭС",
      "Collective Security Treaty Organization (CSTO)",
      "CSTO", "the Information Policy Department", "Ministry of Foreign Affairs of Kyrgyzstan",
      "UN Security Council", "UN", "union", "Union", "economic", "2020", "3.5", "trade", "Bishkek",
      String(repeating: "Eurasian", count: 20), ".", ",", "(", ")",
      // Heads, titles and function words, which discovery tells apart by class.
      "Speaker of Parliament", "The", "Yesterday", "Office of the President", "Ministry's",
      "Heads of State Council", "Prime Minister", "Central Bank", "Bank of Russia",
    ]
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let matcher = OrganizationMatcher(registry: OrganizationRegistry.builtin())
    var documents: [Document] = []
    var expected: [String: (count: Int, aliases: [String: Int])] = [:]
    for index in 0..<40 {
      let text = Array((0..<60).map { _ in pieces[next(pieces.count)] }.joined(separator: " ").utf8)
      documents.append(
        Document(
          path: "\(index).txt", date: CalendarDate(year: 2020, month: 1, day: 1)!, text: text))
      var stream = TokenStream()
      Tokenizer().tokenize(text, into: &stream)
      for mention in matcher.mentions(in: text, tokens: stream) {
        expected[mention.id, default: (0, [:])].count += 1
        expected[mention.id, default: (0, [:])].aliases[mention.surface, default: 0] += 1
      }
    }
    let counted = Self.statistics(documents).organizations
    #expect(Set(counted.keys) == Set(expected.keys))
    #expect(expected.count > 5)
    for (id, reference) in expected {
      #expect(counted[id]?.total.count == reference.count, "\(id)")
      #expect(counted[id]?.aliases == reference.aliases, "\(id)")
    }
  }
}
