import Analysis
import Foundation
import Testing

@Suite struct OrganizationMatcherTests {
  static let builtinMatcher = OrganizationMatcher(registry: .builtin())

  func mentions(_ text: String, matcher: OrganizationMatcher = builtinMatcher)
    -> [OrganizationMention]
  {
    var stream = TokenStream()
    let bytes = Array(text.utf8)
    Tokenizer().tokenize(bytes, into: &stream)
    return matcher.mentions(in: bytes, tokens: stream)
  }

  func pairs(_ text: String, matcher: OrganizationMatcher = builtinMatcher) -> [String] {
    mentions(text, matcher: matcher).map { "\($0.id)=\($0.surface)" }
  }

  /// Each mention's offsets in `text` hold its surface.
  func expectOffsetsPointAtTheSurfaces(_ mentions: [OrganizationMention], in text: String) {
    let bytes = Array(text.utf8)
    for mention in mentions {
      #expect(
        String(decoding: bytes[Int(mention.start)..<Int(mention.end)], as: UTF8.self)
          == mention.surface)
    }
  }

  func matcher(_ registry: String) throws -> OrganizationMatcher {
    OrganizationMatcher(
      registry: try OrganizationRegistry(parsing: Array(registry.utf8), source: "test.tsv"))
  }

  // MARK: Longest match, counted once

  /// A name written decomposed (a letter, then a combining mark) is the same name.
  @Test func aDecomposedNameIsFound() {
    let text = "Саммит Евразийского экономического союза и Организации Объединённых Наций."
    let decomposed = text.decomposedStringWithCanonicalMapping
    #expect(Array(decomposed.utf8) != Array(text.utf8))
    #expect(mentions(decomposed).map(\.id) == mentions(text).map(\.id))
    #expect(mentions(text).map(\.id) == ["eaeu", "un"])
  }

  /// Invisible characters inside or after a name (copied from web pages) do not hide it.
  @Test func invisibleCharactersDoNotHideANameOrAnAcronym() {
    #expect(
      pairs("The EAEU\u{200B} met. The Eur\u{AD}asian Economic Union met. ЕАЭС\u{2060} too.")
        == ["eaeu=EAEU", "eaeu=Eur\u{AD}asian Economic Union", "eaeu=ЕАЭС"])
  }

  @Test func longestMatchWinsAndIsCountedOnce() {
    #expect(
      pairs("The Eurasian Economic Union and the UN Security Council met; the UN did not.")
        == ["eaeu=Eurasian Economic Union", "unsc=UN Security Council", "un=UN"])
    #expect(
      pairs("the United Nations Security Council") == ["unsc=United Nations Security Council"])
    #expect(
      pairs("the Parliamentary Assembly of the Council of Europe and the Council of Europe")
        == ["pace=Parliamentary Assembly of the Council of Europe", "coe=Council of Europe"])
    // OECD's Russian long form contains ECO's ("Организация экономического сотрудничества").
    #expect(
      pairs(
        "Организация экономического сотрудничества и развития и Организация экономического сотрудничества"
      )
        == [
          "oecd=Организация экономического сотрудничества и развития",
          "eco=Организация экономического сотрудничества",
        ])
  }

  @Test func aliasesMergeUnderOneID() {
    let found = mentions(
      "EAEU, EEU, the Eurasian Economic Union, ЕАЭС и Евразийского экономического союза.")
    #expect(found.map(\.id) == ["eaeu", "eaeu", "eaeu", "eaeu", "eaeu"])
    #expect(
      found.map(\.surface)
        == ["EAEU", "EEU", "Eurasian Economic Union", "ЕАЭС", "Евразийского экономического союза"])
    #expect(found.allSatisfy { $0.name == "Eurasian Economic Union" && $0.registered })
  }

  @Test func offsetsPointAtTheSurfaceAsWritten() {
    let text = "Встреча в рамках ЕАЭС и Всемирным банком."
    let found = mentions(text)
    #expect(found.map(\.id) == ["eaeu", "world-bank"])
    expectOffsetsPointAtTheSurfaces(found, in: text)
    #expect(found.last?.surface == "Всемирным банком")
  }

  @Test func stemsTakeOnlyShortEndings() {
    #expect(pairs("Всемирного банка") == ["world-bank=Всемирного банка"])
    #expect(pairs("Евразийского экономического союзничества") == [])
    #expect(pairs("Евросоюзе и Евросоюзом") == ["eu=Евросоюзе", "eu=Евросоюзом"])
  }

  @Test func possessiveEndingIsNotPartOfTheMention() {
    let found = mentions("The EAEU's budget and the Eurasian Economic Union’s court.")
    #expect(found.map(\.surface) == ["EAEU", "Eurasian Economic Union"])
    #expect(found.map(\.id) == ["eaeu", "eaeu"])
  }

  @Test func punctuationOrSentenceBreakSplitsAnAlias() {
    #expect(pairs("the Eurasian Economic. Union") == [])
    #expect(pairs("the World — Bank") == [])
    // An alias with a comma also matches without it.
    #expect(
      pairs("United Nations Educational Scientific and Cultural Organization")
        == ["unesco=United Nations Educational Scientific and Cultural Organization"])
  }

  // MARK: Acronyms are case-sensitive

  @Test func acronymsMatchOnlyAsWritten() throws {
    #expect(pairs("Experts who said the WHO was late.") == ["who=WHO"])
    #expect(pairs("Un día, un año: the un-named UN.") == ["un=UN"])
    #expect(pairs("G20 and G-20 but not g20") == ["g20=G20", "g20=G-20"])
    #expect(pairs("ОДКБ, одкб") == ["csto=ОДКБ"])
    let countries = try matcher("usa\tUnited States\tUS|the States\n")
    #expect(pairs("Let us see what the US does.", matcher: countries) == ["usa=US"])
    // Non-acronym aliases match whatever their case.
    #expect(
      pairs("WORLD BANK and world bank") == ["world-bank=WORLD BANK", "world-bank=world bank"])
  }

  /// An acronym written with full stops, as news agencies write "U.N." and "E.U.", is one word
  /// and an alias of its own; the stop after it ends no sentence, so a longer name goes on.
  @Test func acronymsWithFullStopsAreFound() {
    #expect(
      pairs("U.N. envoys met E.U. officials at the U.N. Security Council. The U.N. said so.") == [
        "un=U.N.", "eu=E.U.", "unsc=U.N. Security Council", "un=U.N.",
      ])
    // Written in lower case it is not the acronym.
    #expect(pairs("the u.n. and e.u.") == [])
  }

  /// A hyphenated word is one token; a piece of it that a one-word alias matches is a mention,
  /// with its own offsets. A name the whole word matches ("G-20") is that name alone, and an
  /// acronym still matches only as written.
  @Test func namesInsideHyphenatedWordsAreFound() {
    let text =
      "NATO-led forces, EU-Russia talks, anti‑NATO rallies, ЕАЭС-Китай, Евросоюза-России,"
      + " EU-NATO-ОДКБ, the G-20, an un-named nato-ish U.N.-backed plan, well-known EU's."
    let found = mentions(text)
    #expect(
      found.map { "\($0.id)=\($0.surface)" } == [
        "nato=NATO", "eu=EU", "nato=NATO", "eaeu=ЕАЭС", "eu=Евросоюза", "eu=EU", "nato=NATO",
        "csto=ОДКБ", "g20=G-20", "un=U.N.", "eu=EU",
      ])
    // A word that holds a registered name is not taken into a discovered one.
    #expect(pairs("The Foreign NATO-led Ministry met.") == ["nato=NATO"])
    expectOffsetsPointAtTheSurfaces(found, in: text)
  }

  /// A name of two or more words may end in the first piece of a hyphenated word, and begin in
  /// its last piece; the word's other pieces are still looked at for one-word names.
  @Test func longerNamesReachIntoHyphenatedWords() {
    let text =
      "United Nations-backed talks, European Union-wide rules, non-European Union states,"
      + " pro-Eurasian Economic Union-led blocs, NATO-European Union ties, United Nations-EU"
      + " talks, анти-Евразийского экономического союза, World Trade Organization-compliant"
      + " rules."
    let found = mentions(text)
    #expect(
      found.map { "\($0.id)=\($0.surface)" } == [
        "un=United Nations", "eu=European Union", "eu=European Union",
        "eaeu=Eurasian Economic Union", "nato=NATO", "eu=European Union", "un=United Nations",
        "eu=EU", "eaeu=Евразийского экономического союза", "wto=World Trade Organization",
      ])
    expectOffsetsPointAtTheSurfaces(found, in: text)
  }

  /// Reaching into a hyphenated word keeps the rules of whole words: no sentence break or
  /// stray punctuation inside a name, an acronym only as written, and a piece must hold the
  /// whole word of the name ("Nationsbacked" is not "Nations").
  @Test func namesInHyphenatedWordsKeepTheRulesOfWords() throws {
    #expect(pairs("United. Nations-backed talks") == [])
    #expect(pairs("United, Nations-backed talks") == [])
    #expect(pairs("the United Nationsbacked-plan and Unitednations-x") == [])
    #expect(pairs("anti-United. Nations") == [])
    let matcher = try matcher("a\tAO Council\n")
    #expect(
      pairs("AO Council-led, ao Council-led, pro-AO Council, pro-ao Council", matcher: matcher) == [
        "a=AO Council", "a=AO Council",
      ])
  }

  // MARK: Acronyms defined in the text

  @Test func definitionBindsUnregisteredAcronymToRegisteredLongForm() {
    let found = mentions(
      "The Collective Security Treaty Organization (ODKB) met in Bishkek. ODKB members agreed.")
    #expect(found.map(\.id) == ["csto", "csto"])
    #expect(found.map(\.surface) == ["Collective Security Treaty Organization", "ODKB"])
    #expect(found.allSatisfy { $0.registered })
  }

  @Test func definitionAppliesOnlyLaterAndInThatDocument() {
    #expect(
      pairs("ODKB met. The Collective Security Treaty Organization (ODKB).")
        == ["csto=Collective Security Treaty Organization"])
    #expect(pairs("ODKB members agreed.") == [])
  }

  @Test func definitionOverridesASingleWordAliasButNotALongerOne() throws {
    let matcher = try matcher("a\tAlpha Org\tAO\nb\tBeta Org\nc\tAO Council\n")
    #expect(
      pairs("AO, the Beta Org (AO), AO and the AO Council.", matcher: matcher)
        == ["a=AO", "b=Beta Org", "b=AO", "c=AO Council"])
  }

  /// A name in brackets right after another name of the same organization glosses it: one
  /// mention, whichever comes first, in English and Russian. A name of another organization in
  /// brackets, or one not alone in them, is a mention of its own.
  @Test func aGlossInBracketsAfterANameCountsOnce() {
    #expect(
      pairs("Officials of the CSTO (Collective Security Treaty Organization) met.")
        == ["csto=CSTO"])
    #expect(
      pairs("Саммит ЕАЭС (Евразийского экономического союза) прошёл.") == ["eaeu=ЕАЭС"])
    #expect(
      pairs("The CSTO (United Nations) and the CSTO (with the United Nations).")
        == ["csto=CSTO", "un=United Nations", "csto=CSTO", "un=United Nations"])
  }

  @Test func definitionOfARegisteredAcronymCountsOnce() {
    #expect(
      pairs("The Shanghai Cooperation Organisation (SCO) and the SCO.")
        == ["sco=Shanghai Cooperation Organisation", "sco=SCO"])
  }
}
