import Corpus
import Testing

@testable import Analysis

/// A year's bigram log against a dictionary (with its log combined every few entries, and not),
/// and occurrence and document counts (through per-document tallies, a merge and a slice round
/// trip) against a reference.
@Suite struct BigramTalliesTests {
  /// A small linear congruential generator, so that runs are repeatable.
  struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  /// 50,000 additions, as single bigrams and as documents, of keys whose words reach further as
  /// they go: first ids 0-299 and then up to 20,000, so that the log holds repeats and new keys.
  @Test(arguments: [1, 7, 1_000, BigramTallies.defaultLogLimit])
  func behavesLikeADictionary(logLimit: Int) {
    var random = Random(state: UInt64(logLimit))
    var table = BigramTallies(logLimit: logLimit)
    var reference: [BigramKey: TermTally] = [:]
    #expect(table.count == 0)
    #expect(table[BigramKey(0, 0)] == nil)
    var round = 0
    while round < 50_000 {
      let reach = round < 25_000 ? 300 : 20_000
      if random.next(2) == 0 {
        let key = BigramKey(Int32(random.next(reach)), Int32(random.next(300)))
        let tally = TermTally(count: 1 + random.next(3), documents: 1 + random.next(2))
        table.add(key, tally)
        reference[key, default: TermTally()].add(tally)
        round += 1
      } else {
        // A document: distinct keys, each with its count and one document.
        var keys: [UInt64] = []
        var seen = Set<UInt64>()
        for _ in 0..<random.next(40) {
          let key = BigramKey(Int32(random.next(reach)), Int32(random.next(reach))).packed
          if seen.insert(key).inserted { keys.append(key) }
        }
        let counts = keys.map { _ in UInt32(1 + random.next(4)) }
        // Slots are indices into keys and counts, in any order.
        let slots = keys.indices.reversed().map { Int32($0) }
        keys.withUnsafeBufferPointer { keys in
          counts.withUnsafeBufferPointer { counts in
            slots.withUnsafeBufferPointer { slots in
              table.addDocument(keys: keys.baseAddress!, counts: counts.baseAddress!, slots: slots)
            }
          }
        }
        for (key, count) in zip(keys, counts) {
          reference[BigramKey(packed: key), default: TermTally()].add(
            TermTally(count: Int(count), documents: 1))
        }
        round += keys.count
      }
    }
    #expect(table.count == reference.count)
    let distinct = table.distinct()
    #expect(
      zip(distinct, distinct.dropFirst()).allSatisfy {
        ($0.first, $0.second) < ($1.first, $1.second)
      })
    var seen: [BigramKey: TermTally] = [:]
    for bigram in distinct {
      seen[BigramKey(bigram.first, bigram.second)] = TermTally(
        count: Int(bigram.count), documents: Int(bigram.documents))
    }
    #expect(seen == reference)
    // Each lookup combines a copy: a few of them.
    for (key, tally) in reference.prefix(20) { #expect(table[key] == tally) }
    #expect(table[BigramKey(20_000, 0)] == nil)
    #expect(table[BigramKey(0, 20_000)] == nil)
    // Handed over, every entry is there, combined or not, and the table is empty.
    var handed: [BigramKey: TermTally] = [:]
    table.forEachEntry { handed[$0, default: TermTally()].add($1) }
    #expect(handed == reference)
    let taken = table.takeEntries()
    #expect(table.count == 0)
    var summed: [BigramKey: TermTally] = [:]
    for bigram in taken {
      summed[BigramKey(bigram.first, bigram.second), default: TermTally()].add(
        TermTally(count: Int(bigram.count), documents: Int(bigram.documents)))
    }
    #expect(summed == reference)
  }

  /// With a small limit the log is combined as it goes, and never holds more than the distinct
  /// bigrams plus as many again (or the limit).
  @Test func theLogStaysBounded() {
    var random = Random(state: 3)
    var table = BigramTallies(logLimit: 64)
    var distinct = Set<BigramKey>()
    for round in 0..<20_000 {
      let key = BigramKey(Int32(random.next(30)), Int32(random.next(30)))
      distinct.insert(key)
      table.add(key, TermTally(count: 1, documents: 1))
      guard round % 7 == 0 else { continue }
      var entries = 0
      table.forEachEntry { _, _ in entries += 1 }
      #expect(entries <= 2 * max(64, distinct.count) + 1)
    }
    #expect(table.count == distinct.count)
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
