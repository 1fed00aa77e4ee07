import Analysis
import Corpus
import Testing

/// Two workers' slices of a year merged equal the slice of counting all the year's documents at
/// once: terms, organizations with their aliases, pairs, totals and dates.
@Suite struct YearSliceMergeTests {
  static let texts = [
    "The EAEU met the UN. Trade grows, trade falls.",
    "Eurasian Economic Union (EAEU) and CSTO talks; trade grows again.",
    "Министерство иностранных дел и ЕАЭС. Торговля растёт.",
    "The Information Policy Department of the EEU met the United Nations.",
    "CSTO, EAEU and UN: trade grows. Well-known trade's rules.",
    "Nothing but words here, words and words.",
  ]

  static func statistics(_ indices: [Int]) -> CorpusStatistics {
    var statistics = CorpusStatistics(
      stopwords: StopwordList.builtin(),
      matcher: OrganizationMatcher(registry: OrganizationRegistry.builtin()))
    for index in indices {
      statistics.add(
        Document(
          path: "\(index).txt", date: CalendarDate(year: 2021, month: 1 + index, day: 3)!,
          text: Array(texts[index].utf8), repairedSequences: index == 2 ? 1 : 0))
    }
    return statistics
  }

  @Test(arguments: [[0, 2, 4], [1], [0, 1, 2, 3, 4, 5], []] as [[Int]])
  func mergedHalvesEqualTheWholeYear(first: [Int]) {
    let second = Self.texts.indices.filter { !first.contains($0) }
    let whole = Self.statistics(Array(Self.texts.indices)).slice(year: 2021)!
    let parts = [first, second].filter { !$0.isEmpty }.map {
      Self.statistics($0).slice(year: 2021)!
    }
    let merged = parts.dropFirst().reduce(parts[0]) { $0.merging($1) }
    #expect(merged == whole)
    #expect(merged.packedTerms.terms == whole.packedTerms.terms)
  }
}
