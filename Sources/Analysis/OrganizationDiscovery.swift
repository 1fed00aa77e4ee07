/// Finds English names of organizations the registry lacks, from capitalisation and head nouns.
///
/// Two shapes are recognised (English only; Russian capitalises only the first word of a name,
/// so these cues do not carry over):
/// - **Premodified head**: capitalised words ending at a head noun, with at least one before it:
///   "Information Policy Department", "Heads of State Council" (`of` may join capitalised words
///   before the head, but not after a title: "Speaker of Parliament" is a person). The name
///   ends at its last head noun, or, when an `of` follows that head, at the end of a complement
///   with no head noun in it, as below: "National Bank of Kazakhstan" and "National Bank of
///   Tajikistan" are two banks, while in "the Information Policy Department of the Presidential
///   Administration" there are two names.
/// - **Head with complement**: a head noun, `of`, an optional `the`, then capitalised words:
///   "Ministry of Foreign Affairs", "Bank of Russia", "Office of the President". The complement
///   stops at the next `of`, so "Ministry of Foreign Affairs of Kyrgyzstan" names the ministry.
///
/// Function words ("The", "In") do not start or join names; a word with a possessive `'s`
/// ends a name; a lone head noun ("Council") is not a name; country names built like
/// organization names ("Russian Federation", "Soviet Union") are excluded. A hyphenated word
/// that ends in a tail no name ends with ends a name at that hyphen, as its first pieces:
/// "Supreme Eurasian Council-backed" names the "Supreme Eurasian Council", and "Ministry of
/// Foreign Affairs-Led" in a headline the "Ministry of Foreign Affairs".
struct OrganizationDiscovery: Sendable {
  /// What the discovery found at a token.
  enum Outcome {
    /// An organization name spans tokens `first...last`, of the last only its first
    /// `piecesOfLast` pieces when given (``TokenView/piecesBeforeTail(_:)``).
    case name(first: Int, last: Int, piecesOfLast: Int?)
    /// No name starts here; go on at `resumeAt` (the tokens before it cannot start one either).
    case none(resumeAt: Int)
  }

  enum WordClass: UInt8 {
    /// Ends a name: "Ministry", "Council".
    case head
    /// A title: joins a premodifier run but takes no `of` ("Speaker of Parliament"), ends a
    /// complement ("Ministry of X Spokesperson").
    case title
    /// A function word: never part of a name ("The", "In", "Yesterday").
    case function
  }

  private var lexicon = WordTable()
  private var classes: [WordClass] = []
  private let excluded: Set<String>

  static let heads = [
    "commission", "council", "department", "administration", "ministry", "committee", "union",
    "organization", "organisation", "bank", "fund", "agency", "service", "office", "bureau",
    "authority", "court", "assembly", "parliament", "institute", "chamber", "inspectorate",
    "directorate", "corporation", "company", "party", "foundation", "association", "federation",
    "centre", "center", "university",
  ]

  static let titles = [
    "minister", "president", "vice-president", "prime", "premier", "chairman", "chairwoman",
    "chairperson", "chair", "head", "director", "director-general", "secretary",
    "secretary-general", "spokesperson", "spokesman", "spokeswoman", "ambassador", "deputy",
    "chief",
    "governor", "mayor", "envoy", "representative", "commissioner", "senator", "adviser", "advisor",
    "king", "queen", "prince", "emir", "sheikh", "general", "prosecutor", "prosecutor-general",
    "judge", "rector", "speaker", "leader", "professor", "mr", "mrs", "ms", "dr",
  ]

  /// Sentence adverbs and the like, beyond the stopword list, that start sentences capitalised.
  static let extraFunctionWords = [
    "yesterday", "today", "tomorrow", "tonight", "meanwhile", "however", "earlier", "later", "now",
    "according", "last", "next", "thus", "therefore", "moreover", "besides", "instead", "recently",
    "currently", "previously", "another", "every", "many", "several", "either", "neither",
    "despite", "amid", "among", "following", "unlike", "although", "though", "still", "even",
    "already", "just", "meanwhile", "overall", "nevertheless", "finally", "first", "second",
  ]

  /// Country and state names shaped like organization names, folded.
  static let excludedNames = [
    "russian federation", "soviet union", "union of soviet socialist republics",
    "federation of bosnia and herzegovina", "federation of saint kitts and nevis",
    "united states", "united states of america", "united kingdom", "united arab emirates",
    "kyrgyz republic", "czech republic", "swiss confederation", "holy see",
  ]

  /// Creates the discovery with the built-in English stopwords as function words.
  init() {
    excluded = Set(Self.excludedNames)
    for line in BuiltinData.englishStopwords.split(separator: UInt8(ascii: "\n")) {
      var word = Array(line)
      if word.last == 0x0D { word.removeLast() }
      if word.isEmpty || word.first == UInt8(ascii: "#") { continue }
      add(word, as: .function)
    }
    for word in Self.extraFunctionWords { add(Array(word.utf8), as: .function) }
    for word in Self.titles { add(Array(word.utf8), as: .title) }
    for word in Self.heads { add(Array(word.utf8), as: .head) }
  }

  private mutating func add(_ word: [UInt8], as wordClass: WordClass) {
    let id = Int(lexicon.insert(word))
    if id == classes.count { classes.append(wordClass) } else { classes[id] = wordClass }
  }

  func wordClass(_ view: TokenView, _ index: Int) -> WordClass? {
    guard let facts = view.facts else { return wordClass(ofKey: view.key(index)) }
    return facts[index].wordClass
  }

  /// The class of the word whose key (``TokenView/key(of:)``) is `key`, or nil.
  func wordClass(ofKey key: UnsafeBufferPointer<UInt8>) -> WordClass? {
    lexicon.lookup(key).map { classes[Int($0)] }
  }

  /// Looks for a name starting at token `start`.
  ///
  /// - Parameter isReserved: Whether a token starts a registry match (or a defined acronym); a
  ///   discovered name never runs into one.
  func find(at start: Int, in view: TokenView, isReserved: (Int) -> Bool) -> Outcome {
    guard isNameWord(view, start) else { return .none(resumeAt: start + 1) }
    // "Ministry of …": the `of` continues the phrase, as every word of a name does.
    if wordClass(view, start) == .head, start + 1 < view.count, view.continuesPhrase(start + 1),
      isWord(view, start + 1, "of")
    {
      if let (last, cut) = complement(after: start + 1, in: view, isReserved: isReserved) {
        return accept(start, last, cut, in: view)
      }
      return .none(resumeAt: start + 1)
    }
    // Premodified head: collect the run of capitalised words, remember the last head noun.
    var lastHead = -1
    var lastHeadCut: Int?
    var index = start
    while true {
      // "Council-backed" is "Council", and ends the run.
      let cut = cut(view, index)
      let wordClass = cut.map { self.wordClass(view, index, pieces: $0) } ?? wordClass(view, index)
      if wordClass == .head {
        lastHead = index
        lastHeadCut = cut
      }
      if cut != nil { break }
      if view.isPossessive(index) && wordClass != .title { break }
      let next = index + 1
      guard next < view.count, view.continuesPhrase(next) else { break }
      if isNameWord(view, next) && !isReserved(next) {
        index = next
      } else if wordClass == nil && isWord(view, next, "of") && next + 1 < view.count
        && view.continuesPhrase(next + 1) && isNameWord(view, next + 1) && !isReserved(next + 1)
      {
        index = next + 1
      } else {
        break
      }
    }
    guard lastHead > start else { return .none(resumeAt: index + 1) }
    // "National Bank of Kazakhstan": a run that ends at its head takes an `of` complement with
    // no head noun of its own ("Department of the Presidential Administration" names two).
    if lastHead == index, lastHeadCut == nil, !view.isPossessive(index), index + 1 < view.count,
      view.continuesPhrase(index + 1), isWord(view, index + 1, "of"),
      let (last, cut) = complement(after: index + 1, in: view, isReserved: isReserved),
      !(index + 2...last).contains(where: { wordClass(view, $0) == .head })
    {
      return accept(start, last, cut, in: view)
    }
    return accept(start, lastHead, lastHeadCut, in: view)
  }

  /// The last token of the complement of a head noun whose `of` is at `of`, with how many of
  /// its pieces the complement takes when it ends inside it ("Affairs-led"); nil when there is
  /// no complement.
  private func complement(after of: Int, in view: TokenView, isReserved: (Int) -> Bool) -> (
    Int, Int?
  )? {
    var index = of + 1
    guard index < view.count, view.continuesPhrase(index) else { return nil }
    if isWord(view, index, "the") && !view.isCapitalized(index) { index += 1 }
    func usable(_ index: Int) -> Bool {
      index < view.count && view.continuesPhrase(index) && isNameWord(view, index)
        && !isReserved(index)
    }
    var last: Int?
    // "Office of the Prime Minister": a complement of titles ends with them.
    while usable(index) && wordClass(view, index) == .title {
      last = index
      if view.isPossessive(index) { return (index, nil) }
      index += 1
    }
    if let last { return (last, nil) }
    while usable(index) && wordClass(view, index) != .title {
      last = index
      if let cut = cut(view, index) { return (index, cut) }
      if view.isPossessive(index) { break }
      index += 1
      // "Ministry of Labour and Social Protection"
      if index + 1 < view.count && isWord(view, index, "and") && !view.isCapitalized(index)
        && view.continuesPhrase(index) && usable(index + 1)
        && wordClass(view, index + 1) != .title
      {
        index += 1
      }
    }
    return last.map { ($0, nil) }
  }

  private func accept(_ first: Int, _ last: Int, _ cut: Int?, in view: TokenView) -> Outcome {
    if excluded.contains(view.foldedPhrase(first, last, piecesOfLast: cut)) {
      return .none(resumeAt: last + 1)
    }
    return .name(first: first, last: last, piecesOfLast: cut)
  }

  /// Where a name ends inside token `index` (``TokenView/piecesBeforeTail(_:)``), or nil;
  /// a word the caller's facts say has no hyphen is not looked at.
  private func cut(_ view: TokenView, _ index: Int) -> Int? {
    if let facts = view.facts, !facts[index].contains(.hyphenated) { return nil }
    return view.piecesBeforeTail(index)
  }

  /// The class of the first `count` pieces of token `index` taken as one word.
  private func wordClass(_ view: TokenView, _ index: Int, pieces count: Int) -> WordClass? {
    view.key(index, pieces: count).flatMap { wordClass(ofKey: $0) }
  }

  /// A capitalised word that is not a number or a function word.
  private func isNameWord(_ view: TokenView, _ index: Int) -> Bool {
    view.isCapitalized(index) && !view[index].flags.contains(.number)
      && wordClass(view, index) != .function
  }

  private func isWord(_ view: TokenView, _ index: Int, _ word: StaticString) -> Bool {
    let key = view.key(index)
    return key.count == word.utf8CodeUnitCount
      && Vocabulary.sameBytes(key.baseAddress, word.utf8Start, key.count)
  }
}
