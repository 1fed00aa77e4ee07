import Analysis
import Testing

@Suite struct OrganizationDiscoveryTests {
  static let matcher = OrganizationMatcher(registry: .builtin())

  func mentions(_ text: String) -> [OrganizationMention] {
    var stream = TokenStream()
    let bytes = Array(text.utf8)
    Tokenizer().tokenize(bytes, into: &stream)
    return Self.matcher.mentions(in: bytes, tokens: stream)
  }

  /// The discovered names, as written.
  func discovered(_ text: String) -> [String] {
    mentions(text).filter { !$0.registered }.map(\.surface)
  }

  // MARK: From the seed articles

  @Test func seedSentenceNamesTwoOrganizations() {
    let found = mentions(
      "President of Kyrgyzstan Sooronbai Jeenbekov met with the Russian leader Vladimir Putin. "
        + "The Information Policy Department of the Presidential Administration reported.")
    #expect(
      found.map(\.surface) == ["Information Policy Department", "Presidential Administration"])
    #expect(
      found.map(\.id)
        == ["discovered:information policy department", "discovered:presidential administration"])
    #expect(found.map(\.name) == ["Information Policy Department", "Presidential Administration"])
    #expect(found.allSatisfy { !$0.registered })
  }

  @Test func seedParagraphMixesRegisteredAndDiscovered() {
    let found = mentions(
      "Participants of the meeting exchanged views on topical issues of bilateral and multilateral "
        + "cooperation, including the upcoming meetings of the SCO Heads of State Council and the "
        + "CSTO Collective Security Council under the chairmanship of Kyrgyzstan.")
    #expect(
      found.map { "\($0.registered ? $0.id : "?")=\($0.surface)" }
        == ["sco=SCO", "?=Heads of State Council", "csto=CSTO", "?=Collective Security Council"])
  }

  @Test func seedCountryAndPeopleAreNotOrganizations() {
    #expect(
      discovered(
        "He once again congratulated the leader of the Russian Federation on the world’s first "
          + "registration of vaccine, expressing the hope that it would soon become available for "
          + "citizens of the Kyrgyz Republic. The Foreign Minister of Russia Sergey Lavrov told "
          + "that his visit to Bishkek was devoted to the meeting of the Intergovernmental "
          + "Commission.") == ["Intergovernmental Commission"])
  }

  // MARK: Head with complement

  @Test func complementStopsAtTheNextOf() {
    let found = mentions("The Ministry of Foreign Affairs of Kyrgyzstan said.")
    #expect(found.map(\.surface) == ["Ministry of Foreign Affairs"])
    #expect(found.map(\.id) == ["discovered:ministry of foreign affairs"])
    #expect(discovered("a statement by the Bank of Russia") == ["Bank of Russia"])
    #expect(
      discovered("the Ministry of Labour and Social Protection")
        == ["Ministry of Labour and Social Protection"])
  }

  @Test func complementEndsAtATitle() {
    #expect(
      discovered("Ministry of Foreign Affairs Spokesperson Maria Zakharova said")
        == ["Ministry of Foreign Affairs"])
    #expect(discovered("the Office of the President Sadyr Japarov") == ["Office of the President"])
  }

  // MARK: Premodified head

  @Test func premodifiedNameEndsAtItsLastHead() {
    #expect(discovered("the Central Bank announced") == ["Central Bank"])
    #expect(
      discovered("Security Council Secretary Nikolai Patrushev arrived") == ["Security Council"])
    #expect(discovered("the Prosecutor General's Office") == ["Prosecutor General's Office"])
    #expect(
      mentions("the Prosecutor General's Office").map(\.id) == [
        "discovered:prosecutor general's office"
      ])
    // "of" joins words before a head, but a title with "of" is a person's office.
    #expect(discovered("Speaker of Parliament Talant Mamytov") == [])
    #expect(discovered("the Foreign Minister of Russia Sergey Lavrov") == [])
  }

  /// A premodified name ending at its head takes an `of` complement without a head noun, so
  /// two countries' banks are two organizations; a complement that is a name of its own is not
  /// taken in.
  @Test func premodifiedNameTakesAComplementWithoutAHead() {
    let found = mentions(
      "The National Bank of Kazakhstan and the National Bank of the Kyrgyz Republic met the"
        + " Central Bank of Russia's staff and the Foreign Ministry of Russia Spokesperson.")
    #expect(
      found.map(\.surface) == [
        "National Bank of Kazakhstan", "National Bank of the Kyrgyz Republic",
        "Central Bank of Russia", "Foreign Ministry of Russia",
      ])
    #expect(Set(found.map(\.id)).count == 4)
    #expect(
      discovered("the Information Policy Department of the Presidential Administration")
        == ["Information Policy Department", "Presidential Administration"])
    #expect(discovered("the Central Bank of Russia. Of course") == ["Central Bank of Russia"])
  }

  /// A hyphenated word whose later piece is written in lower case ends a name at the hyphen,
  /// whether it is the head ("Council-backed") or the end of a complement ("Affairs-led"); the
  /// name is the same organization, with the same id, as when written alone.
  @Test func aNameEndsAtTheHyphenOfALowerCasePiece() {
    let text =
      "The Supreme Eurasian Council-backed plan passed. The Supreme Eurasian Council met."
      + " Ministry of Foreign Affairs-led talks began. The Ministry of Foreign Affairs said."
    let found = mentions(text)
    #expect(
      found.map(\.surface) == [
        "Supreme Eurasian Council", "Supreme Eurasian Council", "Ministry of Foreign Affairs",
        "Ministry of Foreign Affairs",
      ])
    #expect(
      found.map(\.id) == [
        "discovered:supreme eurasian council", "discovered:supreme eurasian council",
        "discovered:ministry of foreign affairs", "discovered:ministry of foreign affairs",
      ])
    let bytes = Array(text.utf8)
    for mention in found {
      #expect(
        String(decoding: bytes[Int(mention.start)..<Int(mention.end)], as: UTF8.self)
          == mention.surface)
    }
    // A word capitalised in all its pieces is one word of a name, as before; a lone head with
    // a lower-case piece is no name; a run that ends at such a word takes no complement (what
    // follows may be a name of its own).
    #expect(discovered("the Coca-Cola Company said") == ["Coca-Cola Company"])
    #expect(discovered("a Council-backed plan") == [])
    #expect(
      discovered("the Central Bank-run Fund of Russia") == ["Central Bank", "Fund of Russia"])
    #expect(discovered("the Central Bank-of Russia") == ["Central Bank"])
    // A place name with a lower-case piece inside is one word of the name.
    #expect(discovered("the Ministry of Rostov-on-Don said") == ["Ministry of Rostov-on-Don"])
    #expect(discovered("a Ministry of Rostov-on-Don-led team") == ["Ministry of Rostov-on-Don"])
    // A title-case headline writes the tail with a capital: a participle in -ed, or a tail
    // such as "Run", "Wide" or "Friendly", is still cut; another capitalised piece, or one in
    // capitals, is part of the name.
    #expect(
      discovered("Ministry of Foreign Affairs-Led Talks Resume") == ["Ministry of Foreign Affairs"])
    #expect(discovered("Supreme Eurasian Council-Backed Plan") == ["Supreme Eurasian Council"])
    #expect(discovered("a Central Bank-Run Scheme") == ["Central Bank"])
    // …and so are the tails of other compound adjectives of headlines.
    #expect(discovered("Central Bank-Friendly Reforms Pass") == ["Central Bank"])
    #expect(discovered("a Security Council-Style Body") == ["Security Council"])
    #expect(
      discovered("Ministry of Foreign Affairs-Level Talks") == ["Ministry of Foreign Affairs"])
    #expect(discovered("a Eurasian Council-Only Meeting") == ["Eurasian Council"])
    #expect(discovered("the Supreme Eurasian Council-Long Dispute") == ["Supreme Eurasian Council"])
    #expect(discovered("the Rolls-Royce Company said") == ["Rolls-Royce Company"])
    #expect(discovered("the Central Bank-LED Office") == ["Central Bank-LED Office"])
    // The cut is by the written case, and a digit is no letter.
    #expect(discovered("the Central Bank-2 Office") == ["Central Bank-2 Office"])
  }

  @Test func possessivesStartAndEndNames() {
    let found = mentions("Kyrgyzstan's Foreign Ministry welcomed the Foreign Ministry’s note.")
    #expect(found.map(\.surface) == ["Foreign Ministry", "Foreign Ministry"])
    #expect(Set(found.map(\.id)) == ["discovered:foreign ministry"])
  }

  @Test func namesDoNotRunIntoRegisteredOnes() {
    #expect(
      mentions("the Kyrgyz Red Cross Committee").map { "\($0.id)=\($0.surface)" }
        == ["icrc=Red Cross"])
  }

  // MARK: Not organizations

  @Test func peoplePlacesCountriesAndLoneHeadsAreNotDiscovered() {
    for text in [
      "Vladimir Putin", "Russian Federation", "Bishkek", "the Russian Federation and Bishkek",
      "The Council met.", "Union", "Parliament approved it.", "the United States",
      "the Soviet Union", "The President of Kyrgyzstan Sooronbai Jeenbekov", "the press service",
    ] {
      #expect(mentions(text) == [], "\(text)")
    }
  }

  /// The `of` of "Ministry of …" continues the phrase, as every other word of a name does: a
  /// sentence break or punctuation before it ends the name there.
  @Test func ofAfterABreakDoesNotJoinAName() {
    for text in [
      "They met at the Ministry. Of Foreign Affairs nothing was said.",
      "They met at the Ministry, of Foreign Affairs fame.",
    ] {
      #expect(discovered(text).allSatisfy { !$0.contains("Ministry") }, "\(text)")
    }
    let joined = discovered("They met at the Ministry of Foreign Affairs.")
    #expect(joined == ["Ministry of Foreign Affairs"])
  }

  // MARK: Acronyms defined for discovered names

  @Test func definedAcronymCountsForTheDiscoveredName() {
    let found = mentions(
      "KIA said. The Kyrgyz Investment Agency (KIA) opened. Later KIA reported.")
    #expect(found.map(\.surface) == ["Kyrgyz Investment Agency", "KIA"])
    #expect(found.allSatisfy { $0.id == "discovered:kyrgyz investment agency" && !$0.registered })
    #expect(found.last?.name == "Kyrgyz Investment Agency")
  }
}
