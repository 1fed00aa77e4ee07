import Analysis
import Corpus
import ReportModel
import Testing

/// `--pairs` keeps the pairs named together in the most documents (ties: by ids) and the report
/// still says how many pairs there were.
@Suite struct PairBoundTests {
  static func report(pairs: Int) -> Report {
    let ids = ["a", "b", "c", "d"]
    let slice = YearSlice(
      year: 2020, documents: 10, repairedDocuments: 0, tokens: 100, organizationMentions: 20,
      firstDate: CalendarDate(year: 2020, month: 1, day: 1)!,
      lastDate: CalendarDate(year: 2020, month: 12, day: 31)!, terms: [],
      organizations: ids.map {
        YearSlice.Organization(
          id: $0, registryName: $0.uppercased(), registered: true, count: 5, documents: 5,
          aliases: [$0.uppercased(): 5])
      },
      pairs: [
        YearSlice.Pair(a: "c", b: "d", documents: 2), YearSlice.Pair(a: "a", b: "b", documents: 1),
        YearSlice.Pair(a: "a", b: "d", documents: 2), YearSlice.Pair(a: "b", b: "c", documents: 3),
        YearSlice.Pair(a: "a", b: "c", documents: 2),
      ])
    return SliceReport.build([slice], pairs: pairs)
  }

  @Test(arguments: [0, 1, 3, 5, 1_000])
  func theStrongestPairsAreKeptInOrder(pairs: Int) {
    let report = Self.report(pairs: pairs)
    let order = ["b c", "a c", "a d", "c d", "a b"]
    #expect(report.cooccurrences.map { "\($0.a) \($0.b)" } == Array(order.prefix(pairs)))
    #expect(report.pairsCounted == 5)
    // Each shown pair is spelled out in full: names, and its documents per year.
    for pair in report.cooccurrences {
      #expect(pair.aName == pair.a.uppercased() && pair.bName == pair.b.uppercased())
      #expect(pair.years.map(\.year) == [2020] && pair.years[0].documents == pair.documents)
    }
    #expect(report.provenance.pairs == pairs)
  }
}
