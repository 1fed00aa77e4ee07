import Foundation
import Pipeline
import ReportModel
import Store
import Testing

/// A run keeps its report's comparisons of consecutive years in the state, and the next one
/// uses those of years whose figures did not change instead of comparing them again.
@Suite(.serialized) struct KeptComparisonRunTests {
  let articles = ArticleCorpus("kept")

  func run(_ out: String, full: Bool = false, trendTerms: Int = 20) throws -> Report {
    var options = articles.options(out: out, full: full)
    options.trendTerms = trendTerms
    return try ReportJob.run(options).report
  }

  /// The comparisons of a report, without their evidence lines.
  func comparisons(_ report: Report) -> [TrendComparison] { report.trends.map(\.withoutEvidence) }

  @Test func aQuietRunUsesTheKeptComparisonsAndAChangedYearIsComparedAgain() throws {
    defer { articles.remove() }
    let words = ["wheat", "barley", "oats", "rye", "maize", "millet", "sorghum"]
    for year in 2018...2021 {
      for article in 0..<3 {
        let text = (0..<12).map { words[($0 * (year - 2016) + article) % words.count] }
        try articles.write(
          "\(year)/\(article).txt", date: "\(year)-0\(article + 1)-01",
          text.joined(separator: " ") + ".")
      }
    }
    let first = try run("out")
    #expect(first.trends.map(\.year) == [2019, 2020, 2021])

    // Each kept comparison marked with a term no comparison of these years finds.
    let store = try StateStore.open(path: articles.options(out: "out").resolvedStatePath)
    let kept = try store.comparisons(trendTerms: 20, version: ReportBuilder.comparisonVersion)
    #expect(kept == comparisons(first))
    let marked = kept.map { comparison in
      var comparison = comparison
      comparison.rising.insert(
        TrendTerm(
          text: "kept", n: 1, direction: .rising, count: 1, referenceCount: 0,
          logLikelihood: 1e6, logRatio: 1),
        at: 0)
      return comparison
    }
    try store.commit(
      StateChange(
        comparisons: KeptComparisons(
          trendTerms: 20, version: ReportBuilder.comparisonVersion, comparisons: marked)))
    try store.close()

    // Nothing changed: every comparison is the kept one.
    #expect(comparisons(try run("out")) == marked)

    // 2020 edited: its comparisons with 2019 and with 2021 are worked out again, as a full
    // rebuild works them out; 2019's with 2018 is still the kept one.
    try articles.write(
      "2020/1.txt", date: "2020-02-01", "Rye and oats, oats and rye, and more rye.")
    let edited = comparisons(try run("out"))
    let full = comparisons(try run("full", full: true))
    #expect(edited == [marked[0], full[1], full[2]])

    // Another number of trend terms: every comparison is worked out again.
    #expect(
      comparisons(try run("out", trendTerms: 3)) == comparisons(try run("full", trendTerms: 3)))
  }
}
