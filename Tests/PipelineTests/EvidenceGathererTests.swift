import Analysis
import Corpus
import Foundation
import Testing

@testable import Pipeline

/// The evidence gatherer reads the corpus a second time: it goes on from what the run's reads
/// learnt of the page cache instead of starting over.
@Suite struct EvidenceGathererTests {
  /// `count` articles of 2020 in a new folder (just written, so in the page cache), as sources.
  static func sources(_ count: Int) throws -> (folder: URL, sources: [EvidenceGatherer.Source]) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-gatherer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let date = try #require(CalendarDate(year: 2020, month: 3, day: 1))
    let sources = try (0..<count).map { index in
      let url = folder.appendingPathComponent("\(index).txt")
      try Data(" date 2020-03-01 Grain prices rose again in article \(index).".utf8).write(to: url)
      return EvidenceGatherer.Source(path: "\(index).txt", fullPath: url.path, date: date)
    }
    return (folder, sources)
  }

  static func analyzer() -> CorpusAnalyzer {
    CorpusAnalyzer(
      stopwords: StopwordList(words: [], source: "none"),
      matcher: OrganizationMatcher(registry: OrganizationRegistry.builtin()), workers: 2)
  }

  @Test func readsAsTheAnalyzerDoesAndNotesWhatItsReadsFound() throws {
    let (folder, sources) = try Self.sources(PrefetchPolicy.firstRun + 16)
    defer { try? FileManager.default.removeItem(at: folder) }
    let analyzer = Self.analyzer()
    let gatherer = EvidenceGatherer(readingAs: analyzer)
    #expect(gatherer.workers == analyzer.workers)
    #expect(analyzer.prefetching.value.prefetching)
    // A word no article holds: every article is read, and each read was all cached.
    let (lines, read, _) = gatherer.find(
      [.term(text: "barley", n: 1, year: 2020)], in: sources)
    #expect(lines == [[]])
    #expect(read == sources.count)
    #expect(!analyzer.prefetching.value.prefetching, "the analyzer's policy learnt the reads")

    // A gatherer made apart learns on its own.
    let apart = Self.analyzer()
    let own = EvidenceGatherer(matcher: apart.matcher, workers: 2)
    _ = own.find([.term(text: "barley", n: 1, year: 2020)], in: sources)
    #expect(apart.prefetching.value.prefetching)
    #expect(!own.prefetching.value.prefetching)
  }
}
