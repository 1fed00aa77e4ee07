import Analysis
import ReportModel
import Testing

/// Terms the user follows (`--term`): each one's figures in every year, whatever its rank, as
/// summing the years' own terms gives them.
@Suite struct FollowedTermTests {
  static func report(
    _ years: [Int: [YearSlice.Term]], following: [FollowedTerm], top: Int, width: Int
  ) -> Report {
    var settings = ReportSettings(
      corpusPath: "c", top: top, trendTerms: 3, generatedAt: "2026-01-01T00:00:00Z", tool: "test",
      registryVersion: "1", stopwords: "none")
    settings.followedTerms = following
    return ReportBuilder.build(
      statistics: YearComparisonTests.statistics(years), rejected: [], settings: settings,
      parallel: YearComparisonTests.Wide(width: width))
  }

  /// The rarest unigram and bigram of random years (far from a top list of 3), a frequent
  /// unigram, a bigram whose words are both used but never together, one asked twice and one
  /// never counted: each with the counts the years hold, zeros where a year has none.
  @Test(arguments: [1, 2, 3])
  func eachFollowedTermHasItsCountsInEveryYear(width: Int) throws {
    let years = YearComparisonTests.randomYears(seed: 11)
    let all = years.values.flatMap { $0 }
    func total(_ term: YearSlice.Term) -> Int {
      all.filter { $0.text == term.text }.reduce(0) { $0 + $1.count }
    }
    let unigrams = all.filter { $0.n == 1 }.sorted { total($0) < total($1) }
    let bigrams = all.filter { $0.n == 2 }.sorted { total($0) < total($1) }
    let used = Set(all.map(\.text))
    let words = unigrams.map(\.text)
    let apart = try #require(
      words.lazy.flatMap { a in words.lazy.map { b in a + " " + b } }.first { !used.contains($0) })
    let following = [
      FollowedTerm(n: 1, text: unigrams.first!.text), FollowedTerm(n: 2, text: bigrams.first!.text),
      FollowedTerm(n: 1, text: unigrams.last!.text), FollowedTerm(n: 2, text: apart),
      FollowedTerm(n: 1, text: unigrams.first!.text), FollowedTerm(n: 1, text: "never"),
      FollowedTerm(n: 2, text: "one"), FollowedTerm(n: 1, text: "two words"),
      FollowedTerm(n: 2, text: "a  b"),
    ]
    let report = Self.report(years, following: following, top: 3, width: width)
    #expect(
      report.followedTerms.map { "\($0.n) \($0.text)" }
        == [following[0], following[1], following[2], following[3], following[5]].map {
          "\($0.n) \($0.text)"
        })
    let sorted = years.keys.sorted()
    for entry in report.followedTerms {
      let expected = sorted.map { year in
        years[year]!.filter { $0.n == entry.n && $0.text == entry.text }.reduce(0) {
          $0 + $1.count
        }
      }
      #expect(entry.years.map(\.year) == sorted)
      #expect(entry.years.map(\.count) == expected, "\(entry.text)")
      #expect(entry.count == expected.reduce(0, +), "\(entry.text)")
    }
    #expect(report.followedTerms[3].count == 0)
    #expect(report.followedTerms[4].years.allSatisfy { $0.count == 0 && $0.perTenThousand == 0 })
    // Following terms changes no other figure.
    let plain = Self.report(years, following: [], top: 3, width: width)
    #expect(plain.followedTerms.isEmpty)
    #expect(report.unigrams == plain.unigrams)
    #expect(report.bigrams == plain.bigrams)
    #expect(report.trends == plain.trends)
  }
}
