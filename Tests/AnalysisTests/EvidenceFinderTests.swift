import Analysis
import Corpus
import Testing

@Suite struct EvidenceFinderTests {
  static let matcher = OrganizationMatcher(registry: .builtin())

  func document(_ text: String, year: Int = 2020) -> Document {
    Document(
      path: "a.txt", date: CalendarDate(year: year, month: 5, day: 1)!, text: Array(text.utf8))
  }

  func find(_ targets: [EvidenceFinder.Target], in text: String, year: Int = 2020)
    -> [Int: KeywordInContext]
  {
    EvidenceFinder(targets: targets, matcher: Self.matcher).find(
      in: document(text, year: year), wanted: { _ in true })
  }

  func hits(_ line: KeywordInContext?) -> [String] {
    line?.segments.filter(\.isHit).map(\.text) ?? []
  }

  @Test func unigramIsFoundAtItsFirstPlaceWhateverItsCase() {
    let text = "Grain prices rose. The GRAIN harvest, and grain again."
    let found = find([.term(text: "grain", n: 1, year: 2020)], in: text)
    #expect(hits(found[0]) == ["Grain"])
    #expect(found[0]?.offset == 0)
  }

  @Test func russianTermOffsetIsInCharacters() {
    let text = "Во вторник торговля выросла."
    let found = find([.term(text: "торговля", n: 1, year: 2020)], in: text)
    #expect(hits(found[0]) == ["торговля"])
    #expect(found[0]?.offset == "Во вторник ".unicodeScalars.count)
  }

  @Test func bigramNeedsAdjacentWordsWithoutPunctuationBetween() {
    let target = EvidenceFinder.Target.term(text: "grain trade", n: 2, year: 2020)
    #expect(find([target], in: "They discussed grain. Trade grew, grain, trade.").isEmpty)
    // A stopword between the words breaks the bigram, as in counting.
    #expect(find([target], in: "grain and trade").isEmpty)
    let found = find([target], in: "Grain, trade and grain trade talks.")
    #expect(hits(found[0]) == ["grain trade"])
    #expect(found[0]?.offset == "Grain, trade and ".count)
  }

  @Test func bigramsSharingAWordAndTheWordAloneAreEachFoundAtTheirOwnFirstPlace() {
    let targets: [EvidenceFinder.Target] = [
      .term(text: "grain trade", n: 2, year: 2020), .term(text: "grain prices", n: 2, year: 2020),
      .term(text: "grain", n: 1, year: 2020), .term(text: "prices grain", n: 2, year: 2020),
    ]
    let text = "Grain exports. Higher grain prices; new grain trade rules."
    let found = find(targets, in: text)
    #expect(hits(found[0]) == ["grain trade"])
    #expect(found[0]?.offset == "Grain exports. Higher grain prices; new ".count)
    #expect(hits(found[1]) == ["grain prices"])
    #expect(found[1]?.offset == "Grain exports. Higher ".count)
    #expect(hits(found[2]) == ["Grain"])
    #expect(found[3] == nil)
  }

  @Test func oneStreamServesDocumentAfterDocument() {
    let finder = EvidenceFinder(
      targets: [.term(text: "grain trade", n: 2, year: 2020)], matcher: Self.matcher)
    var stream = TokenStream()
    let first = finder.find(
      in: document("A long first text about grain trade and more."), wanted: { _ in true },
      stream: &stream)
    let second = finder.find(in: document("grain trade"), wanted: { _ in true }, stream: &stream)
    #expect(first[0]?.offset == "A long first text about ".count)
    #expect(second[0]?.offset == 0)
    #expect(
      finder.find(in: document("grain, trade"), wanted: { _ in true }, stream: &stream).isEmpty)
  }

  @Test func termsAreOnlyLookedForInTheirYear() {
    let target = EvidenceFinder.Target.term(text: "grain", n: 1, year: 2019)
    #expect(find([target], in: "grain", year: 2020).isEmpty)
    #expect(find([target], in: "grain", year: 2019).count == 1)
  }

  @Test func unwantedTargetsAreSkipped() {
    let finder = EvidenceFinder(
      targets: [.term(text: "grain", n: 1, year: 2020), .term(text: "trade", n: 1, year: 2020)],
      matcher: Self.matcher)
    let found = finder.find(in: document("grain trade"), wanted: { $0 == 1 })
    #expect(Array(found.keys) == [1])
  }

  /// An organization is found at the first mention the matcher finds of it, under any alias,
  /// in a document of its year only; beside a pair and a term, each has its own line.
  @Test func organizationIsFoundAtItsFirstMentionInItsYear() {
    let text = "Grain first. Then the Eurasian Economic Union, the CSTO, and the EAEU again."
    let targets: [EvidenceFinder.Target] = [
      .organization(id: "eaeu", year: 2020), .organization(id: "csto", year: 2020),
      .pair(a: "csto", b: "eaeu"), .term(text: "grain", n: 1, year: 2020),
      .organization(id: "nato", year: 2020), .organization(id: "eaeu", year: 2019),
    ]
    let found = find(targets, in: text)
    #expect(hits(found[0]) == ["Eurasian Economic Union"])
    #expect(found[0]?.offset == "Grain first. Then the ".count)
    #expect(hits(found[1]) == ["CSTO"])
    #expect(hits(found[2]).count == 2)
    #expect(hits(found[3]) == ["Grain"])
    #expect(found[4] == nil && found[5] == nil)
    #expect(hits(find(targets, in: "The ЕАЭС met.", year: 2019)[5]) == ["ЕАЭС"])
  }

  @Test func pairShowsTheClosestMentionsOfBoth() {
    let text =
      "The CSTO met in spring. Later the Eurasian Economic Union and the CSTO agreed; the EAEU left."
    let found = find([.pair(a: "csto", b: "eaeu")], in: text)
    #expect(hits(found[0]) == ["Eurasian Economic Union", "CSTO"])
    #expect(found[0]?.offset == "The CSTO met in spring. Later the ".count)
    #expect(find([.pair(a: "csto", b: "eaeu")], in: "Only the CSTO met.").isEmpty)
  }
}
