import ReportModel
import Testing

/// ``SinceLastRunBuilder``'s moved terms: those both reports list, by how much their rate
/// changed, against a plain reading of the two lists.
@Suite struct SinceLastRunBuilderTests {
  func report(unigrams: [(String, Double)]) -> Report {
    Report(
      schemaVersion: "1", generatedAt: "2026-12-05T00:00:00Z", tool: "test",
      provenance: Provenance(
        tokenizerVersion: "1", registryVersion: "1", stopwords: "none", top: 50, trendTerms: 20),
      corpus: CorpusSummary(
        path: "c", documents: 1, rejected: 0, tokens: 10_000, firstDate: nil, lastDate: nil,
        repairedDocuments: 0),
      years: [],
      unigrams: unigrams.map {
        TermEntry(text: $0.0, n: 1, count: 1, documents: 1, perTenThousand: $0.1, years: [])
      },
      bigrams: [], organizations: [], cooccurrences: [], trends: [], rejected: [])
  }

  func moved(previous: [String: Double], current: [(String, Double)]) -> [SinceLastRun.MovedTerm] {
    SinceLastRunBuilder.build(
      report: report(unigrams: current), previousRunAt: "2026-12-04T00:00:00Z",
      newDocuments: [:], removedDocuments: 0, addedCopies: 0, removedCopies: 0,
      seenOrganizations: [], seenPairs: [],
      previousRates: Dictionary(
        uniqueKeysWithValues: previous.map { (SinceLastRunBuilder.TermKey(n: 1, text: $0), $1) })
    ).movedTerms
  }

  /// "wheat" entered the list and "migration" left it, each with a large rate: neither moved
  /// by its whole rate, so neither is listed; of the terms both list, the larger change first.
  @Test func termsListedInOneReportAloneDoNotMove() {
    let terms = moved(
      previous: ["migration": 15.88, "trade": 20.0, "grain": 10.0, "oil": 5.0],
      current: [("wheat", 16.19), ("trade", 21.0), ("grain", 7.5), ("oil", 5.0)])
    #expect(terms.map(\.text) == ["grain", "trade"])
    #expect(terms.map(\.before) == [10.0, 20.0])
    #expect(terms.map(\.after) == [7.5, 21.0])
  }

  /// On the first run nothing moved.
  @Test func nothingMovesOnTheFirstRun() {
    let since = SinceLastRunBuilder.build(
      report: report(unigrams: [("trade", 1)]), previousRunAt: nil, newDocuments: [:],
      removedDocuments: 0, addedCopies: 0, removedCopies: 0, seenOrganizations: [], seenPairs: [],
      previousRates: [SinceLastRunBuilder.TermKey(n: 1, text: "trade"): 2])
    #expect(since.movedTerms.isEmpty)
  }
}
