import Analysis
import Corpus
import ReportModel

/// Reports built from hand-made years, as the report step builds them from the state.
enum SliceReport {
  /// The report of `slices` with the given bounds and fixed labels.
  static func build(_ slices: [YearSlice], pairs: Int, topOrganizations: Int = 1_000) -> Report {
    let statistics = CorpusStatistics(
      restoring: slices, stopwords: StopwordList(words: [], source: "none"),
      matcher: OrganizationMatcher(registry: OrganizationRegistry.builtin()))
    return ReportBuilder.build(
      statistics: statistics, rejected: [],
      settings: ReportSettings(
        corpusPath: "c", pairs: pairs, topOrganizations: topOrganizations,
        generatedAt: "2026-01-01T00:00:00Z", tool: "test", registryVersion: "1",
        stopwords: "none"))
  }

  /// A year of `tokens` word tokens in 10 documents whose organizations (discovered, each in
  /// one document, `year/id.txt` of June 1, named by its id in capitals) have the given
  /// `mentions`.
  static func slice(_ year: Int, tokens: Int, _ mentions: [String: Int]) -> YearSlice {
    YearSlice(
      year: year, documents: 10, repairedDocuments: 0, tokens: tokens,
      organizationMentions: mentions.values.reduce(0, +),
      firstDate: CalendarDate(year: year, month: 1, day: 1)!,
      lastDate: CalendarDate(year: year, month: 12, day: 31)!, terms: [],
      organizations: mentions.keys.sorted().map { id in
        YearSlice.Organization(
          id: id, registryName: id.uppercased(), registered: false, count: mentions[id]!,
          documents: 1, aliases: [id.uppercased(): mentions[id]!],
          latest: LatestDocuments([
            LatestDocuments.Document(
              date: CalendarDate(year: year, month: 6, day: 1)!, path: "\(year)/\(id).txt")
          ]))
      },
      pairs: [])
  }
}
