public import Corpus

/// Finds where a document uses the terms and names the organizations and organization pairs
/// that a report shows, and cuts a ``KeywordInContext`` line around the first place of each.
///
/// A term is found exactly where ``CorpusStatistics`` counted it: a unigram is a word token
/// whose folded form is the term; a bigram is two adjacent word tokens with no sentence end or
/// punctuation between them. A pair is found in a document that the matcher finds both
/// organizations in; the line shows the closest mentions of the two. An organization is found
/// at the first mention the matcher finds of it.
public struct EvidenceFinder: Sendable {
  /// What to look for.
  public enum Target: Sendable, Hashable {
    /// A unigram (one word) or bigram (two words, one space between), case-folded, in the
    /// documents of one year.
    case term(text: String, n: Int, year: Int)
    /// Two organizations, by id, named in the same document, in any year.
    case pair(a: String, b: String)
    /// An organization, by id, named in a document of one year: looked for only in the
    /// documents it is asked for in (the latest naming it, as counting found them).
    case organization(id: String, year: Int)

    /// The year whose documents can hold this target; nil for any year.
    public var year: Int? {
      switch self {
      case .term(_, _, let year), .organization(_, let year): return year
      case .pair: return nil
      }
    }
  }

  /// The targets, in the order given.
  public let targets: [Target]
  private let matcher: OrganizationMatcher
  private let tokenizer = Tokenizer()
  private var words = WordTable()
  /// Word id → unigram targets.
  private var unigrams: [[Int]] = []
  /// Word id → the bigram targets that begin with that word: the second word's id, the targets.
  private var bigramsFrom: [[(second: Int32, targets: [Int])]] = []
  /// Target → the year whose documents can hold it (``Target/year``), asked once per hit.
  private var years: [Int?] = []
  /// Target → what an ``EvidencePrefilter`` needs a document to hold for it.
  private var needs: [EvidencePrefilter.Need] = []
  private var pairs: [Int] = []
  /// Organization targets, with their ids.
  private var organizations: [(target: Int, id: String)] = []

  /// How many bytes of text a document is tokenized in at a time, at least.
  let windowBytes: Int

  /// Prepares to look for `targets`, finding organizations with `matcher`.
  public init(targets: [Target], matcher: OrganizationMatcher) {
    self.init(targets: targets, matcher: matcher, windowBytes: CorpusStatistics.window)
  }

  /// The same, tokenizing documents in windows of `windowBytes` (tests use small ones).
  init(targets: [Target], matcher: OrganizationMatcher, windowBytes: Int) {
    self.targets = targets
    self.matcher = matcher
    self.windowBytes = windowBytes
    years = targets.map(\.year)
    var stream = TokenStream()
    for (index, target) in targets.enumerated() {
      switch target {
      case .pair:
        pairs.append(index)
        needs.append(.anything)
      case .organization(let id, _):
        organizations.append((index, id))
        needs.append(.anything)
      case .term(let text, _, _):
        // The term's words as the tokenizer folds them (a term is already folded).
        tokenizer.tokenize(Array(text.utf8), into: &stream)
        let folded = stream.tokens.map {
          Array(stream.folded[Int($0.foldedStart)..<Int($0.foldedEnd)])
        }
        let ids = folded.map { words.insert($0) }
        // A term of other than one or two words is never found: it has nothing to look for.
        needs.append(EvidencePrefilter.need(folded))
        let needed = Int(ids.max() ?? -1) + 1
        if unigrams.count < needed {
          unigrams.append(contentsOf: repeatElement([], count: needed - unigrams.count))
          bigramsFrom.append(contentsOf: repeatElement([], count: needed - bigramsFrom.count))
        }
        if ids.count == 1 {
          unigrams[Int(ids[0])].append(index)
        } else if ids.count == 2 {
          let first = Int(ids[0])
          if let at = bigramsFrom[first].firstIndex(where: { $0.second == ids[1] }) {
            bigramsFrom[first][at].targets.append(index)
          } else {
            bigramsFrom[first].append((ids[1], [index]))
          }
        }
      }
    }
  }

  /// A filter that passes every document of `year` in which ``find(in:wanted:)`` can find a
  /// target that `wanted` accepts, and most of those in which it cannot.
  public func prefilter(year: Int, wanted: (Int) -> Bool) -> EvidencePrefilter {
    EvidencePrefilter(
      needs: targets.indices.filter { (years[$0] ?? year) == year && wanted($0) }.map { needs[$0] })
  }

  /// The first place in `document` of each target that `wanted` accepts and whose year, if
  /// any, is the document's.
  ///
  /// - Returns: Target index → the line around its first place.
  public func find(in document: Document, wanted: (Int) -> Bool) -> [Int: KeywordInContext] {
    var stream = TokenStream()
    return find(in: document, wanted: wanted, stream: &stream)
  }

  /// ``find(in:wanted:)`` with `stream` to tokenize into, reused from document to document so
  /// that its buffers are not grown again for each one.
  public func find(in document: Document, wanted: (Int) -> Bool, stream: inout TokenStream)
    -> [Int: KeywordInContext]
  {
    var found: [Int: KeywordInContext] = [:]
    var isFound = [Bool](repeating: false, count: targets.count)
    let year = document.date.year
    func accepts(_ index: Int) -> Bool {
      !isFound[index] && years[index].map { $0 == year } != false && wanted(index)
    }
    // Finding a term never finds a pair: the pairs to look for are known before the text is.
    let openPairs = pairs.filter(accepts)
    let wantedPairs = openPairs.map { index -> (a: String, b: String) in
      guard case .pair(let a, let b) = targets[index] else {
        preconditionFailure("target \(index) is not a pair")
      }
      return (a, b)
    }
    // The organizations to look for, by id.
    var openOrganizations: [String: [Int]] = [:]
    for (index, id) in organizations where accepts(index) {
      openOrganizations[id, default: []].append(index)
    }
    // Mentions are taken as they are found: a huge document's are never gathered.
    var closest = ClosestMentions(wantedPairs)
    var definitions = OrganizationMatcher.Definitions()
    // Tokenized in windows, as counting does (`CorpusStatistics.window`), so that a term is
    // found exactly where it was counted and a huge document takes room for a window.
    tokenizer.tokenize(document.text, windowBytes: windowBytes, into: &stream) { window in
      if words.count > 0 {
        findTerms(in: document.text, stream: window, accepts: accepts) { index, hit in
          found[index] = KeywordInContext(text: document.text, hits: [hit])
          isFound[index] = true
        }
      }
      if !openPairs.isEmpty || !openOrganizations.isEmpty {
        matcher.forEachMention(
          in: document.text, window: window, facts: nil, definitions: &definitions
        ) { mention in
          if !openPairs.isEmpty { closest.offer(mention) }
          // The first mention of an organization is its line.
          if let targets = openOrganizations.removeValue(forKey: mention.id) {
            for index in targets {
              found[index] = KeywordInContext(
                text: document.text, hits: [Int(mention.start)..<Int(mention.end)])
            }
          }
        }
      }
    }
    for (place, index) in openPairs.enumerated() {
      guard let hits = closest.closest(place) else { continue }
      found[index] = KeywordInContext(text: document.text, hits: hits)
    }
    return found
  }

  private func findTerms(
    in text: [UInt8], stream: TokenStream, accepts: (Int) -> Bool,
    record: (Int, Range<Int>) -> Void
  ) {
    var previous: (id: Int32, start: Int)? = nil
    stream.folded.withUnsafeBufferPointer { folded in
      for token in stream.tokens {
        guard token.flags.isDisjoint(with: .removed) else {
          previous = nil
          continue
        }
        let word = UnsafeBufferPointer(
          rebasing: folded[Int(token.foldedStart)..<Int(token.foldedEnd)])
        guard let id = words.lookup(word) else {
          previous = nil
          continue
        }
        let range = Int(token.start)..<Int(token.end)
        for index in unigrams[Int(id)] where accepts(index) { record(index, range) }
        if let before = previous, token.continuesPhrase {
          for bigram in bigramsFrom[Int(before.id)] where bigram.second == id {
            for index in bigram.targets where accepts(index) {
              record(index, before.start..<range.upperBound)
            }
          }
        }
        previous = (id, range.lowerBound)
      }
    }
  }
}
