public import Analysis
import Corpus
import Dispatch
public import Logging
public import ReportModel

/// Collects the keyword-in-context lines of a report (see ``ReportModel/EvidencePolicy``):
/// keeps the stored lines that no change can have touched, and reads the corpus again, most
/// recent documents first, only for the targets that still need lines.
public struct EvidenceGatherer: Sendable {
  /// Finds organizations, as the run that counted them did.
  public let matcher: OrganizationMatcher
  /// How many files are read at once.
  public let workers: Int
  /// Whether the files opened ahead are asked for, learnt from the files read so far.
  let prefetching: Shared<PrefetchPolicy>

  /// Creates a gatherer.
  public init(matcher: OrganizationMatcher, workers: Int) {
    self.init(matcher: matcher, workers: workers, prefetching: Shared(PrefetchPolicy()))
  }

  /// Creates a gatherer that reads as `analyzer` does: with its matcher, its number of workers
  /// and what its reads learnt of the page cache (a run that found the corpus cached does not
  /// start asking for the files again).
  public init(readingAs analyzer: CorpusAnalyzer) {
    self.init(
      matcher: analyzer.matcher, workers: analyzer.workers, prefetching: analyzer.prefetching)
  }

  init(matcher: OrganizationMatcher, workers: Int, prefetching: Shared<PrefetchPolicy>) {
    self.matcher = matcher
    self.workers = max(1, workers)
    self.prefetching = prefetching
  }

  /// The lines for every target of `report`.
  ///
  /// - Parameters:
  ///   - report: The report whose shown terms and pairs need lines.
  ///   - stored: The lines stored by the previous run.
  ///   - changedYears: Years in which documents were added, changed, moved or removed since
  ///     then: their terms' stored lines, and every pair's, are out of date.
  ///   - sources: The accepted documents, in any order.
  /// - Returns: Lines by target; a target found nowhere has none.
  public func gather(
    for report: Report, stored: [EvidenceFinder.Target: [Evidence]], changedYears: Set<Int>,
    log: Logger = Logger(label: "almanac"), sources: () throws(RunError) -> Sources
  ) throws(RunError) -> [EvidenceFinder.Target: [Evidence]] {
    var result: [EvidenceFinder.Target: [Evidence]] = [:]
    var missing: [EvidenceFinder.Target] = []
    for target in EvidencePolicy.targets(of: report) {
      let upToDate = target.year.map { !changedYears.contains($0) } ?? changedYears.isEmpty
      if upToDate, let lines = stored[target] {
        result[target] = lines
      } else {
        missing.append(target)
      }
    }
    guard !missing.isEmpty else { return result }
    let started = Clock.now()
    let listed = try sources()
    log.debug(
      "evidence: \(listed.count) accepted documents listed, \(started.elapsedMilliseconds) ms")
    // An organization is looked for only in the documents counting found it in.
    let isOrganization: (EvidenceFinder.Target) -> Bool = {
      if case .organization = $0 { true } else { false }
    }
    let others = missing.filter { !isOrganization($0) }
    let organizations = missing.filter(isOrganization)
    let (found, read, skipped) = find(others, in: listed)
    let (organizationLines, organizationDocuments) = find(
      organizations, inTheirDocuments: EvidencePolicy.documents(of: report), of: listed)
    log.info(
      "evidence: \(missing.count) of \(missing.count + result.count) targets looked up in \(read + organizationDocuments) documents (\(skipped) not tokenized), \(started.elapsedMilliseconds) ms"
    )
    for (target, lines) in zip(others + organizations, found + organizationLines)
    where !lines.isEmpty {
      result[target] = lines
    }
    return result
  }

  /// Reads the documents each of `targets` is to be found in, `documents` naming them latest
  /// first (``ReportModel/EvidencePolicy/documents(of:)``), and nothing else.
  ///
  /// - Returns: The lines per target, in the order of its documents (one per document that
  ///   holds it, none from one that is not among `sources` or no longer names it), and how
  ///   many documents were read.
  func find(
    _ targets: [EvidenceFinder.Target],
    inTheirDocuments documents: [EvidenceFinder.Target: [String]],
    of sources: Sources
  ) -> ([[Evidence]], Int) {
    guard !targets.isEmpty else { return ([], 0) }
    let finder = EvidenceFinder(targets: targets, matcher: matcher)
    // Path → the targets to look for there.
    var wanted: [String: Set<Int>] = [:]
    for (index, target) in targets.enumerated() {
      for path in documents[target] ?? [] { wanted[path, default: []].insert(index) }
    }
    let batch = sources.indices.filter { wanted[sources[$0].path] != nil }
    let sought = batch.map { wanted[sources[$0].path]! }
    let (found, _) = readAndFind(
      batch, of: sources, finder: finder, wanted: { place in { sought[place].contains($0) } },
      mayHold: { _, _ in true })
    // Path → what was found there.
    var foundAt: [String: [Int: KeywordInContext]] = [:]
    for (place, lines) in found.enumerated() {
      if let lines { foundAt[sources[batch[place]].path] = lines }
    }
    let byPath = Dictionary(
      batch.map { (sources[$0].path, sources[$0]) }, uniquingKeysWith: { first, _ in first })
    let lines = targets.enumerated().map { index, target in
      (documents[target] ?? []).compactMap { path -> Evidence? in
        guard let line = foundAt[path]?[index], let source = byPath[path] else { return nil }
        return Evidence(
          path: path, date: source.date.description, offset: line.offset,
          segments: line.segments)
      }
    }
    return (lines, batch.count)
  }

  /// Reads `sources`, latest date first and then by path, until every target has its lines
  /// or no document is left that could hold one.
  ///
  /// - Returns: The lines per target, how many documents were read, and how many of those the
  ///   prefilter passed over.
  func find(_ targets: [EvidenceFinder.Target], in sources: Sources) -> ([[Evidence]], Int, Int) {
    let finder = EvidenceFinder(targets: targets, matcher: matcher)
    let wantsPairs = targets.contains { $0.year == nil }
    let years = Set(targets.compactMap(\.year))
    // The sources' places are filtered and sorted, not the sources, each of which holds the
    // scan's list, which every copy retains (a sort copies each element many times); paths are
    // compared where they lie.
    let ordered = sources.indices.filter { wantsPairs || years.contains(sources[$0].date.year) }
      .sorted { a, b in
        let (first, second) = (sources[a].date, sources[b].date)
        return first != second
          ? first > second : sources[a].file.pathPrecedes(sources[b].file)
      }
    let perTarget = EvidencePolicy.linesPerTarget
    var lines = [[Evidence]](repeating: [], count: targets.count)
    var open = Set(targets.indices)
    var next = 0
    var read = 0
    var skipped = 0
    // Large enough that the cores seldom wait for a batch's last file, small enough that few
    // files are read past the last line needed (1 GB: 16 per worker, 3.2-3.5 s; 64, 2.4-2.8 s).
    let batchSize = 64 * workers
    while !open.isEmpty && next < ordered.count {
      // A batch of documents that can still hold an open target, read in parallel against the
      // same snapshot of what is open; results are taken in document order, so the outcome
      // is that of reading one by one.
      let openYears = Set(open.compactMap { targets[$0].year })
      let openPairs = open.contains { targets[$0].year == nil }
      var pending: [Int] = []
      while pending.count < batchSize && next < ordered.count {
        let source = ordered[next]
        next += 1
        if openPairs || openYears.contains(sources[source].date.year) { pending.append(source) }
      }
      let batch = pending
      read += batch.count
      // By target index: asked at every place a target's words are found.
      let snapshot = targets.indices.map(open.contains)
      // Most documents hold none of the open targets: they are passed over without being
      // tokenized (found empty, as tokenizing them would have found).
      let prefilters = Dictionary(
        uniqueKeysWithValues: Set(batch.map { sources[$0].date.year }).map { year in
          (year, finder.prefilter(year: year, wanted: { snapshot[$0] }))
        })
      let (results, passedOver) = readAndFind(
        batch, of: sources, finder: finder, wanted: { _ in { snapshot[$0] } },
        mayHold: { year, text in prefilters[year]?.mayHold(text) ?? true })
      skipped += passedOver
      for (index, found) in results.enumerated() {
        guard let found else { continue }
        for (target, line) in found.sorted(by: { $0.key < $1.key }) where open.contains(target) {
          lines[target].append(
            Evidence(
              path: sources[batch[index]].path,
              date: sources[batch[index]].date.description, offset: line.offset,
              segments: line.segments))
          if lines[target].count == perTarget { open.remove(target) }
        }
      }
    }
    return (lines, read, skipped)
  }

  /// ``find(_:in:)`` over `sources` listed as ``Sources``.
  func find(_ targets: [EvidenceFinder.Target], in sources: [Source]) -> ([[Evidence]], Int, Int) {
    find(targets, in: Sources(sources))
  }

  /// Reads the documents at `batch` (places in `sources`) on every worker, and finds in each
  /// the targets that `wanted(place in batch)` accepts; a document of which `mayHold(year,
  /// text)` says it cannot hold any is found empty without being tokenized.
  ///
  /// - Returns: By place in `batch`, the lines found there (target index → line), nil for a
  ///   document that could not be read or parsed; and how many were passed over untokenized.
  private func readAndFind(
    _ batch: [Int], of sources: Sources, finder: EvidenceFinder,
    wanted: @Sendable (Int) -> @Sendable (Int) -> Bool,
    mayHold: @Sendable (Int, [UInt8]) -> Bool
  ) -> ([[Int: KeywordInContext]?], Int) {
    let results = Shared([[Int: KeywordInContext]?](repeating: nil, count: batch.count))
    let skipped = Shared(0)
    // Each worker takes the next file not taken yet, so one long file holds up only the few
    // its worker has opened ahead.
    let taken = Shared(0)
    DispatchQueue.concurrentPerform(iterations: min(workers, batch.count)) { _ in
      var files = FilesAhead(
        taking: taken, below: batch.count, workers: workers, policy: prefetching
      ) { index, folder, prefetch in
        folder.opening(sources[batch[index]].file, prefetch: prefetch)
      }
      var stream = TokenStream()
      while let (index, file) = files.next() {
        // Read into room for the size the scan saw, without asking it again (a source made
        // from a path alone has none).
        let size = sources[batch[index]].size
        guard case .success(let bytes) = files.read(file, sizeHint: size > 0 ? size : nil)
        else { continue }
        // The bytes are handed over: the document's text is made in their buffer.
        guard
          let document = try? HeaderParser.parse(
            consume bytes, path: sources[batch[index]].path)
        else { continue }
        guard mayHold(document.date.year, document.text) else {
          results.withLock { $0[index] = [:] }
          skipped.withLock { $0 += 1 }
          continue
        }
        let found = finder.find(in: document, wanted: wanted(index), stream: &stream)
        results.withLock { $0[index] = found }
      }
    }
    return (results.value, skipped.value)
  }
}
