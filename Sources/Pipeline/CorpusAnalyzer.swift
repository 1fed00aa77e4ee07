public import Analysis
public import Corpus
import Dispatch
public import ReportModel
import Synchronization

/// Reads and counts a scanned corpus on several cores.
///
/// Each worker takes the next file from a shared counter, reads it, parses its header and adds
/// the document to its own ``CorpusStatistics``; the partial statistics are merged at the end.
/// Nothing here writes anywhere.
public struct CorpusAnalyzer: Sendable {
  /// Words left out of terms.
  public let stopwords: StopwordList
  /// Finds organizations.
  public let matcher: OrganizationMatcher
  /// How many files are read and counted at once.
  public let workers: Int

  /// Creates an analyzer.
  public init(stopwords: StopwordList, matcher: OrganizationMatcher, workers: Int) {
    self.stopwords = stopwords
    self.matcher = matcher
    self.workers = max(1, workers)
  }

  /// What came out of a corpus: counts of accepted documents and the files refused.
  public struct Result: Sendable {
    /// Counts over every accepted document.
    public var statistics: CorpusStatistics
    /// Refused files and skipped entries, sorted by path.
    public var rejected: [RejectedFile]
  }

  /// Reads and counts `scan`'s files.
  ///
  /// - Parameters:
  ///   - scan: The files to read, and the entries the scan skipped (reported as rejected).
  ///   - progress: Called now and then with the number of files done; may be called from any
  ///     thread.
  public func analyze(_ scan: CorpusScan, progress: (@Sendable (Int) -> Void)? = nil) -> Result {
    let files = scan.files
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    let partials = Mutex<[(CorpusStatistics, [RejectedFile])]>([])
    let workerCount = min(workers, max(1, files.count))
    DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
      var statistics = CorpusStatistics(stopwords: stopwords, matcher: matcher)
      var rejected: [RejectedFile] = []
      while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < files.count else { break }
        let file = files[index]
        do throws(Rejection) {
          let bytes = try FileReader.read(file.fullPath)
          statistics.add(try HeaderParser.parse(bytes, path: file.path))
        } catch {
          rejected.append(RejectedFile(path: file.path, reason: error.description))
        }
        let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
        if let progress, finished % 1000 == 0 { progress(finished) }
      }
      partials.withLock { $0.append((statistics, rejected)) }
    }
    var statistics = CorpusStatistics(stopwords: stopwords, matcher: matcher)
    var rejected = scan.skipped.map { RejectedFile(path: $0.path, reason: $0.reason.description) }
    for (part, refused) in partials.withLock({ $0 }) {
      statistics.merge(part)
      rejected += refused
    }
    rejected.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return Result(statistics: statistics, rejected: rejected)
  }
}
