import Analysis
import Corpus
import TestSupport
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

  /// Organizations and pairs of two slices, drawn at random from ids that share prefixes, that
  /// differ only past ASCII, and that `String`'s `<` orders otherwise than their bytes.
  static func randomSlice(_ generator: inout SplitMix, sorted: Bool) -> YearSlice {
    let ids = ["un", "un-women", "unesco", "eaeu", "éaeu", "ЕАЭС", "e\u{301}aeu", "b", "a"]
    var organizations: [YearSlice.Organization] = []
    for id in ids where Bool.random(using: &generator) {
      var aliases: [String: Int] = [:]
      for alias in ["A", "B", "C"] where Bool.random(using: &generator) {
        aliases[alias] = Int.random(in: 1...5, using: &generator)
      }
      organizations.append(
        YearSlice.Organization(
          id: id, registryName: Bool.random(using: &generator) ? "" : "Name of \(id)",
          registered: Bool.random(using: &generator),
          count: Int.random(in: 1...9, using: &generator),
          documents: Int.random(in: 1...9, using: &generator), aliases: aliases))
    }
    var pairs: [YearSlice.Pair] = []
    for a in ids {
      for b in ids
      where a.utf8.lexicographicallyPrecedes(b.utf8)
        && Int.random(in: 0..<3, using: &generator) == 0
      {
        pairs.append(
          YearSlice.Pair(a: a, b: b, documents: Int.random(in: 1...4, using: &generator)))
      }
    }
    func inBytes(_ lhs: String, _ rhs: String) -> Bool {
      lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
    if sorted {
      organizations.sort { inBytes($0.id, $1.id) }
      pairs.sort {
        Array($0.a.utf8) != Array($1.a.utf8) ? inBytes($0.a, $1.a) : inBytes($0.b, $1.b)
      }
    } else {
      organizations.shuffle(using: &generator)
      pairs.shuffle(using: &generator)
    }
    let date = CalendarDate(year: 2021, month: 1, day: 1)!
    return YearSlice(
      year: 2021, documents: 1, repairedDocuments: 0, tokens: 1, organizationMentions: 1,
      firstDate: date, lastDate: date, terms: [], organizations: organizations, pairs: pairs)
  }

  /// Against adding up both slices' rows by id in dictionaries keyed by their bytes, then sorting
  /// by bytes; slices whose rows are out of order merge the same.
  @Test(arguments: [true, false])
  func mergesOrganizationsAndPairsByTheirIDsBytes(sorted: Bool) {
    var generator = SplitMix(seed: sorted ? 5 : 6)
    for _ in 0..<200 {
      let first = Self.randomSlice(&generator, sorted: sorted)
      let second = Self.randomSlice(&generator, sorted: sorted)
      let merged = first.mergingFigures(second)

      var organizations: [[UInt8]: YearSlice.Organization] = [:]
      for organization in first.organizations + second.organizations {
        let key = Array(organization.id.utf8)
        guard var known = organizations[key] else {
          organizations[key] = organization
          continue
        }
        known.count += organization.count
        known.documents += organization.documents
        for (alias, count) in organization.aliases { known.aliases[alias, default: 0] += count }
        if known.registryName.isEmpty { known.registryName = organization.registryName }
        known.registered = known.registered || organization.registered
        organizations[key] = known
      }
      let expectedOrganizations = organizations.keys.sorted { $0.lexicographicallyPrecedes($1) }
        .map { organizations[$0]! }
      // `==` on ids would take a composed and a decomposed spelling for the same id.
      #expect(
        merged.organizations.map { Array($0.id.utf8) }
          == expectedOrganizations.map { Array($0.id.utf8) })
      #expect(merged.organizations == expectedOrganizations)

      var pairs: [[UInt8]: Int] = [:]
      for pair in first.pairs + second.pairs {
        pairs[Array(pair.a.utf8) + [0] + Array(pair.b.utf8), default: 0] += pair.documents
      }
      let expectedPairs = pairs.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key in
        let cut = key.firstIndex(of: 0)!
        return YearSlice.Pair(
          a: String(decoding: key[..<cut], as: UTF8.self),
          b: String(decoding: key[(cut + 1)...], as: UTF8.self), documents: pairs[key]!)
      }
      #expect(
        merged.pairs.map { [Array($0.a.utf8), Array($0.b.utf8)] }
          == expectedPairs.map { [Array($0.a.utf8), Array($0.b.utf8)] })
      #expect(merged.pairs.map(\.documents) == expectedPairs.map(\.documents))
    }
  }
}
