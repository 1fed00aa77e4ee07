public import Analysis
public import Corpus
import Dispatch

/// Reads and counts corpus files on several cores.
///
/// Each worker takes the next file from a shared counter (opening it a few files ahead, see
/// ``FilesAhead``), reads it once, hashes it, parses its header and adds the document to its own
/// ``CorpusStatistics``; the partial statistics are merged at the end. Nothing here writes
/// anywhere.
public struct CorpusAnalyzer: Sendable {
  /// Words left out of terms.
  public let stopwords: StopwordList
  /// Finds organizations.
  public let matcher: OrganizationMatcher
  /// How many files are read and counted at once.
  public let workers: Int
  /// Whether the files opened ahead are asked for, learnt from the files read so far (shared
  /// with the run's ``EvidenceGatherer``, which reads the same corpus again).
  let prefetching = Shared(PrefetchPolicy())

  /// Creates an analyzer.
  public init(stopwords: StopwordList, matcher: OrganizationMatcher, workers: Int) {
    self.stopwords = stopwords
    self.matcher = matcher
    self.workers = max(1, workers)
  }

  /// What became of one file.
  public struct FileOutcome: Sendable {
    /// The file as scanned.
    public var file: CorpusFile
    /// ``ContentHash/textHash(_:)`` of its bytes, or nil when it could not be read. Kept as a
    /// number, since a run holds one per file of the corpus.
    public var digest: UInt64?
    /// The article date, when the header was readable.
    public var date: CalendarDate?
    /// Why it was rejected, or nil when it was accepted.
    public var rejection: Rejection?
    /// Whether invalid UTF-8 was replaced.
    public var repaired: Bool
    /// Whether its bytes hash to the digest the state holds for its path (a file touched, not
    /// changed): such a file is neither parsed nor counted, and ``date``, ``rejection`` and
    /// ``repaired`` say nothing (its stored record does).
    public var sameAsStored: Bool
    /// Whether it was accepted but not counted, being a copy of a file counted before it: the
    /// same bytes, so the same date and text (``CountedDigests``).
    public var isCopy: Bool

    /// ``digest`` as ``ContentHash`` text, as the state stores it (empty when the file could not
    /// be read).
    public var hash: String { digest.map(ContentHash.hex) ?? "" }

    /// Creates an outcome.
    public init(
      file: CorpusFile, digest: UInt64?, date: CalendarDate?, rejection: Rejection?, repaired: Bool,
      sameAsStored: Bool = false, isCopy: Bool = false
    ) {
      self.file = file
      self.digest = digest
      self.date = date
      self.rejection = rejection
      self.repaired = repaired
      self.sameAsStored = sameAsStored
      self.isCopy = isCopy
    }
  }

  /// What came out of a set of files.
  public struct Result: Sendable {
    /// Counts over every accepted document.
    public var statistics: CorpusStatistics
    /// One outcome per file, in the order of the input.
    public var outcomes: FileOutcomes
  }

  /// An empty statistics value with this analyzer's settings.
  public func emptyStatistics() -> CorpusStatistics {
    CorpusStatistics(stopwords: stopwords, matcher: matcher)
  }

  /// Reads and counts `files`.
  ///
  /// - Parameters:
  ///   - files: The files to read.
  ///   - progress: Called now and then with the number of files done, from any thread.
  public func analyze(_ files: [CorpusFile], progress: (@Sendable (Int) -> Void)? = nil) -> Result {
    var outcomes = FileOutcomes(files: files)
    let parts = analyzeParts(
      files, counted: CountedDigests(), into: &outcomes, progress: progress)
    return Result(statistics: merge(parts), outcomes: outcomes)
  }

  /// Reads and counts the files of `files` at `runs` (all of them by default), leaving each
  /// worker's counts apart (``merge(_:)`` joins them), and records each file's outcome in
  /// `outcomes` at the file's place in `files`.
  ///
  /// The files are read where they lie in `files`, and recorded there: counting a year's files
  /// (``CountedYears``) takes no copy of their entries or outcomes (36 bytes a file, all of them
  /// for a corpus of one year).
  ///
  /// - Parameters:
  ///   - runs: Where the files to count lie in `files`, read in this order.
  ///   - stored: What the state holds of each file of `files` (nil for a file it does not
  ///     know, or all nil when not given): a file whose bytes hash to its stored digest is not
  ///     counted (``FileOutcome/sameAsStored``). The comparison's own list, not a list of the
  ///     digests made from it (16 bytes a file read).
  ///   - counted: The digests of the documents counted so far, this call's added: a document
  ///     whose bytes are those of one counted before is not counted again
  ///     (``FileOutcome/isCopy``). A year it has closed is reopened from `outcomes` and
  ///     `countedBefore`.
  ///   - countedBefore: The digests of the documents counted in a year by earlier calls, whose
  ///     outcomes are not in `outcomes`.
  ///   - outcomes: The outcomes of `files`, those counted here recorded.
  ///   - reusing: Emptied statistics of this analyzer (``CorpusStatistics/removeAll()``) for
  ///     the workers to count with, so that their tables' room is not made again.
  ///   - spilling: Where a worker puts a year aside when its bigrams outgrow the worker's room
  ///     (``SpilledYears``); the statistics returned then lack what was put aside.
  ///   - progress: Called now and then with the number of files of `runs` done.
  /// - Returns: Each worker's statistics.
  func analyzeParts(
    _ files: [CorpusFile], runs: [Range<Int>]? = nil, stored: [ChangeSet.Known?]? = nil,
    counted: CountedDigests, countedBefore: (@Sendable (Int) -> [UInt64])? = nil,
    into outcomes: inout FileOutcomes,
    reusing: consuming [CorpusStatistics] = [], spilling: SpilledYears? = nil,
    progress: (@Sendable (Int) -> Void)? = nil
  ) -> [CorpusStatistics] {
    precondition(stored.map { $0.count == files.count } ?? true, "one stored digest per file")
    precondition(outcomes.files.count == files.count, "one outcome per file")
    let places = Places(runs ?? [files.indices])
    precondition(
      places.runs.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= files.count },
      "runs within the files")
    // Moved, not copied: a statistics value held twice would copy its tables when counting.
    let spare = Shared(consume reusing)
    let next = Shared(0)
    let partials = Shared<[CorpusStatistics]>([])
    // Each outcome goes straight to its file's place; the outcomes are moved into the box, not
    // copied (a copy would be made again as the first outcome is recorded).
    var taken = FileOutcomes(files: [])
    swap(&taken, &outcomes)
    let placed = Shared(consume taken)
    // Called under `counted`'s lock, for a year it closed: the outcomes' lock is never held
    // while `counted`'s is taken.
    let reopening: @Sendable (Int) -> [UInt64] = { year in
      placed.withLock { $0.countedDigests(in: year) } + (countedBefore?(year) ?? [])
    }
    let workerCount = min(workers, max(1, places.count))
    DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
      var statistics = spare.withLock { $0.popLast() } ?? emptyStatistics()
      // The files are read where they lie: `files[index]` copied each file out of the array,
      // retaining and releasing its three strings (its folder's shared by every file in the
      // folder and by both cores) each time.
      files.withUnsafeBufferPointer { files in
        var taken = FilesAhead(
          taking: next, below: places.count, workers: workerCount, policy: prefetching
        ) { position, folder, prefetch in
          folder.opening(files[places[position]], prefetch: prefetch)
        }
        while let (position, file) = taken.next() {
          let index = places[position]
          let verdict = Self.process(
            files[index], taken.read(file, sizeHint: files[index].size),
            stored: stored?[index]?.digest, counted: counted, reopening: reopening,
            into: &statistics)
          placed.withLock { $0.record(verdict, at: index) }
          if let spilling, let year = verdict.date?.year {
            spilling.spillIfFull(&statistics, year: year)
          }
          if let progress, (position + 1) % 1000 == 0 { progress(position + 1) }
        }
      }
      partials.withLock { $0.append(statistics) }
    }
    // Both are taken out of their boxes, so that nothing else holds the tables or outcomes.
    outcomes = placed.withLock { placed in
      defer { placed = FileOutcomes(files: []) }
      return placed
    }
    return partials.withLock { parts in
      defer { parts = [] }
      return parts
    }
  }

  /// Where the `position`th file of some runs lies in the list they are runs of.
  struct Places {
    /// The runs, in order.
    let runs: [Range<Int>]
    /// The position of each run's first file.
    private let firsts: [Int]
    /// The number of files in the runs.
    let count: Int

    init(_ runs: [Range<Int>]) {
      self.runs = runs
      var firsts: [Int] = []
      var count = 0
      for run in runs {
        firsts.append(count)
        count += run.count
      }
      self.firsts = firsts
      self.count = count
    }

    /// The place in the list of the `position`th file of the runs.
    subscript(position: Int) -> Int {
      // The run `position` is in (an empty run starts where the next one does, and is passed
      // over).
      let run = firsts.lastIndex(notAbove: position)
      return runs[run].lowerBound + position - firsts[run]
    }
  }

  /// The workers' statistics of ``analyzeParts(_:runs:stored:counted:countedBefore:into:reusing:spilling:progress:)``
  /// joined into one.
  public func merge(_ parts: [CorpusStatistics]) -> CorpusStatistics {
    // The largest part is the base the others merge into, so one worker's counts are never
    // copied and two workers' only once; each year of a part is freed once merged.
    var parts = parts.sorted { $0.vocabulary.count > $1.vocabulary.count }
    var statistics = parts.isEmpty ? emptyStatistics() : parts.removeFirst()
    for index in parts.indices { statistics.absorb(&parts[index]) }
    return statistics
  }

  /// Hashes, parses and counts the bytes `read` of `file` into `statistics`, unless they hash to
  /// `stored`, the digest the state holds for the file, or are those of a document `counted`
  /// holds (a year it closed reopened with `reopening`'s digests,
  /// ``CountedDigests/insert(_:year:reopening:)``).
  static func process(
    _ file: CorpusFile, _ read: consuming Swift.Result<[UInt8], Rejection>, stored: UInt64? = nil,
    counted: CountedDigests, reopening: ((Int) -> [UInt64])? = nil,
    into statistics: inout CorpusStatistics
  ) -> Verdict {
    let bytes: [UInt8]
    switch consume read {
    case .success(let read): bytes = read
    case .failure(let error): return Verdict(digest: nil, rejection: error)
    }
    // Line ends aside: a copy saved with CR LF is still a copy (``ContentHash/textHash(_:)``).
    let digest = ContentHash.textHash(bytes)
    if digest == stored { return Verdict(digest: digest, sameAsStored: true) }
    do throws(Rejection) {
      // The bytes are handed over: the document's text is made in their buffer.
      let document = try HeaderParser.parse(consume bytes, path: file.path)
      // Checked once the header is read: a copy of a rejected file is rejected as it is.
      guard counted.insert(digest, year: document.date.year, reopening: reopening) else {
        return Verdict(
          digest: digest, date: document.date, repaired: document.repairedSequences > 0,
          isCopy: true)
      }
      statistics.add(document, digest: digest)
      return Verdict(
        digest: digest, date: document.date, repaired: document.repairedSequences > 0)
    } catch {
      return Verdict(digest: digest, rejection: error)
    }
  }
}
