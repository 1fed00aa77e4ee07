import Analysis
import Corpus
import Testing

/// The sparse per-year tallies: the hash table against a dictionary, and occurrence and document
/// counts (through per-document tallies, a merge and a slice round trip) against a reference.
@Suite struct TallyTableTests {
  /// A small linear congruential generator, so that runs are repeatable.
  struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  @Test func behavesLikeADictionary() {
    var random = Random(state: 7)
    var table = TallyTable()
    var reference: [UInt64: TermTally] = [:]
    #expect(table[0] == nil)
    for round in 0..<50_000 {
      // Unigram-like small keys, and bigram-like packed pairs that share their low half.
      let key =
        round % 2 == 0
        ? UInt64(random.next(20_000))
        : BigramKey(Int32(random.next(300)), Int32(random.next(300))).packed
      let tally = TermTally(count: 1 + random.next(3), documents: 1)
      table.add(key, tally)
      reference[key, default: TermTally()].add(tally)
    }
    #expect(table.count == reference.count)
    var seen: [UInt64: TermTally] = [:]
    for (key, tally) in table {
      #expect(seen[key] == nil, "key \(key) listed twice")
      seen[key] = tally
    }
    #expect(seen == reference)
    for (key, tally) in reference { #expect(table[key] == tally) }
    #expect(table[UInt64(20_000)] == nil)
    #expect(table[BigramKey(300, 0)] == nil)
  }

  @Test func reservingCapacityKeepsTheContents() {
    var table = TallyTable(minimumCapacity: 10)
    for key in 0..<100 as Range<UInt64> { table.add(key, count: 2, documents: 1) }
    table.reserveCapacity(100_000)
    #expect(table.count == 100)
    for key in 0..<100 as Range<UInt64> { #expect(table[key] == TermTally(count: 2, documents: 1)) }
  }

  /// Many small documents around one with far more distinct words than any other (the
  /// per-document table grows for it, and is let go after it), in two years, counted by two
  /// "workers" and merged, then cut into slices and restored.
  @Test func documentFrequenciesMatchTheReference() {
    var random = Random(state: 42)
    var documents: [(year: Int, words: [String])] = []
    for index in 0..<120 {
      let length = index == 60 ? 150_000 : 1 + random.next(60)
      let vocabulary = index == 60 ? 90_000 : 400
      let words = (0..<length).map { _ in "w\(random.next(vocabulary))" }
      documents.append((2020 + random.next(2), words))
    }

    var unigrams: [Int: [String: TermTally]] = [:]
    var bigrams: [Int: [String: TermTally]] = [:]
    for (year, words) in documents {
      var counts: [String: Int] = [:]
      var pairs: [String: Int] = [:]
      for (index, word) in words.enumerated() {
        counts[word, default: 0] += 1
        if index > 0 { pairs[words[index - 1] + " " + word, default: 0] += 1 }
      }
      for (word, count) in counts {
        unigrams[year, default: [:]][word, default: TermTally()].add(
          TermTally(count: count, documents: 1))
      }
      for (pair, count) in pairs {
        bigrams[year, default: [:]][pair, default: TermTally()].add(
          TermTally(count: count, documents: 1))
      }
    }

    let matcher = OrganizationMatcher(registry: OrganizationRegistry.builtin())
    var first = CorpusStatistics(stopwords: StopwordList.builtin(), matcher: matcher)
    var second = CorpusStatistics(stopwords: StopwordList.builtin(), matcher: matcher)
    for (index, document) in documents.enumerated() {
      let text = Document(
        path: "d\(index).txt", date: CalendarDate(year: document.year, month: 6, day: 1)!,
        text: Array(document.words.joined(separator: " ").utf8))
      if index % 3 == 0 { second.add(text) } else { first.add(text) }
    }
    first.merge(second)

    func check(_ statistics: CorpusStatistics, _ label: String) {
      var fastUnigrams: [Int: [String: TermTally]] = [:]
      var fastBigrams: [Int: [String: TermTally]] = [:]
      for slice in statistics.slices() {
        for term in slice.terms {
          let tally = TermTally(count: term.count, documents: term.documents)
          if term.n == 1 {
            fastUnigrams[slice.year, default: [:]][term.text] = tally
          } else {
            fastBigrams[slice.year, default: [:]][term.text] = tally
          }
        }
        #expect(statistics.years[slice.year]!.types == unigrams[slice.year]!.count, "\(label)")
      }
      #expect(fastUnigrams == unigrams, "\(label)")
      #expect(fastBigrams == bigrams, "\(label)")
    }
    check(first, "merged")
    let restored = CorpusStatistics(
      restoring: first.slices(), stopwords: StopwordList.builtin(), matcher: matcher)
    check(restored, "restored")
  }
}
