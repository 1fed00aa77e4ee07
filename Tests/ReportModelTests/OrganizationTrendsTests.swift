import Analysis
import Corpus
import Foundation
import TestSupport
import Testing

@testable import ReportModel

/// The organizations rising and falling in a comparison are those a plain reading of the
/// definition finds: every organization's mentions in the year against those of its reference
/// years added up, each side over its word tokens, ranked by G² (ties by id), the rate deciding
/// the direction.
@Suite struct OrganizationTrendsTests {
  /// Dunning's G², written out from its definition with Foundation's `log`.
  static func g2(_ a: Int, _ c: Int, _ b: Int, _ d: Int) -> Double {
    let total = Double(c + d)
    var sum = 0.0
    if a > 0 { sum += Double(a) * log(Double(a) / (Double(c) * Double(a + b) / total)) }
    if b > 0 { sum += Double(b) * log(Double(b) / (Double(d) * Double(a + b) / total)) }
    return 2 * sum
  }

  /// `organizations` organizations over years 0 to 3 with random mentions (often none, often
  /// equal), and random tokens per year.
  static func random(seed: UInt64, organizations: Int) -> (
    tallies: [String: OrganizationTally], tokens: [Int: Int]
  ) {
    var generator = SplitMix(seed: seed)
    var tallies: [String: OrganizationTally] = [:]
    for index in 0..<organizations {
      var tally = OrganizationTally(registryName: "Org \(index)", registered: true)
      for year in 0..<4 where generator.int(3) > 0 {
        tally.years[year] = TermTally(count: 1 + generator.int(6), documents: 1)
      }
      tallies["org-\(index)"] = tally
    }
    let tokens = Dictionary(
      uniqueKeysWithValues: (0..<4).map { ($0, 1_000 + generator.int(3) * 500) })
    return (tallies, tokens)
  }

  @Test(
    arguments: [
      (1, [0]), (3, [2]), (3, [0, 1, 2]), (0, [1, 3]),
    ] as [(Int, [Int])])
  func everyOrganizationIsWeighedAsTheDefinitionSays(year: Int, references: [Int]) {
    for seed in 1...4 as ClosedRange<UInt64> {
      let (tallies, tokens) = Self.random(seed: seed, organizations: 40)
      let found = OrganizationTrends.compare(
        year: year, references: references, tallies: tallies, tokens: tokens, limit: 7)

      let c = tokens[year]!
      let d = references.map { tokens[$0]! }.reduce(0, +)
      var expected: [TrendTerm.Direction: [(g2: Double, id: String, a: Int, b: Int)]] = [:]
      for (id, tally) in tallies {
        let a = tally.years[year]?.count ?? 0
        let b = references.map { tally.years[$0]?.count ?? 0 }.reduce(0, +)
        let (here, there) = (Double(a) / Double(c), Double(b) / Double(d))
        guard a * d != b * c else { continue }
        expected[here > there ? .rising : .falling, default: []].append(
          (Self.g2(a, c, b, d), id, a, b))
      }
      for (direction, list) in [
        (TrendTerm.Direction.rising, found.rising), (.falling, found.falling),
      ] {
        let want = (expected[direction] ?? []).sorted {
          abs($0.g2 - $1.g2) > 1e-9 ? $0.g2 > $1.g2 : $0.id < $1.id
        }.prefix(7)
        #expect(list.map(\.id) == want.map(\.id), "seed \(seed), \(direction)")
        #expect(list.map(\.count) == want.map(\.a))
        #expect(list.map(\.referenceCount) == want.map(\.b))
        for (trend, wanted) in zip(list, want) {
          #expect(abs(trend.logLikelihood - wanted.g2) < 1e-9)
          #expect(trend.direction == direction)
          #expect(trend.name == tallies[trend.id]!.name)
          let ratio = log2(
            (Double(max(trend.count, 0)) == 0 ? 0.5 : Double(trend.count)) / Double(c)
              / ((trend.referenceCount == 0 ? 0.5 : Double(trend.referenceCount)) / Double(d)))
          #expect(abs(trend.logRatio - ratio) < 1e-9)
          #expect((trend.logRatio > 0) == (direction == .rising))
        }
      }
    }
  }

  /// A year or reference without tokens, or a limit of 0, lists nothing.
  @Test func nothingToWeighListsNothing() {
    let (tallies, tokens) = Self.random(seed: 9, organizations: 10)
    var none = tokens
    none[1] = 0
    for (year, references, tokens, limit) in [
      (1, [0], none, 10), (0, [1], none, 10), (2, [0], tokens, 0), (2, [7], tokens, 10),
    ] {
      let found = OrganizationTrends.compare(
        year: year, references: references, tallies: tallies, tokens: tokens, limit: limit)
      #expect(found.rising.isEmpty && found.falling.isEmpty)
    }
  }

  /// Three years of 10,000 tokens: "steady" 50 mentions each, "fading" 40, 20 and 2, "newcomer"
  /// 30 in 2020 alone, and `also` in 2018 and 2019; no organization listed (the top 0), and
  /// 2020 chosen against 2018–2019 pooled.
  static func fadingAndNewcomer(also: [String: Int] = [:])
    -> (statistics: CorpusStatistics, settings: ReportSettings)
  {
    let slices = [
      SliceReport.slice(2018, tokens: 10_000, ["steady": 50, "fading": 40].merging(also) { $1 }),
      SliceReport.slice(2019, tokens: 10_000, ["steady": 50, "fading": 20].merging(also) { $1 }),
      SliceReport.slice(2020, tokens: 10_000, ["steady": 50, "fading": 2, "newcomer": 30]),
    ]
    let statistics = CorpusStatistics(
      restoring: slices, stopwords: StopwordList(words: [], source: "none"),
      matcher: OrganizationMatcher(registry: OrganizationRegistry.builtin()))
    var settings = ReportSettings(
      corpusPath: "c", topOrganizations: 0, generatedAt: "2026-01-01T00:00:00Z", tool: "test",
      registryVersion: "1", stopwords: "none")
    settings.comparisons = [ChosenComparison(year: 2020, references: 2018...2019)]
    return (statistics, settings)
  }

  /// In a built report, each comparison lists the organizations that rose and fell, out of
  /// every organization found (an unlisted one too), and a chosen comparison with a span of
  /// years adds up its years' mentions.
  @Test func aReportsComparisonsListTheirOrganizations() {
    let (statistics, settings) = Self.fadingAndNewcomer()
    let report = ReportBuilder.build(statistics: statistics, rejected: [], settings: settings)
    // None is listed (none registered, none among the top 0), all are weighed.
    #expect(report.organizations.isEmpty)
    let last = report.trends.last!
    #expect(last.year == 2020 && last.reference == 2019)
    #expect(last.risingOrganizations.map(\.id) == ["newcomer"])
    #expect(last.fallingOrganizations.map(\.id) == ["fading"])
    #expect(last.fallingOrganizations.map(\.referenceCount) == [20])
    #expect(report.trends.first!.fallingOrganizations.map(\.count) == [20])
    let span = report.chosenComparisons[0]
    #expect(span.referenceYears == [2018, 2019])
    #expect(span.fallingOrganizations.map(\.referenceCount) == [60])
    #expect(
      abs((span.fallingOrganizations.first?.logLikelihood ?? -1) - Self.g2(2, 10_000, 60, 20_000))
        < 1e-9)

    // Each is to be quoted from the latest documents of the year it rose in, or of the
    // reference year it fell from: of the span, the one that mentioned it most (2018: 40).
    #expect(last.risingOrganizations.map(\.latest.documents.first?.path) == ["2020/newcomer.txt"])
    #expect(last.fallingOrganizations.map(\.latest.documents.first?.path) == ["2019/fading.txt"])
    #expect(last.fallingOrganizations.map(\.referencePeak) == [nil])
    #expect(span.fallingOrganizations.map(\.referencePeak) == [2018])
    #expect(span.fallingOrganizations.map(\.latest.documents.first?.path) == ["2018/fading.txt"])
    let targets = EvidencePolicy.targets(of: report)
    for target in [
      EvidenceFinder.Target.organization(id: "newcomer", year: 2020),
      .organization(id: "fading", year: 2019), .organization(id: "fading", year: 2018),
    ] {
      #expect(targets.contains(target), "\(target)")
    }
    // A copy counted in place of its original is read under the original's path.
    var withCopy = report
    withCopy.duplicates = [DuplicateFile(path: "2018/fading.txt", original: "2018/a.txt")]
    let documents = EvidencePolicy.documents(of: withCopy)
    #expect(documents[.organization(id: "fading", year: 2018)] == ["2018/a.txt"])
    #expect(documents[.organization(id: "fading", year: 2019)] == ["2019/fading.txt"])
    // The lines found are attached where they belong.
    let line = Evidence(path: "2018/a.txt", date: "2018-06-01", offset: 0, segments: [])
    let attached = EvidencePolicy.attach(
      [.organization(id: "fading", year: 2018): [line]], to: report)
    #expect(attached.chosenComparisons[0].fallingOrganizations.map(\.evidence) == [[line]])
    #expect(attached.trends.last!.fallingOrganizations.map(\.evidence) == [[]])
  }

  /// A source whose slices leave the organizations' latest documents out, and serves them
  /// apart, counting what it was asked for.
  struct LatestApart: YearSource {
    let statistics: StatisticsYears
    let asked = Shared<[[Int: Set<String>]]>([])
    var years: [Int] { statistics.years }

    func slice(_ year: Int) -> YearSlice {
      var slice = statistics.slice(year)
      for index in slice.organizations.indices { slice.organizations[index].latest = .init() }
      return slice
    }

    func latestDocuments(_ wanted: [Int: Set<String>], frames: [YearSlice])
      -> [Int: [String: LatestDocuments]]
    {
      #expect(frames.allSatisfy { $0.organizations.allSatisfy(\.latest.documents.isEmpty) })
      asked.withLock { $0.append(wanted) }
      var found: [Int: [String: LatestDocuments]] = [:]
      for (year, ids) in wanted {
        for organization in statistics.slice(year).organizations
        where ids.contains(organization.id) {
          found[year, default: [:]][organization.id] = organization.latest
        }
      }
      return found
    }
  }

  /// A source may keep the latest documents out of the years it gives the builder: it is then
  /// asked once, for those of the organizations the comparisons list, each in the year its
  /// lines come from, and the report is the one built from every year's documents.
  @Test func latestDocumentsAreAskedForOnlyThoseShown() {
    // "quiet" neither rises nor falls, so its documents are not wanted.
    let (statistics, settings) = Self.fadingAndNewcomer(also: ["quiet": 9])
    let plain = ReportBuilder.build(statistics: statistics, rejected: [], settings: settings)
    let source = LatestApart(statistics: StatisticsYears(statistics))
    let report = ReportBuilder.build(source: source, rejected: [], settings: settings)
    #expect(report == plain)
    #expect(report.trends.last!.risingOrganizations.map(\.latest.documents.count) == [1])

    // What was wanted, read off the report: a rising organization in the comparison's year, a
    // falling one in its reference year or the span's year that mentioned it most.
    var shown: [Int: Set<String>] = [:]
    for comparison in report.trends {
      for trend in comparison.risingOrganizations {
        shown[comparison.year, default: []].insert(trend.id)
      }
      for trend in comparison.fallingOrganizations {
        shown[comparison.reference, default: []].insert(trend.id)
      }
    }
    for comparison in report.chosenComparisons {
      for trend in comparison.risingOrganizations {
        shown[comparison.year, default: []].insert(trend.id)
      }
      for trend in comparison.fallingOrganizations {
        shown[trend.referencePeak ?? comparison.referenceYears.last!, default: []].insert(trend.id)
      }
    }
    #expect(shown[2018] == ["fading"] && shown[2020] == ["newcomer"])
    #expect(source.asked.value == [shown])
  }
}
