import CPrefetch
public import Corpus

/// Counts over a set of documents: terms, bigrams, organizations and their pairs, per year.
///
/// Pure and additive: ``add(_:)`` one document at a time, and ``merge(_:)`` the statistics of
/// another worker that saw other documents. The result does not depend on the order in which
/// documents were added or merged (only term ids do, and nothing shown depends on them).
public struct CorpusStatistics: Sendable {
  /// Every distinct word seen, stopwords included.
  public private(set) var vocabulary = Vocabulary()
  /// What is known of term `id` (``WordFlags``), kept per word so that each token need not be
  /// looked up: one byte per word, so that a token's flags are one load (asked for ahead, see
  /// ``countTerms(_:_:folded:spans:ids:begun:previous:tally:bigrams:facts:)``).
  private var wordFlags: [WordFlags] = []
  /// Figures per year.
  public private(set) var years: [Int: YearTally] = [:]
  /// Organizations by canonical id, over all years, with their figures per year.
  public var organizations: [String: OrganizationTally] {
    var result: [String: OrganizationTally] = [:]
    for (year, tally) in years {
      for (id, organization) in tally.organizations {
        var merged =
          result[id]
          ?? OrganizationTally(
            registryName: organization.registryName, registered: organization.registered)
        merged.merge(organization)
        merged.years[year] = organization.total
        result[id] = merged
      }
    }
    return result
  }
  /// Documents naming both organizations of a pair, overall and per year.
  public var pairs: [OrganizationPair: PairTally] {
    var result: [OrganizationPair: PairTally] = [:]
    result.reserveCapacity(years.values.map(\.organizationCounts.pairCount).max() ?? 0)
    for (year, tally) in years {
      for (pair, documents) in tally.pairs {
        result[pair, default: PairTally()].add(year: year, documents: documents)
      }
    }
    return result
  }
  /// Accepted documents.
  public var documents: Int { years.values.reduce(0) { $0 + $1.documents } }
  /// Documents in which invalid UTF-8 had been replaced.
  public var repairedDocuments: Int { years.values.reduce(0) { $0 + $1.repairedDocuments } }
  /// The earliest article date.
  public var firstDate: CalendarDate? { years.values.compactMap(\.firstDate).min() }
  /// The latest article date.
  public var lastDate: CalendarDate? { years.values.compactMap(\.lastDate).max() }

  /// The words left out of terms.
  var stopwords: StopwordList { matching.stopwords }
  /// Finds organizations.
  var matcher: OrganizationMatcher { matching.matcher }
  /// The matcher behind one reference: the counting loop uses it while `self` is being
  /// changed, where a copy of the matcher itself (a dozen tables) cost a retain and a release of
  /// each table per document (0.7 % of a 1 GB run), and a copy of this costs one.
  private let matching: Matching
  private let tokenizer = Tokenizer()
  private var stream = TokenStream()
  /// Reused per-document counts of bigrams.
  private var documentBigrams = DocumentTally()
  /// Reused per-token facts for the organization matcher (``OrganizationMatcher/WordFacts``).
  private var documentFacts: [OrganizationMatcher.WordFacts] = []
  /// The room a sorted year's bigram log left (``takeSortedSlice(year:)``), emptied, for the
  /// next new year to log its bigrams in (see ``removeAll()``).
  var spareBigramRoom: [SortedTerms.Bigram] = []

  /// How many bytes of text a document is tokenized and counted in at a time, at least
  /// (``Tokenizer/tokenize(_:windowBytes:into:_:)``): a huge document's tokens, folded bytes
  /// and matching take room for a window, not for the document.
  let windowBytes: Int

  /// Creates empty statistics that will leave out `stopwords` and find organizations with
  /// `matcher`.
  public init(stopwords: StopwordList, matcher: OrganizationMatcher) {
    self.init(stopwords: stopwords, matcher: matcher, windowBytes: Self.window)
  }

  /// The same, tokenizing documents in windows of `windowBytes` (tests use small ones).
  init(stopwords: StopwordList, matcher: OrganizationMatcher, windowBytes: Int) {
    matching = Matching(matcher, stopwords: stopwords)
    self.windowBytes = windowBytes
  }

  /// The bytes of text of a window, at least: far more than an article has, and a window's
  /// tokens, folded bytes and matching take a few megabytes.
  static let window = 1 << 20

  /// Counts one document, whose text's digest is `digest` (``Corpus/ContentHash/textHash(_:)``;
  /// 0 when not known): it orders documents of one date among an organization's latest
  /// (``LatestDocuments``).
  public mutating func add(_ document: Document, digest: UInt64 = 0) {
    // The reused buffers are taken out of `self` while counting, so that interning (which
    // mutates `self`) never overlaps an access to them.
    var stream = TokenStream()
    swap(&stream, &self.stream)
    defer { swap(&stream, &self.stream) }
    var facts: [OrganizationMatcher.WordFacts] = []
    swap(&facts, &documentFacts)
    defer { swap(&facts, &documentFacts) }
    var bigrams = DocumentTally()
    swap(&bigrams, &documentBigrams)
    defer { swap(&bigrams, &documentBigrams) }
    let year = document.date.year
    var tally = years.removeValue(forKey: year) ?? newYear()
    defer { years[year] = tally }
    tally.addDocument(date: document.date, repaired: document.repairedSequences > 0)

    // What carries from one window of the document to the next: its bigrams, whether its
    // unigrams were counted yet, the word a bigram would begin with, the acronyms it defined.
    bigrams.reset()
    var begun = false
    var previous: Int32 = -1
    var definitions = OrganizationMatcher.Definitions()
    tally.organizationCounts.beginDocument(
      LatestDocuments.Document(date: document.date, digest: digest, path: document.path))
    let (tokenizer, matching) = (self.tokenizer, self.matching)
    tokenizer.tokenize(document.text, windowBytes: windowBytes, into: &stream) { window in
      let count = window.tokens.count
      if facts.count < count {
        facts.append(contentsOf: repeatElement([], count: count - facts.count))
      }
      facts.withUnsafeMutableBufferPointer { facts in
        let flags = UnsafeMutableBufferPointer(rebasing: facts[0..<count])
        countTerms(
          window, tally: &tally, bigrams: &bigrams, begun: &begun, previous: &previous,
          facts: flags)
        // Each mention is counted as it is found: a huge document's mentions are never
        // gathered.
        matching.matcher.forEachMatch(
          in: document.text, window: window, facts: UnsafeBufferPointer(flags),
          definitions: &definitions
        ) { target, surface, _ in
          tally.organizationMentions += 1
          tally.organizationCounts.count(target, surface: surface)
        }
      }
    }
    bigrams.flush(into: &tally.bigrams)
    tally.organizationCounts.endDocument()
  }

  /// How many tokens' bigrams are counted at once: the document's bigram table is given room
  /// for that many new keys at a time (``DocumentTally/counting(distinct:_:)``).
  static let countingBlock = 1 << 14

  /// How many words ahead the counting loop asks for a word's year entry and flags.
  static let prefetchDistance = 8

  /// How many tokens are interned and counted at once: a window's words are handed to the
  /// vocabulary a block of tokens at a time, so that their spans, hashes and ids take room for
  /// a block.
  static let interningBlock = 1 << 16

  /// Counts the terms of one window of a document, `stream`, into `tally` (bigrams through the
  /// document's table), and sets `facts[i]` for each token; `begun` and `previous` carry
  /// from one window to the next (see below).
  private mutating func countTerms(
    _ stream: TokenStream, tally: inout YearTally, bigrams: inout DocumentTally,
    begun: inout Bool, previous: inout Int32,
    facts: UnsafeMutableBufferPointer<OrganizationMatcher.WordFacts>
  ) {
    stream.folded.withUnsafeBufferPointer { folded in
      stream.tokens.withUnsafeBufferPointer { tokens in
        // The words are interned a block of at most `interningBlock` tokens at a time (the
        // vocabulary asks for its cache lines ahead), and each block is counted once interned.
        let room = min(tokens.count, Self.interningBlock)
        guard room > 0 else { return }
        withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt8>.self, capacity: room) {
          spans in
          withUnsafeTemporaryAllocation(of: Int32.self, capacity: room) { ids in
            var start = 0
            while start < tokens.count {
              let end = min(tokens.count, start + room)
              countTerms(
                tokens, start..<end, folded: folded, spans: spans, ids: ids.baseAddress!,
                begun: &begun, previous: &previous, tally: &tally, bigrams: &bigrams,
                facts: facts)
              start = end
            }
          }
        }
      }
    }
  }

  /// Counts `tokens[block]` (whose folded bytes are in `folded`) into `tally`, bigrams through
  /// the document's table, with room for the block's words' bytes in `spans` and their ids in
  /// `ids`; `previous` is the word a bigram would begin with (-1 for none), and `begun` whether
  /// the document's unigrams were counted yet, both carried from one block to the next.
  private mutating func countTerms(
    _ tokens: UnsafeBufferPointer<Token>, _ block: Range<Int>, folded: UnsafeBufferPointer<UInt8>,
    spans: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>, ids: UnsafeMutablePointer<Int32>,
    begun: inout Bool, previous: inout Int32, tally: inout YearTally,
    bigrams: inout DocumentTally, facts: UnsafeMutableBufferPointer<OrganizationMatcher.WordFacts>
  ) {
    // The folded bytes of the block's words that count go to the vocabulary at once, in text
    // order (as one batch would give them ids).
    let before = vocabulary.count
    let matching = self.matching
    var words = 0
    for token in tokens[block] where token.flags.isDisjoint(with: .removed) {
      spans[words] = UnsafeBufferPointer(
        rebasing: folded[Int(token.foldedStart)..<Int(token.foldedEnd)])
      words += 1
    }
    guard words > 0 else {
      for index in block {
        facts[index] = Self.facts(tokens[index], folded: folded, matcher: matching.matcher)
      }
      previous = -1
      return
    }
    vocabulary.intern(UnsafeBufferPointer(rebasing: spans[0..<words]), into: ids, in: folded)
    noteNewWords(from: before)
    var word = 0
    // Unigrams go straight into the year's table, every id being below the vocabulary's size;
    // a block after one with words counts in the same document. Bigrams are counted
    // `countingBlock` tokens at a time: a block has no more distinct bigrams than tokens, so the
    // document's table has room for a block before it is counted, and a huge document's table
    // still grows only with what it holds. The year's entry and the flags of the word
    // `prefetchDistance` words ahead are asked for before this one is counted: for a rare word
    // both are cache misses, which then overlap.
    let distance = Self.prefetchDistance
    wordFlags.withUnsafeBufferPointer { wordFlags in
      let flagsBase = wordFlags.baseAddress!
      tally.unigrams.countingDocument(below: vocabulary.count, continuing: begun) { unigrams in
        var start = block.lowerBound
        while start < block.upperBound {
          let end = min(block.upperBound, start + Self.countingBlock)
          bigrams.counting(distinct: end - start) { bigrams in
            for index in start..<end {
              let token = tokens[index]
              if !token.flags.isDisjoint(with: .removed) {
                facts[index] = Self.facts(token, folded: folded, matcher: matching.matcher)
                previous = -1
                continue
              }
              if word + distance < words {
                let ahead = Int(ids[word + distance])
                unigrams.prefetch(ahead)
                almanac_prefetch(flagsBase + ahead)
              }
              let id = ids[word]
              word += 1
              let flags = flagsBase[Int(id)]
              facts[index] = flags.facts
              if flags.contains(.stopword) {
                previous = -1
                continue
              }
              if !token.continuesPhrase {
                previous = -1
              }
              unigrams.count(id)
              if previous >= 0 { bigrams.count(BigramKey(previous, id).packed) }
              previous = id
            }
          }
          start = end
        }
      }
    }
    begun = true
    // Every word is a token (stopwords too); numbers and overlong words are not.
    tally.tokens += words
  }

  /// The matcher's facts of a token that is not interned: none for a number (no name begins
  /// with one, and discovery asks nothing else of it); an overlong word is looked up. Never
  /// inlined into the counting loop, as ``noteNewWords(from:)``.
  @inline(never)
  private static func facts(
    _ token: Token, folded: UnsafeBufferPointer<UInt8>, matcher: OrganizationMatcher
  ) -> OrganizationMatcher.WordFacts {
    if token.flags.contains(.number) { return [] }
    return matcher.facts(
      of: UnsafeBufferPointer(rebasing: folded[Int(token.foldedStart)..<Int(token.foldedEnd)]))
  }

  /// Forgets every document and word counted, keeping the room the tables took: the
  /// vocabulary's (``Vocabulary/removeAll()``), the words' flags and the reused buffers, and the
  /// room of the last sorted year's bigram log (``spareBigramRoom``). Counting goes on exactly
  /// as in new statistics.
  ///
  /// A run counts one group of years after another, each with new statistics per core: these,
  /// once each of their years is taken, are resident already, where new ones map, fault in
  /// and zero their pages again (the vocabulary and the bigram log were 322,000 of the 988,000
  /// page faults of a 1 GB run).
  public mutating func removeAll() {
    years = [:]
    vocabulary.removeAll()
    wordFlags.removeAll(keepingCapacity: true)
  }

  /// An empty year, logging its bigrams in ``spareBigramRoom`` when there is one.
  private mutating func newYear() -> YearTally {
    var tally = YearTally()
    if spareBigramRoom.capacity > 0 {
      var room: [SortedTerms.Bigram] = []
      swap(&room, &spareBigramRoom)
      tally.bigrams = BigramTallies(room: consume room)
    }
    return tally
  }

  /// The bigram entries `year`'s table holds (``BigramTallies/entryCount``), 0 for a year not
  /// counted.
  public func bigramEntries(year: Int) -> Int {
    years[year]?.bigrams.entryCount ?? 0
  }

  /// Replaces (or adds) the tally of `year`.
  mutating func replaceYear(_ year: Int, with tally: YearTally) {
    years[year] = tally
  }

  /// Removes the tally of `year` and returns it.
  mutating func removeYear(_ year: Int) -> YearTally? {
    years.removeValue(forKey: year)
  }

  /// Interns `word`, noting whether it is a stopword.
  mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
    let id = vocabulary.intern(word)
    if Int(id) == wordFlags.count { noteNewWord(id) }
    return id
  }

  /// Notes whether the word just given id `id` (the next one) is a stopword, and whether a
  /// registry name can begin with it.
  private mutating func noteNewWord(_ id: Int32) {
    noteNewWords(from: Int(id))
  }

  /// Notes, for every word from id `first` on (those interned since), whether it is a stopword
  /// and whether a registry name can begin with it; the vocabulary's storage is asked for once.
  ///
  /// Never inlined: it runs once per block of words, and the matcher's lookups inlined into
  /// ``countTerms`` made the compiler lay out the counting loop around them (callgrind, 15 MB:
  /// 28 million more instructions in the whole run).
  @inline(never)
  private mutating func noteNewWords(from first: Int) {
    let last = vocabulary.count
    guard first < last else { return }
    let matching = self.matching
    vocabulary.withStorage { storage in
      for id in first..<last {
        let word = storage[id]
        wordFlags.append(
          WordFlags(
            stopword: matching.stopwords.contains(word), facts: matching.matcher.facts(of: word)))
      }
    }
  }
}

/// What ``CorpusStatistics`` notes of each word when it is first interned, in one byte: whether
/// it is a stopword, and the matcher's facts of it.
struct WordFlags: OptionSet {
  let rawValue: UInt8
  /// The word is left out of terms.
  static let stopword = WordFlags(rawValue: 1)

  init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The flags of a word that is a `stopword` or not, with the matcher's `facts` of it.
  init(stopword: Bool, facts: OrganizationMatcher.WordFacts) {
    rawValue = facts.rawValue << 1 | (stopword ? 1 : 0)
  }

  /// The matcher's facts of the word (``OrganizationMatcher/facts(of:)``).
  var facts: OrganizationMatcher.WordFacts { .init(rawValue: rawValue >> 1) }
}

extension CorpusStatistics {
  /// An organization matcher held by reference (``CorpusStatistics/matcher``).
  private final class Matching: Sendable {
    let matcher: OrganizationMatcher
    let stopwords: StopwordList
    init(_ matcher: OrganizationMatcher, stopwords: StopwordList) {
      self.matcher = matcher
      self.stopwords = stopwords
    }
  }
}
