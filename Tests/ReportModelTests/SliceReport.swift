import Analysis
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
}
