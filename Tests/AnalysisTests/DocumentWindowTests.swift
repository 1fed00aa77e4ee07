import Corpus
import Testing

@testable import Analysis

/// A document tokenized and counted in windows (``Tokenizer/tokenize(_:windowBytes:into:_:)``)
/// gives exactly what it gives whole: the same tokens, mentions, counts and evidence, whatever
/// the window size, on random text dense with organization names, acronyms defined in
/// parentheses, sentence breaks and `of`.
@Suite struct DocumentWindowTests {
  static let words = [
    "Eurasian", "Economic", "Union", "EAEU", "EEU", "Collective", "Security", "Treaty",
    "Organization", "CSTO", "ABC", "Ministry", "of", "Of", "the", "Foreign", "Affairs", "Bank",
    "Russia", "Information", "Policy", "Department", "NATO", "UN", "Council", "trade", "Trade's",
    "well-known", "2020", "3.5", "Евразийского", "экономического", "союза", "ЕАЭС", "ОДКБ",
    "Minsk", "and", "Heads", "State", "U.S.", "т.е.", "A", "NATO-led", "EU-ЕАЭС", "un-named",
    "non-Eurasian", "Union-led", "NATO-Collective", "Organization-EU", "Treaty-bound",
    "non-Eurasian Economic Union-led", "United Nations-backed", "pro-EU Collective Security",
    "Council-backed", "Affairs-led", "Policy Department-run", "Affairs-Led", "Council-Backed",
  ]
  /// Separators, sentence ends and parentheses among them.
  static let separators = [
    " ", " ", " ", " ", ". ", "\n", " (", ") ", ", ", "; ", " — ", "! ", " [", "] ", ".\n(",
  ]
  static let matcher = OrganizationMatcher(registry: .builtin())

  /// A random text of `count` words.
  static func text(seed: UInt64, count: Int) -> [UInt8] {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var text = ""
    for position in 0..<count {
      if position > 0 { text += separators[next(separators.count)] }
      text += words[next(words.count)]
    }
    return Array(text.utf8)
  }

  static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6]
  /// Window sizes in bytes: from a cut at every sentence to a few per text.
  static let windows = [1, 9, 40, 300]

  /// Whether a window can begin at byte `index` of `text`, written out plainly: a letter
  /// (ASCII, or Cyrillic up to U+047F) after a space or line break, after a sentence end after
  /// such a letter or an ASCII digit (two of them before a full stop, which may end an initial
  /// such as "U.S."), or after a line break after one.
  static func canBeginWindow(_ text: [UInt8], at index: Int) -> Bool {
    /// The scalar whose UTF-8 form is `bytes`, if it is exactly one.
    func scalar(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
      let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars
      return scalars.count == 1 ? scalars.first : nil
    }
    func isLetter(_ scalar: Unicode.Scalar?) -> Bool {
      guard let scalar else { return false }
      return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        || (0x0400...0x047F).contains(scalar.value)
    }
    /// The letter or digit that ends at byte `end`, if one does.
    func endsLetterOrDigit(_ end: Int) -> Bool {
      isLetter(scalar(text[end...end])) || ("0"..."9").contains(scalar(text[end...end]) ?? " ")
        || (end >= 1 && isLetter(scalar(text[end - 1...end])))
    }
    guard index >= 4, index < text.count,
      isLetter(scalar(text[index...index]))
        || (index + 1 < text.count && isLetter(scalar(text[index...index + 1])))
    else { return false }
    let (space, end) = (text[index - 1], text[index - 2])
    if space == UInt8(ascii: "\n") && endsLetterOrDigit(index - 2) { return true }
    // Before a full stop, the letter or digit ending at `index - 3` follows another.
    let first = text[index - 3] < 0x80 ? index - 3 : index - 4
    let notAnInitial = end != UInt8(ascii: ".") || (first >= 1 && endsLetterOrDigit(first - 1))
    return [UInt8(ascii: " "), UInt8(ascii: "\n")].contains(space)
      && Array(".!?;:\n".utf8).contains(end) && endsLetterOrDigit(index - 3) && notAnInitial
  }

  @Test(arguments: seeds)
  func windowsHoldTheTokensOfTheWholeText(seed: UInt64) {
    let text = Self.text(seed: seed, count: 300)
    var whole = TokenStream()
    Tokenizer().tokenize(text, into: &whole)
    for size in Self.windows {
      var stream = TokenStream()
      var tokens: [Token] = []
      var folded: [UInt8] = []
      var starts: [Int] = []
      Tokenizer().tokenize(text, windowBytes: size, into: &stream) { window in
        starts.append(starts.isEmpty ? 0 : Int(window.tokens.first?.start ?? -1))
        // Folded offsets start again in each window.
        for var token in window.tokens {
          token.foldedStart += Int32(folded.count)
          token.foldedEnd += Int32(folded.count)
          tokens.append(token)
        }
        folded += window.folded
      }
      #expect(tokens == whole.tokens, "seed \(seed), window \(size)")
      #expect(folded == whole.folded, "seed \(seed), window \(size)")
      #expect(starts.count > 3, "seed \(seed), window \(size)")
      // Each window begins at the first place it can once the one before holds `size` bytes.
      for (before, start) in zip(starts, starts.dropFirst()) {
        #expect(start >= before + size, "seed \(seed), window \(size)")
        let canBegin = Self.canBeginWindow(text, at: start)
        #expect(canBegin, "seed \(seed), window \(size), at \(start)")
        let earlier = (min(before + size, start)..<start).first {
          Self.canBeginWindow(text, at: $0)
        }
        #expect(earlier == nil, "seed \(seed), window \(size)")
      }
      if let last = starts.last {
        let later = (min(last + size, text.count)..<text.count).first {
          Self.canBeginWindow(text, at: $0)
        }
        #expect(later == nil, "seed \(seed), window \(size)")
      }
    }
  }

  /// The tokens of each window of `text`.
  static func windowTokens(of text: [UInt8], windowBytes: Int) -> [[Token]] {
    var stream = TokenStream()
    var windows: [[Token]] = []
    Tokenizer().tokenize(text, windowBytes: windowBytes, into: &stream) {
      windows.append($0.tokens)
    }
    return windows
  }

  @Test func aRussianTextIsCutAtItsSentences() {
    let sentence = "Евразийский экономический союз принял решение. Ёлка стоит.\n"
    let text = Array(String(repeating: sentence, count: 200).utf8)
    var whole = TokenStream()
    Tokenizer().tokenize(text, into: &whole)
    let windows = Self.windowTokens(of: text, windowBytes: 500)
    #expect(windows.count > 20)
    #expect(windows.allSatisfy { $0.first?.flags.contains(.sentenceStart) == true })
    #expect(windows.joined().count == whole.tokens.count)
  }

  @Test func aTextWithoutASentenceBreakIsOneWindow() {
    let text = Array(String(repeating: "trade and (energy) ", count: 500).utf8)
    #expect(Self.windowTokens(of: text, windowBytes: 3).map(\.count) == [1500])
  }

  @Test func anEmptyTextIsOneEmptyWindow() {
    #expect(Self.windowTokens(of: [], windowBytes: 4).map(\.count) == [0])
  }

  @Test(arguments: seeds)
  func mentionsAreTheSameInWindows(seed: UInt64) {
    let text = Self.text(seed: seed, count: 400)
    var whole = TokenStream()
    Tokenizer().tokenize(text, into: &whole)
    let expected = Self.matcher.mentions(in: text, tokens: whole)
    // The text names organizations, and defines acronyms, for the comparison to mean something.
    #expect(expected.count > 20)
    for size in Self.windows {
      var stream = TokenStream()
      var definitions = OrganizationMatcher.Definitions()
      var mentions: [OrganizationMention] = []
      Tokenizer().tokenize(text, windowBytes: size, into: &stream) { window in
        Self.matcher.forEachMention(
          in: text, window: window, facts: nil, definitions: &definitions
        ) { mentions.append($0) }
      }
      #expect(mentions == expected, "seed \(seed), window \(size)")
    }
  }

  /// Documents from the random texts, over two years.
  static func documents(seed: UInt64) -> [Document] {
    (0..<12).map { index in
      Document(
        path: "d\(index).txt", date: CalendarDate(year: 2020 + index % 2, month: 3, day: 1)!,
        text: text(seed: seed &* 100 &+ UInt64(index), count: 50 + 40 * index))
    }
  }

  /// Counting hands the matcher what it knows of each word (``OrganizationMatcher/WordFacts``)
  /// rather than letting it look each token up: the mentions counted per organization and
  /// surface are those the lookup finds.
  @Test(arguments: seeds)
  func countedMentionsAreThoseTheLookupFinds(seed: UInt64) {
    let documents = Self.documents(seed: seed)
    var statistics = CorpusStatistics(stopwords: .builtin(), matcher: Self.matcher)
    var expected: [String: [String: Int]] = [:]
    for document in documents {
      statistics.add(document)
      var stream = TokenStream()
      Tokenizer().tokenize(document.text, into: &stream)
      for mention in Self.matcher.mentions(in: document.text, tokens: stream) {
        expected[mention.id, default: [:]][mention.surface, default: 0] += 1
      }
    }
    #expect(expected["nato"]?["NATO"] ?? 0 > 0 && expected["eaeu"]?["ЕАЭС"] ?? 0 > 0)
    #expect(statistics.organizations.mapValues(\.aliases) == expected, "seed \(seed)")
  }

  @Test(arguments: seeds)
  func countsAreTheSameInWindows(seed: UInt64) {
    let documents = Self.documents(seed: seed)
    func counted(window: Int) -> CorpusStatistics {
      var statistics = CorpusStatistics(
        stopwords: .builtin(), matcher: Self.matcher, windowBytes: window)
      for document in documents { statistics.add(document) }
      return statistics
    }
    let whole = counted(window: .max)
    #expect(whole.organizations.count > 5)
    for size in Self.windows {
      let windowed = counted(window: size)
      #expect(windowed.slices() == whole.slices(), "seed \(seed), window \(size)")
      #expect(windowed.organizations == whole.organizations, "seed \(seed), window \(size)")
      #expect(windowed.pairs == whole.pairs, "seed \(seed), window \(size)")
    }
  }

  @Test(arguments: seeds)
  func evidenceIsTheSameInWindows(seed: UInt64) {
    let documents = Self.documents(seed: seed)
    let targets: [EvidenceFinder.Target] = [
      .term(text: "trade", n: 1, year: 2020), .term(text: "economic union", n: 2, year: 2021),
      .term(text: "союза", n: 1, year: 2021), .term(text: "foreign affairs", n: 2, year: 2020),
      .pair(a: "eaeu", b: "csto"), .pair(a: "nato", b: "un"),
    ]
    let whole = EvidenceFinder(targets: targets, matcher: Self.matcher, windowBytes: .max)
    var found = 0
    for size in Self.windows {
      let windowed = EvidenceFinder(targets: targets, matcher: Self.matcher, windowBytes: size)
      for document in documents {
        let expected = whole.find(in: document, wanted: { _ in true })
        found += expected.count
        #expect(
          windowed.find(in: document, wanted: { _ in true }) == expected,
          "seed \(seed), window \(size), \(document.path)")
      }
    }
    #expect(found > 0)
  }
}
