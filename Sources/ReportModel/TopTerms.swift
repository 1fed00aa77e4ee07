import Analysis

/// Finds the most frequent unigrams and bigrams over every year, exactly, looking at one year
/// at a time and without a table of every term's total.
///
/// 1. ``seeds(in:limit:)``: each year's `limit` most frequent terms, read from its packed terms.
///    A seed's counts in the years where it is a seed add up to no more than its total, so the
///    `limit`-th largest of these partial sums is a lower bound `b` on the `limit`-th largest
///    total (``bounds(_:limit:)``).
/// 2. ``candidates(_:bounds:years:cap:)``, while a year is unpacked anyway: a term whose total
///    reaches `b` reaches `b / years` in at least one year, so only those can be listed. When
///    no term stands out, nearly every term reaches it: past ``candidateCap(limit:years:)``,
///    the `limit` largest of that size are found instead from every year's terms pooled
///    (``bounded(_:cap:limit:source:parallel:)``).
/// 3. ``Ranking/tallies(in:)``: every candidate's figures in every year, read from the packed
///    terms, summed and ranked.
///
/// Memory is the candidates, a few per listed term on a vocabulary like a language's, and at
/// most about the cap's 40 MB of figures whatever the vocabulary.
enum TopTerms {
  /// A term's text as bytes (a bigram's two words joined by one space) and a count.
  typealias Counted = TermBlob.Counted

  /// Step 1 for one year: its `limit` most frequent unigrams (`[0]`) and bigrams (`[1]`), ties
  /// at the cut broken by chance (any `limit` terms give a valid bound; the largest, the best).
  static func seeds(in terms: TermBlob, limit: Int) -> [[Counted]] {
    terms.largest(limit: limit)
  }

  /// The lower bounds on the `limit`-th largest total, for unigrams and bigrams, from every
  /// year's seeds.
  static func bounds(_ seeds: [[[Counted]]], limit: Int) -> [Double] {
    (0..<2).map { size in
      var partial: [[UInt8]: Int] = [:]
      for year in seeds {
        for seed in year[size] { partial[seed.text, default: 0] += seed.count }
      }
      return Selection.threshold(partial.values.lazy.map(Double.init), keep: limit)
    }
  }

  /// Step 2 for one year: its terms reaching `bounds / years`, unigrams (`[0]`) and bigrams;
  /// nil for a size with more than `cap` of them, whose largest are then found by adding every
  /// term up (``bounded(_:cap:limit:source:parallel:)``).
  static func candidates(_ year: YearTerms, bounds: [Double], years: Int, cap: Int)
    -> [[[UInt8]]?]
  {
    func reaches(_ count: UInt32, _ size: Int) -> Bool {
      Double(count) * Double(years) >= bounds[size]
    }
    let reaching = year.terms.unigrams.lazy.filter { reaches($0.count, 0) }
    let unigrams: [[UInt8]]? =
      reaching.count > cap ? nil : Array(reaching.map { year.text(n: 1, $0.word, -1) })
    var bigrams: [[UInt8]]? = []
    year.bigrams.forEachBigram { bigram in
      guard bigrams != nil, reaches(bigram.count, 1) else { return }
      if bigrams!.count == cap {
        bigrams = nil
      } else {
        bigrams!.append(year.text(n: 2, bigram.first, bigram.second))
      }
    }
    return [unigrams, bigrams]
  }

  /// How many candidates of one size the years may have together before their largest are
  /// found by adding every term up instead: each candidate's figures take some 40 bytes a year
  /// (``Ranking/tallies(in:)``, ``Ranking/figures(years:yearTokens:found:)``), so about 40 MB.
  /// A 1 GB corpus of 26 years has some 13,000 candidate bigrams, the cap there 38,000.
  static func candidateCap(limit: Int, years: Int) -> Int {
    max(50 * limit, 1_000_000 / max(1, years))
  }

  /// How many candidates of one size a year may have before the years' are given up
  /// (``candidates(_:bounds:years:cap:)``): four times its share of `cap`, so that the years
  /// counted before one that overflows do not hold up to `cap` each meanwhile.
  static func yearCap(_ cap: Int, limit: Int, years: Int) -> Int {
    min(cap, max(limit, 4 * cap / max(1, years)))
  }

  /// The candidates of each year (``candidates(_:bounds:years:cap:)``), as many of each size
  /// as `cap` allows in all; for a size with more, only its `limit` largest over every year,
  /// found from every year's terms pooled (``pooledLargest(sizes:limit:source:parallel:)``).
  static func bounded<Source: YearSource>(
    _ candidates: [[[[UInt8]]?]], cap: Int, limit: Int, source: Source,
    parallel: any Parallel = Sequential()
  ) throws(Source.Failure) -> [[[[UInt8]]]] {
    var bounded = candidates.map { $0.map { $0 ?? [] } }
    let over = (0..<2).filter { size in
      let found = candidates.map { $0[size] }
      return found.contains { $0 == nil } || found.reduce(0) { $0 + ($1?.count ?? 0) } > cap
    }
    guard !over.isEmpty, !bounded.isEmpty else { return bounded }
    let largest = try pooledLargest(sizes: over, limit: limit, source: source, parallel: parallel)
    for size in over {
      for index in bounded.indices { bounded[index][size] = [] }
      bounded[0][size] = largest[size]
    }
    return bounded
  }

  /// The `limit` unigrams (`[0]`) and bigrams (`[1]`) with the most uses over every year of
  /// `source`, then the most documents, then the earliest text, of the `sizes` asked for (the
  /// others empty).
  ///
  /// Every year's terms are pooled as a span of years is for a chosen comparison
  /// (``Analysis/PooledTerms``: each year read twice, its bigrams put on the source's shelf and
  /// merged in order as they are read), and the largest kept as they go by. The pooled words
  /// are in byte order and no word holds a byte below the space, so the order of a bigram's
  /// two words is the order of its text.
  ///
  /// The bigrams are merged in spans of their first words, one span a core
  /// (``Analysis/PooledTerms/firstWordSpans(_:)``): the merge waits on memory for most of its
  /// time, which another core does not share.
  static func pooledLargest<Source: YearSource>(
    sizes: [Int], limit: Int, source: Source, parallel: any Parallel = Sequential()
  ) throws(Source.Failure) -> [[[UInt8]]] {
    let years = source.years
    let pooled = try PooledTerms(count: years.count, shelf: try source.makeShelf()) {
      index throws(Source.Failure) in try source.terms(years[index])
    }
    var kept = [BoundedMinHeap<Ranked>](repeating: BoundedMinHeap(capacity: limit), count: 2)
    if sizes.contains(0) {
      for unigram in pooled.terms.unigrams {
        kept[0].offer(
          Ranked(
            count: unigram.count, documents: unigram.documents, first: unigram.word, second: -1))
      }
    }
    if sizes.contains(1) {
      let spans = pooled.firstWordSpans(max(1, parallel.width))
      let largest = try ReportBuilder.map(spans.count, parallel) {
        span throws(Source.Failure) in
        var kept = BoundedMinHeap<Ranked>(capacity: limit)
        var cursor = pooled.makeCursor(firstWords: spans[span])
        // Reading the pooled bigrams throws only what the source's shelf throws, which is the
        // source's failure (``YearSource/Shelf``); the merge holds the shelf as `any ByteShelf`.
        do {
          while let bigram = try cursor.next() {
            kept.offer(
              Ranked(
                count: bigram.count, documents: bigram.documents, first: bigram.first,
                second: bigram.second))
          }
        } catch let failure as Source.Failure {
          throw failure
        } catch {
          preconditionFailure("a year source's shelf threw \(error), not the source's failure")
        }
        return kept.elements
      }
      // The spans hold different bigrams: the largest of all are among each span's largest.
      for ranked in largest.joined() { kept[1].offer(ranked) }
    }
    return kept.enumerated().map { size, heap in
      heap.elements.map { pooled.terms.text(n: size + 1, $0.first, $0.second) }
    }
  }

  /// A pooled term kept by ``pooledLargest(sizes:limit:source:parallel:)``: more uses rank
  /// higher, then more documents, then earlier words.
  struct Ranked: Comparable {
    var count: UInt32
    var documents: UInt32
    var first: Int32
    var second: Int32

    static func < (lhs: Ranked, rhs: Ranked) -> Bool {
      (lhs.count, lhs.documents, rhs.first, rhs.second)
        < (rhs.count, rhs.documents, lhs.first, lhs.second)
    }
  }

  /// The candidates of every year, looked up in each year and ranked.
  struct Ranking: Sendable {
    /// The candidates' words.
    private var words = Vocabulary()
    /// Candidate → its index in ``texts``, by word ids (a unigram's second id is -1).
    private var index: [Pair: Int] = [:]
    /// Each candidate's size and text.
    private(set) var texts: [(n: Int, text: [UInt8])] = []

    struct Pair: Hashable, Sendable {
      var first: Int32
      var second: Int32
    }

    /// The followed terms that are ``FollowedTerm/isWellFormed``, each with its index in
    /// ``texts``.
    private var followed: [FollowedTerm: Int] = [:]

    /// Collects the candidates that step 2 found in every year, and the `followed` terms,
    /// whose figures are looked up as a candidate's are.
    init(_ candidates: [[[[UInt8]]]], followed: [FollowedTerm] = []) {
      for year in candidates {
        for size in 0..<2 {
          for text in year[size] { add(n: size + 1, text) }
        }
      }
      for term in followed where term.isWellFormed {
        self.followed[term] = add(n: term.n, Array(term.text.utf8))
      }
    }

    /// Adds the candidate of size `n` and bytes `text`, if it is new; its index in ``texts``.
    @discardableResult
    private mutating func add(n: Int, _ text: [UInt8]) -> Int {
      let space = n == 1 ? text.endIndex : text.firstIndex(of: 0x20)!
      // Through buffers: the generic `intern` copies its key into an array first.
      let (first, second) = text.withUnsafeBufferPointer { text in
        (
          words.intern(UnsafeBufferPointer(rebasing: text[..<space])),
          n == 1 ? -1 : words.intern(UnsafeBufferPointer(rebasing: text[(space + 1)...]))
        )
      }
      let pair = Pair(first: first, second: second)
      if let known = index[pair] { return known }
      index[pair] = texts.count
      texts.append((n, text))
      return texts.count - 1
    }

    /// Step 3: the figures of every candidate used in one year, by candidate index.
    func tallies(in terms: TermBlob) -> [(candidate: Int, tally: TermTally)] {
      var found: [(Int, TermTally)] = []
      // Only terms whose words are all candidates' words come through.
      terms.forEachTermID(
        onlyKnown: true,
        intern: { words.find($0) ?? -1 },
        each: { n, first, second, count, documents in
          guard count > 0,
            let candidate = index[Pair(first: first, second: n == 1 ? -1 : second)]
          else { return }
          found.append((candidate, TermTally(count: count, documents: documents)))
        })
      return found
    }

    /// Every candidate's figures in every year and in all, worked out once for the lists a
    /// report takes from them (``entries(n:limit:figures:)``,
    /// ``followedEntries(_:figures:)``).
    struct Figures {
      /// The corpus years, ascending, and their word tokens.
      let years: [Int]
      let yearTokens: [Int]
      /// The sum of ``yearTokens``.
      let totalTokens: Int
      /// By candidate: its tally in each year, and in all.
      let perYear: [[TermTally]]
      let totals: [TermTally]
    }

    /// Each candidate's figures in `years` (of `yearTokens` tokens each) and in all, from what
    /// ``tallies(in:)`` found in each year.
    func figures(
      years: [Int], yearTokens: [Int], found: [[(candidate: Int, tally: TermTally)]]
    ) -> Figures {
      var perYear = [[TermTally]](
        repeating: Array(repeating: TermTally(), count: years.count), count: texts.count)
      var totals = [TermTally](repeating: TermTally(), count: texts.count)
      for (year, tallies) in found.enumerated() {
        for (candidate, tally) in tallies {
          perYear[candidate][year] = tally
          totals[candidate].add(tally)
        }
      }
      return Figures(
        years: years, yearTokens: yearTokens, totalTokens: yearTokens.reduce(0, +),
        perYear: perYear, totals: totals)
    }

    /// The `followed` terms with their `figures` per year, in the order given, each once; a
    /// term found in no year has zeros, and one that is not ``FollowedTerm/isWellFormed`` is
    /// left out.
    func followedEntries(_ followed: [FollowedTerm], figures: Figures) -> [TermEntry] {
      var seen = Set<FollowedTerm>()
      return followed.filter { seen.insert($0).inserted }.compactMap { term in
        self.followed[term].map { entry($0, n: term.n, figures: figures) }
      }
    }

    /// The `limit` most frequent candidates of size `n` with their `figures` per year.
    ///
    /// Ranked by count (descending), then documents (descending), then the text's bytes.
    func entries(n: Int, limit: Int, figures: Figures) -> [TermEntry] {
      let totals = figures.totals
      let ranked = texts.indices.filter { texts[$0].n == n && totals[$0].count > 0 }.sorted {
        lhs, rhs in
        if totals[lhs].count != totals[rhs].count { return totals[lhs].count > totals[rhs].count }
        if totals[lhs].documents != totals[rhs].documents {
          return totals[lhs].documents > totals[rhs].documents
        }
        return texts[lhs].text.lexicographicallyPrecedes(texts[rhs].text)
      }
      return ranked.prefix(limit).map { entry($0, n: n, figures: figures) }
    }

    /// The entry of `candidate`, of size `n`, with its `figures` per year and in all.
    private func entry(_ candidate: Int, n: Int, figures: Figures) -> TermEntry {
      let total = figures.totals[candidate]
      return TermEntry(
        text: String(decoding: texts[candidate].text, as: UTF8.self), n: n,
        count: total.count, documents: total.documents,
        perTenThousand: rate(total.count, figures.totalTokens),
        years: figures.years.indices.map { year in
          let tally = figures.perYear[candidate][year]
          return TermYear(
            year: figures.years[year], count: tally.count, documents: tally.documents,
            perTenThousand: rate(tally.count, figures.yearTokens[year]))
        })
    }

    private func rate(_ count: Int, _ tokens: Int) -> Double {
      Report.perTenThousand(count, of: tokens)
    }
  }
}
