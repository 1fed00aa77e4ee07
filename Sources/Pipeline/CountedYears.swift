import Analysis
import Corpus
import ReportModel

/// The years counted so far in a run, each packed into its ``YearSlice`` as soon as its files
/// are counted and its terms written to a ``ScratchFile``, so that only the year being counted
/// is held in memory.
///
/// Counting goes one year at a time (``count(_:years:progress:)``): files are grouped by the
/// year they are expected to be dated (``ExpectedYears``), and each group is read and counted on
/// every core, then sorted, then merged and packed on a thread of its own while the next group
/// is counted, each core's statistics emptied and counting it (``CorpusStatistics/removeAll()``:
/// their tables keep their room, so their pages are not mapped and zeroed again for every
/// year). The grouping only saves memory: a file without an expected year, or whose year
/// differs when it is read, is counted under its real year all the same, and a year counted in
/// two groups (or in both passes of an incremental run) is merged.
///
/// Once counted, the years are a ``ReportModel/YearSource``: a full rebuild builds its report
/// from them while they are stored.
struct CountedYears: YearSource {
  /// The packed years without their terms, where their terms are in ``scratch``, and what
  /// they were when written (``TermBlob/Checked``).
  private let counted = Shared<
    [Int: (frame: YearSlice, terms: Range<Int>, checked: TermBlob.Checked)]
  >([:])
  private let analyzer: CorpusAnalyzer
  private let scratch: ScratchFile
  /// The folder of ``scratch``, where a span of years pooled puts its bigrams aside too.
  private let folder: String
  /// The documents counted so far, in any year: a copy of one is not counted again. A year is
  /// closed once its group is counted, its digests found again in the outcomes if a document of
  /// it turns up later.
  private let digests = CountedDigests()
  /// The digests and marks of the outcomes of the calls to ``count(_:years:stored:progress:)``
  /// before, where a later one finds the digests of the years they closed: 12 bytes a file,
  /// those of the outcomes returned, not copies.
  private let earlier = Shared<[CorpusAnalyzer.FileOutcomes.Counted]>([])
  /// The bigram entries at which a worker puts a year aside (``SpilledYears``).
  private let spillThreshold: Int
  private let spills = Shared(0)
  /// The year ``terms(_:)`` read last, and its terms.
  private let lastRead = Shared<(year: Int, blob: TermBlob)?>(nil)

  /// Counts with `analyzer`, keeping terms in a scratch file in `folder`; a worker puts a
  /// year aside there when its bigram table holds `spillThreshold` entries.
  init(
    analyzer: CorpusAnalyzer, folder: String,
    spillThreshold: Int = SpilledYears.defaultThreshold
  ) throws(ScratchFile.Failure) {
    self.analyzer = analyzer
    scratch = try ScratchFile(folder: folder)
    self.folder = folder
    self.spillThreshold = spillThreshold
  }

  /// Lets go what only counting needs, once every file is counted: nothing more can be counted
  /// after it without counting copies again.
  func doneCounting() {
    digests.removeAll()
    earlier.withLock { $0 = [] }
  }

  /// How many times a worker put a year aside, its bigrams having outgrown the worker's room.
  var spillCount: Int { spills.value }

  /// The years counted, ascending.
  var years: [Int] { counted.value.keys.sorted() }

  /// The figures of a counted year, its terms read back.
  func slice(_ year: Int) throws -> YearSlice {
    guard let frame = counted.value[year]?.frame else {
      preconditionFailure("\(year) was not counted")
    }
    var slice = frame
    slice.packedTerms = try terms(year)
    return slice
  }

  /// The terms of a counted year, read back without the rest of its figures.
  ///
  /// The last year read is kept and handed out again while it is asked for: a full rebuild
  /// stores each year while the report builder reads it, and a year read twice at once was
  /// held twice (a 1 GB corpus dated in one year: 90 MB each).
  func terms(_ year: Int) throws -> TermBlob {
    guard let (_, terms, checked) = counted.value[year] else {
      preconditionFailure("\(year) was not counted")
    }
    if let last = lastRead.value, last.year == year { return last.blob }
    // The bytes were packed by this run and written to a file that no other process can open
    // (it is unlinked): they are not walked again to be checked, only their length is.
    let bytes = try scratch.read(terms)
    let blob = try TermBlob(bytes: bytes, checkedBefore: checked) ?? TermBlob(validating: bytes)
    lastRead.withLock { $0 = (year, blob) }
    return blob
  }

  /// A scratch file of its own, beside ``scratch``: its room goes back once the span is
  /// compared.
  func makeShelf() throws -> ScratchShelf<any Error> {
    try ScratchShelf(folder: folder) { $0 }
  }

  /// The size of each counted year's packed terms, in the order of ``years``.
  var sizes: [Int]? {
    let counted = counted.value
    return counted.keys.sorted().map { counted[$0]!.terms.count }
  }

  /// Reads and counts `files` one year at a time, `years` giving each file's expected year
  /// (files without one go first) and `stored` what the state holds of each, if anything (a
  /// file whose bytes hash to its stored digest is not counted:
  /// ``CorpusAnalyzer/FileOutcome/sameAsStored``).
  ///
  /// - Returns: One outcome per file, in the order of `files`.
  /// - Throws: ``ScratchFile/Failure`` when the counted terms cannot be written or read back.
  func count(
    _ files: [CorpusFile], years: some Sequence<Int?>, stored: [ChangeSet.Known?]? = nil,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> CorpusAnalyzer.FileOutcomes {
    // Each year's files as runs of positions in `files`: a few a year for a corpus kept in year
    // folders, where a list of indices took 8 bytes a file (``YearRuns``).
    var groups: [Int: [Range<Int>]] = [:]
    for (year, positions) in YearRuns(years).runs {
      groups[year ?? Int.min, default: []].append(positions)
    }
    var outcomes = CorpusAnalyzer.FileOutcomes(files: files)
    var done = 0
    // The year before, being merged and written while this one is counted.
    var packing: BackgroundTask<Void>?
    // The statistics of the year before, emptied: their tables' room counts this year.
    var spare: [CorpusStatistics] = []
    let previous = earlier.value
    let countedBefore: @Sendable (Int) -> [UInt64] = { year in
      previous.flatMap { $0.digests(in: year) }
    }
    for year in groups.keys.sorted() {
      let runs = groups.removeValue(forKey: year)!
      let before = done
      // Where a year whose bigrams outgrow a worker's room goes, until it is packed.
      let spilled = SpilledYears(folder: folder, threshold: spillThreshold)
      let statistics = analyzer.analyzeParts(
        files, runs: runs, stored: stored, counted: digests, countedBefore: countedBefore,
        into: &outcomes, reusing: consume spare, spilling: spilled
      ) {
        progress?(before + $0)
      }
      if let failure = spilled.failure { throw failure }
      // The years up to the group's are counted, but for a file that changed since its year
      // was read ahead: their digests go (the outcomes hold them). Those of later years, of the
      // group's documents dated in them, are kept sorted.
      digests.close(through: year)
      digests.seal()
      spills.withLock { $0 += spilled.spills }
      done += runs.reduce(0) { $0 + $1.count }
      // Merging takes a tenth of the time counting does, so the year before is done by now,
      // long before this year's tables grew large: two years are never held at their largest.
      try packing?.wait()
      let sortedParts: [[(frame: YearSlice, terms: SortedTerms)]]
      (sortedParts, spare) = Self.sortEachPart(consume statistics)
      let sorted = Shared(Optional(consume sortedParts))
      // The year's tables are gone (but for the room the emptied statistics keep): hand their
      // pages back before the next year's grow, so that the heaps of the threads do not each
      // keep the largest year's worth of holes.
      Memory.release()
      packing = BackgroundTask { [self] in
        try pack(sorted.withLock { $0.take()! }, spilled: spilled)
      }
    }
    spare = []
    try packing?.wait()
    // Every year counted: a later call reopens them from these outcomes.
    digests.close(through: .max)
    earlier.withLock { $0.append(outcomes.counted) }
    return outcomes
  }

  /// ``count(_:years:stored:progress:)`` as an array, for callers that keep their outcomes in
  /// one (at 120 bytes a file rather than 16).
  @_disfavoredOverload
  func count(
    _ files: [CorpusFile], years: some Sequence<Int?>, stored: [ChangeSet.Known?]? = nil,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> [CorpusAnalyzer.FileOutcome] {
    Array(try count(files, years: years, stored: stored, progress: progress))
  }

  /// Merges the sorted parts of each year (one per worker, from ``sortEachPart(_:)``) as sorted
  /// lists, and writes the merged terms to the scratch file; so a year's counts are never held
  /// twice over in hash tables.
  ///
  /// The parts are taken over and let go as each is merged. A year with parts in `spilled`, or
  /// counted before, is pooled with them there instead, with what was counted of it before.
  private func pack(
    _ parts: consuming [[(frame: YearSlice, terms: SortedTerms)]], spilled: SpilledYears
  ) throws {
    var byYear: [Int: [(frame: YearSlice, terms: SortedTerms)]] = [:]
    // A temporary: once grouped, a part is held by `byYear` alone.
    for part in consume parts {
      for slice in part { byYear[slice.frame.year, default: []].append(slice) }
    }
    let spilledYears = spilled.years
    for year in Set(byYear.keys).union(spilledYears).sorted() {
      // A year put aside, or counted before (in an earlier group or pass), is pooled from its
      // parts where they lie: the merge below unpacks a year counted before whole (16 bytes a
      // bigram: 400 MB for the 90 MB year of the bench's 1 GB corpus dated in one year).
      if spilledYears.contains(year) || counted.value[year] != nil {
        // The year counted before is a part like the others, read where it lies.
        let kept = counted.value[year].map { kept in
          SpilledYears.Part(
            frame: kept.frame,
            terms: TermBlob.Shelved(shelf: scratch, range: kept.terms, checked: kept.checked),
            level: 0)
        }
        let (frame, terms) = try spilled.merged(
          year: year, with: byYear.removeValue(forKey: year) ?? [], and: kept, onto: scratch)
        record(year, frame: frame, terms: terms.range, checked: terms.checked)
        continue
      }
      // The parts are taken out, so that each is let go as soon as it is merged.
      var parts = byYear.removeValue(forKey: year)!
      var (frame, terms) = parts.removeFirst()
      while parts.count > 1 {
        let other = parts.removeFirst()
        frame = frame.mergingFigures(other.frame)
        terms = SortedTerms.merged(terms, other.terms)
      }
      var slice: YearSlice
      if let last = parts.popLast() {
        // The last merge is packed as it goes: the merged terms are never held unpacked.
        slice = frame.mergingFigures(last.frame)
        slice.packedTerms = SortedTerms.mergedBlob(terms, last.terms)
      } else {
        slice = frame
        slice.packedTerms = terms.blob
      }
      _ = consume terms
      let range = try scratch.append(slice.packedTerms.bytes)
      record(year, frame: slice.withoutTerms, terms: range, checked: slice.packedTerms.checked)
    }
  }

  /// Lets go of the year read last, once nothing reads the counted years any more.
  func forgetLastRead() { lastRead.withLock { $0 = nil } }

  /// Records `year` as counted, its terms at `terms` on the scratch file; what was read of it
  /// before is stale.
  private func record(
    _ year: Int, frame: YearSlice, terms: Range<Int>, checked: TermBlob.Checked
  ) {
    counted.withLock { $0[year] = (frame, terms, checked) }
    lastRead.withLock { last in
      if last?.year == year { last = nil }
    }
  }

  /// Each worker's years as sorted slices, one worker's part per core. Each part is taken out
  /// of a box by the core that sorts it, so that its tables are released as each of its years
  /// is sorted.
  ///
  /// - Returns: The sorted parts, and the statistics emptied (``CorpusStatistics/removeAll()``)
  ///   for the next year to be counted with.
  private static func sortEachPart(_ parts: consuming [CorpusStatistics])
    -> (parts: [[(frame: YearSlice, terms: SortedTerms)]], emptied: [CorpusStatistics])
  {
    let count = parts.count
    let pending = Shared((consume parts).map { Optional($0) })
    let sorted = Concurrent().map(count) { index in
      var statistics = pending.withLock { boxed in
        defer { boxed[index] = nil }
        return boxed[index]!
      }
      let part = statistics.years.keys.sorted().compactMap {
        statistics.takeSortedSlice(year: $0)
      }
      statistics.removeAll()
      return (part, statistics)
    }
    return (sorted.map(\.0), sorted.map(\.1))
  }
}
