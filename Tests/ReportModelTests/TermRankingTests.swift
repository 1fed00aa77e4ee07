import Analysis
import Corpus
import TestSupport
import Testing

@testable import ReportModel

/// The ranked term lists against a plain reference: every term's total summed over the years,
/// sorted by count, documents and bytes, cut at `top`.
@Suite struct TermRankingTests {
  static func statistics(_ years: [Int: [YearSlice.Term]]) -> CorpusStatistics {
    let slices = years.keys.sorted().map { year in
      YearSlice(
        year: year, documents: 1_000, repairedDocuments: 0,
        tokens: years[year]!.reduce(0) { $0 + $1.count } + 1, organizationMentions: 0,
        firstDate: CalendarDate(year: year, month: 1, day: 1)!,
        lastDate: CalendarDate(year: year, month: 12, day: 31)!, terms: years[year]!,
        organizations: [], pairs: [])
    }
    return CorpusStatistics(
      restoring: slices, stopwords: StopwordList(words: [], source: "none"),
      matcher: OrganizationMatcher(registry: OrganizationRegistry.builtin()))
  }

  static func report(_ statistics: CorpusStatistics, top: Int) -> Report {
    ReportBuilder.build(
      statistics: statistics, rejected: [],
      settings: ReportSettings(
        corpusPath: "c", top: top, trendTerms: 3, generatedAt: "2026-01-01T00:00:00Z",
        tool: "test", registryVersion: "1", stopwords: "none"))
  }

  /// The reference ranking: (text, count, documents) of the `top` most frequent terms of size n.
  static func reference(_ years: [Int: [YearSlice.Term]], n: Int, top: Int) -> [String] {
    var totals: [String: (count: Int, documents: Int)] = [:]
    for terms in years.values {
      for term in terms where term.n == n {
        let old = totals[term.text] ?? (0, 0)
        totals[term.text] = (old.count + term.count, old.documents + term.documents)
      }
    }
    return totals.sorted { lhs, rhs in
      if lhs.value.count != rhs.value.count { return lhs.value.count > rhs.value.count }
      if lhs.value.documents != rhs.value.documents {
        return lhs.value.documents > rhs.value.documents
      }
      return lhs.key.utf8.lexicographicallyPrecedes(rhs.key.utf8)
    }.prefix(top).map { "\($0.key) \($0.value.count) \($0.value.documents)" }
  }

  static func shown(_ entries: [TermEntry]) -> [String] {
    entries.map { "\($0.text) \($0.count) \($0.documents)" }
  }

  /// Ten years; each has a spike of 30 that no other year uses, and "steady" with 10 a year
  /// (100 overall) is never a year's most frequent term.
  /// Random terms for each of `years`: about two thirds of `words` unigrams `w0`, `w1`, …, a
  /// word's counts falling with its index, and half of those with a bigram too.
  static func randomYears(
    _ years: ClosedRange<Int>, words: Int, seed: UInt64, largest: UInt64 = 3_000
  ) -> [Int: [YearSlice.Term]] {
    var generator = SplitMix(seed: seed)
    var result: [Int: [YearSlice.Term]] = [:]
    for year in years {
      var terms: [YearSlice.Term] = []
      for index in 0..<words where generator.next() % 3 != 0 {
        let count = Int(generator.next() % largest) / (index + 1) + 1
        terms.append(YearSlice.Term(n: 1, text: "w\(index)", count: count, documents: 1))
        if generator.next() % 2 == 0 {
          terms.append(
            YearSlice.Term(n: 2, text: "w\(index) w\(index % 13)", count: count, documents: 1))
        }
      }
      result[year] = terms
    }
    return result
  }

  static func steadyAndSpikes() -> [Int: [YearSlice.Term]] {
    var years: [Int: [YearSlice.Term]] = [:]
    for year in 2000..<2010 {
      years[year] = [
        YearSlice.Term(n: 1, text: "spike\(year)", count: 30, documents: 3),
        YearSlice.Term(n: 1, text: "steady", count: 10, documents: 2),
      ]
    }
    return years
  }

  @Test func aTermSteadyInEveryYearOutranksEachYearsOwnSpike() {
    let years = Self.steadyAndSpikes()
    let report = Self.report(Self.statistics(years), top: 1)
    #expect(Self.shown(report.unigrams) == ["steady 100 20"])
    #expect(report.unigrams.first?.years.map(\.count) == Array(repeating: 10, count: 10))
  }

  @Test(arguments: [1, 2, 7, 50, 500])
  func randomCountsRankAsTheReferenceDoes(top: Int) {
    var generator = SplitMix(seed: UInt64(top))
    var years: [Int: [YearSlice.Term]] = [:]
    for year in 1990..<2002 {
      var terms: [YearSlice.Term] = []
      for index in 0..<300 where generator.next() % 3 != 0 {
        // Zipf-like: a few large counts, many small ones and many ties.
        let count = Int(generator.next() % 4_000) / (index + 1) + 1
        let documents = max(1, count - Int(generator.next() % UInt64(count)))
        terms.append(YearSlice.Term(n: 1, text: "w\(index)", count: count, documents: documents))
        if generator.next() % 2 == 0 {
          terms.append(
            YearSlice.Term(
              n: 2, text: "w\(index) w\(index % 17)", count: count / 2 + 1, documents: 1))
        }
      }
      years[year] = terms
    }
    let report = Self.report(Self.statistics(years), top: top)
    #expect(Self.shown(report.unigrams) == Self.reference(years, n: 1, top: top))
    #expect(Self.shown(report.bigrams) == Self.reference(years, n: 2, top: top))
  }

  /// When the candidates for the most frequent terms are more than the cap allows (a
  /// vocabulary so even that nearly every term could be among them), every term's total is
  /// added up instead, from every year's terms pooled: the lists are still the reference's,
  /// whatever the cap, and the report is the one built without a cap.
  @Test(arguments: [1, 3, 40])
  func anEvenVocabularyPastTheCapRanksAsTheReferenceDoes(top: Int) throws {
    var generator = SplitMix(seed: UInt64(100 + top))
    var years: [Int: [YearSlice.Term]] = [:]
    for year in 2001...2012 {
      var terms: [YearSlice.Term] = []
      // Counts of 1 to 3, so most terms tie with many others on both numbers.
      for index in 0..<120 where generator.next() % 2 == 0 {
        let word = index % 5 == 0 ? "слово\(index)" : "w\(index)"
        let count = Int(generator.next() % 3) + 1
        let documents = count - Int(generator.next() % UInt64(count))
        terms.append(YearSlice.Term(n: 1, text: word, count: count, documents: documents))
        let other = Int(generator.next() % 40)
        terms.append(
          YearSlice.Term(
            n: 2, text: word + " w\(other)", count: count, documents: max(1, documents - 1)))
      }
      years[year] = terms
    }
    let statistics = Self.statistics(years)
    let settings = ReportSettings(
      corpusPath: "c", top: top, trendTerms: 3, generatedAt: "2026-01-01T00:00:00Z",
      tool: "test", registryVersion: "1", stopwords: "none")
    let plain = ReportBuilder.build(statistics: statistics, rejected: [], settings: settings)
    #expect(Self.shown(plain.unigrams) == Self.reference(years, n: 1, top: top))
    #expect(Self.shown(plain.bigrams) == Self.reference(years, n: 2, top: top))
    let uncapped = Reading(StatisticsYears(statistics))
    _ = ReportBuilder.build(source: uncapped, rejected: [], settings: settings)
    for cap in [0, 5, 60] {
      let source = Reading(StatisticsYears(statistics))
      let capped = ReportBuilder.build(
        source: source, rejected: [], settings: settings,
        parallel: YearComparisonTests.Wide(width: 2), candidateCap: cap)
      #expect(capped == plain, "cap \(cap)")
      // The years were pooled: each year's terms read twice more.
      #expect(source.reads.value > uncapped.reads.value, "cap \(cap)")
    }
  }

  /// Years that count how often their terms are read.
  struct Reading: YearSource {
    let source: StatisticsYears
    let reads = Shared(0)
    var years: [Int] { source.years }

    init(_ source: StatisticsYears) { self.source = source }

    func slice(_ year: Int) -> YearSlice {
      reads.withLock { $0 += 1 }
      return source.slice(year)
    }
  }
}
