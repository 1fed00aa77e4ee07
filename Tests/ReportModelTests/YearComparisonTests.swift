import Analysis
import Corpus
import ReportModel
import TestSupport
import Testing

/// Each year's comparison with the year before against a plain reference: G² over the union of
/// both years' terms, split by direction, ranked by G², size and bytes. Years are unpacked one
/// or two at a time, each with its own vocabulary, so words used in only one of two years and
/// bigrams whose words both exist elsewhere but never together are the cases that matter.
@Suite struct YearComparisonTests {
  /// Runs the pieces one after another but claims `width` cores, so the builder splits the
  /// years into that many runs.
  struct Wide: Parallel {
    var width: Int
    func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
      (0..<count).map(body)
    }
  }

  static func randomYears(seed: UInt64) -> [Int: [YearSlice.Term]] {
    var generator = SplitMix(seed: seed)
    var years: [Int: [YearSlice.Term]] = [:]
    for year in 2001...2009 where year != 2004 {
      var terms: [YearSlice.Term] = []
      var words: [String] = []
      // Each year uses a different part of a 60-word vocabulary, Cyrillic included.
      for index in 0..<60 where generator.next() % 3 != 0 {
        let word = index % 4 == 0 ? "слово\(index)" : "w\(index)"
        words.append(word)
        terms.append(
          YearSlice.Term(
            n: 1, text: word, count: Int(generator.next() % 50) + 1,
            documents: 1))
      }
      for _ in 0..<40 {
        let first = words[Int(generator.next() % UInt64(words.count))]
        let second = words[Int(generator.next() % UInt64(words.count))]
        let text = first + " " + second
        guard !terms.contains(where: { $0.text == text }) else { continue }
        terms.append(
          YearSlice.Term(n: 2, text: text, count: Int(generator.next() % 9) + 1, documents: 1))
      }
      years[year] = terms
    }
    return years
  }

  static func tokens(_ terms: [YearSlice.Term]) -> Int {
    terms.filter { $0.n == 1 }.reduce(0) { $0 + $1.count } * 2
  }

  /// "text count referenceCount direction" of the `limit` strongest terms each way.
  static func reference(
    _ year: [YearSlice.Term], _ before: [YearSlice.Term], limit: Int
  ) -> [String] {
    let tokens = Self.tokens(year)
    let referenceTokens = Self.tokens(before)
    var counts: [String: (n: Int, count: Int, reference: Int)] = [:]
    for term in year { counts[term.text] = (term.n, term.count, 0) }
    for term in before { counts[term.text, default: (term.n, 0, 0)].reference = term.count }
    var rising: [(Double, Int, String)] = []
    var falling: [(Double, Int, String)] = []
    for (text, figures) in counts {
      let here = Double(figures.count) * Double(referenceTokens)
      let there = Double(figures.reference) * Double(tokens)
      guard here != there else { continue }
      let g2 = Keyness.logLikelihood(
        count: figures.count, tokens: tokens, referenceCount: figures.reference,
        referenceTokens: referenceTokens)
      if here > there {
        rising.append((g2, figures.n, text))
      } else {
        falling.append((g2, figures.n, text))
      }
    }
    func ranked(_ scored: [(Double, Int, String)], _ direction: String) -> [String] {
      scored.sorted { lhs, rhs in
        if lhs.0 != rhs.0 { return lhs.0 > rhs.0 }
        if lhs.1 != rhs.1 { return lhs.1 < rhs.1 }
        return lhs.2.utf8.lexicographicallyPrecedes(rhs.2.utf8)
      }.prefix(limit).map {
        "\($0.2) \(counts[$0.2]!.count) \(counts[$0.2]!.reference) \(direction)"
      }
    }
    return ranked(rising, "rising") + ranked(falling, "falling")
  }

  /// Statistics holding `years`' terms.
  static func statistics(_ years: [Int: [YearSlice.Term]]) -> CorpusStatistics {
    let slices = years.keys.sorted().map { year in
      YearSlice(
        year: year, documents: 10, repairedDocuments: 0, tokens: tokens(years[year]!),
        organizationMentions: 0, firstDate: CalendarDate(year: year, month: 1, day: 1)!,
        lastDate: CalendarDate(year: year, month: 12, day: 31)!, terms: years[year]!,
        organizations: [], pairs: [])
    }
    return CorpusStatistics(
      restoring: slices, stopwords: StopwordList(words: [], source: "none"),
      matcher: OrganizationMatcher(registry: OrganizationRegistry.builtin()))
  }

  static func report(_ years: [Int: [YearSlice.Term]], limit: Int, width: Int) -> Report {
    ReportBuilder.build(
      statistics: statistics(years), rejected: [],
      settings: ReportSettings(
        corpusPath: "c", top: 5, trendTerms: limit, generatedAt: "2026-01-01T00:00:00Z",
        tool: "test", registryVersion: "1", stopwords: "none"),
      parallel: Wide(width: width))
  }

  /// 1,000 lists every term that moved; 7 checks the cut.
  @Test(arguments: [1, 2, 3, 8], [7, 1_000])
  func everyComparisonMatchesTheReference(width: Int, limit: Int) {
    let years = Self.randomYears(seed: UInt64(width))
    let report = Self.report(years, limit: limit, width: width)
    let sorted = years.keys.sorted()
    #expect(report.trends.map(\.year) == Array(sorted.dropFirst()))
    #expect(report.trends.map(\.reference) == Array(sorted.dropLast()))
    for comparison in report.trends {
      let shown = (comparison.rising + comparison.falling).map {
        "\($0.text) \($0.count) \($0.referenceCount) \($0.direction)"
      }
      #expect(
        shown
          == Self.reference(years[comparison.year]!, years[comparison.reference]!, limit: limit),
        "\(comparison.year)")
    }
  }

  /// Terms used in one year only have a G² that grows linearly with their uses, so each is
  /// exactly at the bound the comparison skips terms by: a term one use above the list's
  /// weakest, coming after the list is full, must still get in.
  @Test func aTermOneUseAboveTheWeakestStillGetsIn() {
    // In byte order: the falling words first (the other list fills), then ten rising words of
    // 5 uses (the list fills with three), then one of 6 and one of 7.
    let before = (0..<10).map { YearSlice.Term(n: 1, text: "aa\($0)", count: 10, documents: 1) }
    var after = (0..<10).map { YearSlice.Term(n: 1, text: "b\($0)", count: 5, documents: 1) }
    after.append(YearSlice.Term(n: 1, text: "c", count: 6, documents: 1))
    after.append(YearSlice.Term(n: 1, text: "d", count: 7, documents: 1))
    let report = Self.report([2001: before, 2002: after], limit: 3, width: 1)
    let comparison = report.trends[0]
    let shown = (comparison.rising + comparison.falling).map {
      "\($0.text) \($0.count) \($0.referenceCount) \($0.direction)"
    }
    #expect(shown == Self.reference(after, before, limit: 3))
    #expect(comparison.rising.map(\.text) == ["d", "c", "b0"])
  }

  @Test func howTheYearsAreSplitChangesNothing() {
    let years = Self.randomYears(seed: 99)
    let one = Self.report(years, limit: 4, width: 1)
    for width in [2, 3, 5, 40] {
      #expect(Self.report(years, limit: 4, width: width) == one, "\(width)")
    }
    #expect(
      one.years.map(\.types) == years.keys.sorted().map { years[$0]!.filter { $0.n == 1 }.count })
  }
}
