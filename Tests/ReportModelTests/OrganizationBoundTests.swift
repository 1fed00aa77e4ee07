import Analysis
import Corpus
import ReportModel
import Testing

/// `--top-organizations` keeps the organizations mentioned most, and every registered one and
/// every one in a listed pair whatever its mentions; the report still says how many there were.
@Suite struct OrganizationBoundTests {
  /// Seven organizations, mentioned 70, 60, … 10 times in that order: `a` and `e` registered,
  /// the rest discovered; `f` is named with `a` in 3 documents, `g` with `b` in 1.
  static func report(top: Int, pairs: Int) -> Report {
    let mentions = ["a": 70, "b": 60, "c": 50, "d": 40, "e": 30, "f": 20, "g": 10]
    let slice = YearSlice(
      year: 2020, documents: 100, repairedDocuments: 0, tokens: 10_000,
      organizationMentions: 280, firstDate: CalendarDate(year: 2020, month: 1, day: 1)!,
      lastDate: CalendarDate(year: 2020, month: 12, day: 31)!, terms: [],
      organizations: mentions.keys.sorted().map { id in
        YearSlice.Organization(
          id: id, registryName: id.uppercased(), registered: id == "a" || id == "e",
          count: mentions[id]!, documents: mentions[id]! / 2,
          aliases: [id.uppercased(): mentions[id]!])
      },
      pairs: [
        YearSlice.Pair(a: "a", b: "f", documents: 3), YearSlice.Pair(a: "b", b: "g", documents: 1),
      ])
    return SliceReport.build([slice], pairs: pairs, topOrganizations: top)
  }

  /// Worked out by hand from the mentions, the registered flags and the pairs above.
  @Test(arguments: [
    (0, 0, "a e"), (0, 1, "a e f"), (0, 2, "a b e f g"), (2, 0, "a b e"), (2, 1, "a b e f"),
    (3, 2, "a b c e f g"), (5, 0, "a b c d e"), (7, 0, "a b c d e f g"),
    (1_000, 2, "a b c d e f g"),
  ])
  func theMostMentionedTheRegisteredAndThePairedAreListed(top: Int, pairs: Int, ids: String) {
    let report = Self.report(top: top, pairs: pairs)
    #expect(report.organizations.map(\.id).joined(separator: " ") == ids)
    #expect(report.organizationsCounted == 7)
    #expect(report.provenance.topOrganizations == top)
    // Each listed pair's organizations are listed, as the schema's keys require.
    let listed = Set(report.organizations.map(\.id))
    for pair in report.cooccurrences { #expect(listed.contains(pair.a) && listed.contains(pair.b)) }
    // A listed organization keeps its figures.
    for organization in report.organizations {
      #expect(organization.count == organization.documents * 2)
      #expect(organization.aliases.map(\.text) == [organization.id.uppercased()])
    }
  }

  /// An organization's rate in a year is its mentions per 10,000 of that year's word tokens, not
  /// of the corpus's: the same 30 mentions are 15 in a year of 20,000 tokens and 5 in one of
  /// 60,000.
  @Test func anOrganizationsRateInAYearIsPerTenThousandOfThatYearsTokens() {
    let report = SliceReport.build(
      [
        SliceReport.slice(2019, tokens: 20_000, ["a": 30]),
        SliceReport.slice(2020, tokens: 60_000, ["a": 30, "b": 3]),
      ],
      pairs: 0)
    let rates = Dictionary(
      uniqueKeysWithValues: report.organizations.map {
        ($0.id, $0.years.map { [Double($0.year), Double($0.count), $0.perTenThousand] })
      })
    #expect(rates["a"] == [[2019, 30, 15], [2020, 30, 5]])
    #expect(rates["b"] == [[2020, 3, 0.5]])
  }
}
