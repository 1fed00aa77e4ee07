/// Finds the organizations a document names: registry aliases, acronyms defined in the text,
/// and (through ``OrganizationDiscovery``) English names the registry lacks.
///
/// Matching runs left to right over the tokens; at each token the longest alias wins, and the
/// tokens it covers are not matched again, so "Eurasian Economic Union" is not also "Union" and
/// "UN Security Council" is not also "UN". A long form followed by an acronym in parentheses,
/// "Collective Security Treaty Organization (CSTO)", defines that acronym for the rest of the
/// document (the parenthesised acronym itself is part of the definition, not a second mention);
/// a name glossed by another of the same organization in brackets, "CSTO (Collective Security
/// Treaty Organization)", is one mention too.
///
/// The alias lookup is built once; per document the work is linear in the number of tokens.
public struct OrganizationMatcher: Sendable {
  /// Changes whenever the matching or discovery rules change (the registry has its own
  /// ``OrganizationRegistry/fingerprint``), so stored results can be recognised as stale.
  public static let version = "6"

  /// The organization a mention names.
  struct Target: Sendable {
    /// The registry id, or `discovered:` and the folded name.
    var id: String
    /// The canonical name (see ``OrganizationMention/name``).
    var name: String
    /// Its place in the registry's entries, or -1 for a discovered organization.
    var entry: Int32
    /// Whether the organization is in the registry.
    var registered: Bool { entry >= 0 }
  }

  let targets: [Target]
  private(set) var patterns: [AliasPattern] = []
  private(set) var patternTarget: [Int32] = []
  /// First words of plain aliases → candidate patterns, longest first.
  private(set) var exactFirst = WordTable()
  private(set) var exactCandidates: [[Int32]] = []
  /// Stems (`евразийск`) of `*` first words → candidate patterns, longest first.
  private(set) var stemFirst = WordTable()
  private(set) var stemCandidates: [[Int32]] = []
  private let discovery = OrganizationDiscovery()

  /// Compiles the aliases of `registry` into a lookup by first word.
  public init(registry: OrganizationRegistry) {
    targets = registry.entries.enumerated().map { index, entry in
      Target(id: entry.id, name: entry.name, entry: Int32(index))
    }
    for (entryIndex, entry) in registry.entries.enumerated() {
      for pattern in entry.patterns {
        let index = Int32(patterns.count)
        patterns.append(pattern)
        patternTarget.append(Int32(entryIndex))
        let first = pattern.words[0]
        if first.isStem {
          let word = Int(stemFirst.insert(first.folded))
          if word == stemCandidates.count { stemCandidates.append([]) }
          stemCandidates[word].append(index)
        } else {
          let word = Int(exactFirst.insert(first.folded))
          if word == exactCandidates.count { exactCandidates.append([]) }
          exactCandidates[word].append(index)
        }
      }
    }
    // Longest first; among equals, registry order (the sort is stable).
    let patterns = self.patterns
    let byLength: ([Int32]) -> [Int32] = {
      $0.sorted { patterns[Int($0)].words.count > patterns[Int($1)].words.count }
    }
    exactCandidates = exactCandidates.map(byLength)
    stemCandidates = stemCandidates.map(byLength)
  }

  /// What the matcher needs to know of a word, worked out once per word by a caller that sees
  /// the same words many times (``CorpusStatistics``) and handed over per token.
  public struct WordFacts: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// A registry name can begin with the word (``OrganizationMatcher/mayBeginName(_:)``).
    public static let beginsName = WordFacts(rawValue: 1)
    /// The word's class for discovering names (at most one of the three).
    static let head = WordFacts(rawValue: 2)
    static let title = WordFacts(rawValue: 4)
    static let function = WordFacts(rawValue: 8)
    /// The word is hyphenated and a piece of it may be a one-word alias
    /// (``OrganizationMatcher/pieceFacts(of:)``).
    static let holdsName = WordFacts(rawValue: 16)
    /// The word is hyphenated and a registry name may begin with its last piece
    /// (``OrganizationMatcher/pieceFacts(of:)``: "non-European").
    static let lastPieceBeginsName = WordFacts(rawValue: 32)
    /// The word's key has a hyphen (``TokenView/pieces(_:)``). The last fact that fits:
    /// ``WordFlags`` keeps the facts in seven bits.
    static let hyphenated = WordFacts(rawValue: 64)

    /// The class these facts give (``OrganizationDiscovery/WordClass``).
    var wordClass: OrganizationDiscovery.WordClass? {
      contains(.head) ? .head : contains(.title) ? .title : contains(.function) ? .function : nil
    }
  }

  /// The facts of the word `folded` (a token's case-folded form): whether a registry name can
  /// begin with it, and its class for discovering names.
  public func facts(of folded: UnsafeBufferPointer<UInt8>) -> WordFacts {
    var facts = pieceFacts(of: folded)
    if mayBeginName(folded) { facts.insert(.beginsName) }
    switch discovery.wordClass(ofKey: TokenView.key(of: folded)) {
    case .head: facts.insert(.head)
    case .title: facts.insert(.title)
    case .function: facts.insert(.function)
    case nil: break
    }
    return facts
  }

  /// Whether a registry name can begin with the word `folded` (a token's case-folded form):
  /// its first word, or one of its stems, is the word less a possessive `'s` and an ending.
  /// When not, no name is looked up at that word.
  public func mayBeginName(_ folded: UnsafeBufferPointer<UInt8>) -> Bool {
    var found = false
    forEachFirstWordMatch(TokenView.key(of: folded)) { _ in
      found = true
      return false
    }
    return found
  }

  /// The acronyms a document has defined so far ("Collective Security Treaty Organization
  /// (CSTO)"), each bound to its long form's organization, carried from one window of the
  /// document to the next.
  public struct Definitions: Sendable {
    fileprivate var list: [(acronym: [UInt8], target: Target)] = []

    /// None yet: the start of a document.
    public init() {}
  }

  /// Hands `body` the mentions in `view`, in text order, each as its organization and its
  /// bytes in the text; the view's facts, when given, tell at which tokens a registry name can
  /// begin.
  func forEachMatch(
    in view: TokenView, definitions carried: inout Definitions,
    _ body: (Target, UnsafeBufferPointer<UInt8>, Int32) -> Void
  ) {
    let count = view.count
    // Room of the window's own (no array to allocate, check and release per window).
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { longest in
      longest.initialize(repeating: -1)
      if let facts = view.facts {
        let looked: WordFacts = [.beginsName, .holdsName, .lastPieceBeginsName]
        for index in 0..<count where !facts[index].isDisjoint(with: looked) {
          longest[index] = mark(view, at: index, facts: facts[index])
        }
      } else {
        for index in 0..<count where !view[index].flags.contains(.number) {
          let token = view[index]
          let folded = UnsafeBufferPointer(
            rebasing: view.folded[Int(token.foldedStart)..<Int(token.foldedEnd)])
          longest[index] = mark(view, at: index, facts: pieceFacts(of: folded).union(.beginsName))
        }
      }
      forEachMatch(in: view, longest: UnsafeBufferPointer(longest), definitions: &carried, body)
    }
  }

  /// ``forEachMatch(in:definitions:_:)`` once the longest pattern at each token is known
  /// (`longest[index]`, -1 for none; see ``mark(_:at:facts:)``).
  private func forEachMatch(
    in view: TokenView, longest: UnsafeBufferPointer<Int32>, definitions carried: inout Definitions,
    _ body: (Target, UnsafeBufferPointer<UInt8>, Int32) -> Void
  ) {
    let count = view.count
    // Taken out while the window is matched, and put back with what it defined.
    var definitions: [(acronym: [UInt8], target: Target)] = []
    swap(&definitions, &carried.list)
    defer { swap(&definitions, &carried.list) }
    func defined(_ index: Int) -> Target? {
      guard view[index].flags.contains(.allUppercase), !definitions.isEmpty else { return nil }
      let written = view.original(index)
      return definitions.last(where: { written.hasSameBytes(as: $0.acronym) })?.target
    }
    /// Records a mention of `first...last`; returns the index after it (and after an acronym
    /// in parentheses that it defines, or a name of the same organization in parentheses that
    /// glosses it: "CSTO (Collective Security Treaty Organization)" is one mention).
    func emit(_ first: Int, _ last: Int, _ target: Target) -> Int {
      let span = AliasPattern.Span(
        bytes: Int(view[first].start)..<view.originalKeyEnd(last), last: last, piecesOfLast: nil)
      return emit(span, target)
    }
    /// Records a mention that lies at `span`; returns the index after it, as above. When it
    /// ends inside its last token, the pieces of that token after it are looked at for names.
    func emit(_ span: AliasPattern.Span, _ target: Target) -> Int {
      body(
        target, UnsafeBufferPointer(rebasing: view.text[span.bytes]), Int32(span.bytes.lowerBound))
      let last = span.last
      if let covered = span.piecesOfLast {
        forEachPieceMatch(in: view, at: last, pieces: covered..<Int.max, body)
        return last + 1
      }
      let next = last + 1
      guard next < count else { return next }
      if view[next].flags.contains(.allUppercase), view.isParenthesized(next) {
        definitions.append((Array(view.original(next)), target))
        return next + 1
      }
      let gloss = Int(longest[next])
      guard gloss >= 0, target.entry >= 0, patternTarget[gloss] == target.entry else {
        return next
      }
      let end = next + patterns[gloss].words.count - 1
      return view.isParenthesized(next, through: end) ? end + 1 : next
    }

    var index = 0
    while index < count {
      // Most tokens begin no pattern and no name (a discovered name, and an acronym defined
      // before, begin with a capital): passed over with one test. A token past it begins a
      // pattern (and is emitted below) or is capitalized.
      if longest[index] == -1 && !view.isCapitalized(index) {
        index += 1
        continue
      }
      if longest[index] == Self.piecesOnly {
        forEachPieceMatch(in: view, at: index, body)
        index += 1
        continue
      }
      if longest[index] < Self.piecesOnly {
        // A name begun in the last piece of the word: the pieces before it, then the name.
        let pattern = Int(Self.pattern(inLastPiece: longest[index]))
        forEachPieceMatch(
          in: view, at: index, pieces: 0..<(view.pieces(index)?.count ?? 1) - 1, body)
        let span = patterns[pattern].span(in: view, at: index, fromLastPiece: true)!
        index = emit(span, targets[Int(patternTarget[pattern])])
        continue
      }
      let pattern = Int(longest[index])
      let length = pattern >= 0 ? patterns[pattern].words.count : 0
      if length > 1 || (length == 1 && defined(index) == nil) {
        let span = patterns[pattern].span(in: view, at: index, fromLastPiece: false)!
        index = emit(span, targets[Int(patternTarget[pattern])])
      } else if let target = defined(index) {
        index = emit(index, index, target)
      } else {
        // A word holding a name in a piece ("NATO-led") is reserved as a name's first word is.
        let outcome = discovery.find(at: index, in: view) {
          longest[$0] != -1 || defined($0) != nil
        }
        switch outcome {
        case .name(let first, let last, let cut):
          let span = AliasPattern.Span(
            bytes: Int(view[first].start)..<view.keyEnd(last, pieces: cut), last: last,
            piecesOfLast: cut)
          let name = String(decoding: view.text[span.bytes], as: UTF8.self)
          let id = "discovered:" + view.foldedPhrase(first, last, piecesOfLast: cut)
          index = emit(span, Target(id: id, name: name, entry: -1))
        case .none(let resumeAt):
          index = max(resumeAt, index + 1)
        }
      }
    }
  }
}
