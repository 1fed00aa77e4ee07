import Analysis
import ReportModel
import Store
import Testing

@Suite struct StateStoreEvidenceTests {
  static func line(_ path: String, _ offset: Int, _ parts: [String]) -> Evidence {
    Evidence(
      path: path, date: "2020-03-01", offset: offset,
      segments: parts.enumerated().map {
        KeywordInContext.Segment(text: $0.element, isHit: $0.offset % 2 == 1)
      })
  }

  static let evidence: [EvidenceFinder.Target: [Evidence]] = [
    .term(text: "wheat harvest", n: 2, year: 2020): [
      line("a.txt", 3, ["…the ", "wheat harvest", ""]),
      line("кириллица/b.txt", 0, ["", "Wheat harvest", " grew…"]),
    ],
    .term(text: "wheat harvest", n: 2, year: 2019): [
      line("c.txt", 9, ["x ", "wheat harvest", ""])
    ],
    .pair(a: "csto", b: "eaeu"): [line("d.txt", 1, [" ", "CSTO", " and ", "EAEU", " & <b>"])],
    .organization(id: "eaeu", year: 2020): [
      line("e.txt", 4, ["The ", "EAEU", " met"]), line("f.txt", 0, ["", "ЕАЭС", ""]),
    ],
    .organization(id: "discovered:x & y", year: 2019): [line("g.txt", 2, ["A ", "X & Y", "."])],
  ]

  @Test func evidenceRoundTripsAndIsReplacedAsAWhole() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    #expect(try store.evidence().isEmpty)
    #expect(try store.evidenceVersion() == nil)
    try store.replaceEvidence(Self.evidence)
    #expect(try store.evidence() == Self.evidence)
    #expect(try store.evidenceVersion() == KeywordInContext.version)
    try store.replaceEvidence(Self.evidence, version: "older")
    #expect(try store.evidenceVersion() == "older")
    try store.replaceEvidence(Self.evidence)

    // Still there after reopening; replaced, not merged.
    try store.close()
    let reopened = try StateStore.open(path: folder.path("state.sqlite"))
    #expect(try reopened.evidence() == Self.evidence)
    let pairOnly = Self.evidence.filter { $0.key.year == nil }
    try reopened.replaceEvidence(pairOnly)
    #expect(try reopened.evidence() == pairOnly)
    try reopened.replaceEvidence([:])
    #expect(try reopened.evidence().isEmpty)
  }

  /// New figures for a year take that year's term and organization lines and every pair's with
  /// them, in the same commit; a commit that replaces no year keeps every line.
  @Test func replacingAYearDeletesTheLinesItMakesStale() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try StateStore.open(path: folder.path("state.sqlite"))
    try store.commit(
      StateChange(replaceYears: [2019, 2020], slices: [Sample.slice(2019), Sample.slice(2020)]))
    try store.replaceEvidence(Self.evidence)

    try store.commit(
      StateChange(
        settings: ["corpus": "elsewhere"], seen: [(kind: "organization", key: "eaeu")],
        publishedTerms: []))
    #expect(try store.evidence() == Self.evidence)

    try store.commit(StateChange(replaceYears: [2020], slices: [Sample.slice(2020)]))
    #expect(try store.evidence() == Self.evidence.filter { $0.key.year == 2019 })

    try store.replaceEvidence(Self.evidence)
    // A year replaced and left without figures (its last document removed) counts the same.
    try store.commit(StateChange(replaceYears: [2019]))
    #expect(try store.evidence() == Self.evidence.filter { $0.key.year == 2020 })

    try store.replaceEvidence(Self.evidence)
    try store.commit(StateChange(replaceAllYears: true, slices: [Sample.slice(2021)]))
    #expect(try store.evidence().isEmpty)
  }
}
