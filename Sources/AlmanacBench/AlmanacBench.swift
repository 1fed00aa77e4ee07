import Analysis
import Corpus
import ReportModel

#if canImport(Glibc)
  import Glibc
#endif

// The counting loop alone, on one core, for measuring a change to it (scripts/bench-count).
//
// A whole run's time moves by 20 % and more from one run to the next on this shared machine
// (reading, page faults, the other core), which hides a change of a few percent in the loop
// that takes most of a run's CPU: tokenizing, interning, counting and matching each document
// (`CorpusStatistics.add`). This reads a folder's articles into memory once, then counts them
// ROUNDS times with new statistics and prints the best time: no file is read and nothing
// is written while timing, and the best of several rounds leaves out what the machine added.

/// `AlmanacBench FOLDER [ROUNDS]`: counts every article below FOLDER, ROUNDS times (5).
@main struct AlmanacBench {
  static func main() {
    let arguments = CommandLine.arguments.dropFirst()
    guard let folder = arguments.first,
      let rounds = arguments.dropFirst().first.map({ Int($0) }) ?? 5, rounds > 0
    else {
      print("usage: AlmanacBench FOLDER [ROUNDS]")
      exit(64)
    }
    let documents: [Document]
    do { documents = try load(folder) } catch {
      print("AlmanacBench: \(error)")
      exit(1)
    }
    let bytes = documents.reduce(0) { $0 + $1.text.count }
    let stopwords = StopwordList.builtin()
    let matcher = OrganizationMatcher(registry: .builtin())
    let clock = ContinuousClock()
    var times: [Duration] = []
    var words = 0
    for _ in 0..<rounds {
      var statistics = CorpusStatistics(stopwords: stopwords, matcher: matcher)
      let start = clock.now
      for document in documents { statistics.add(document) }
      times.append(clock.now - start)
      words = statistics.vocabulary.count
    }
    let best = times.min()!
    let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
    print(
      "count \(documents.count) documents, \(bytes) bytes of text, \(words) words, \(rounds) rounds: "
        + "best \(NumberFormat.fixed(seconds, 3)) s, "
        + "\(NumberFormat.fixed(Double(bytes) / seconds / 1e6, 3)) MB/s"
    )
  }

  /// The accepted articles below `folder`, read and parsed (rejected files are left out).
  static func load(_ folder: String) throws(CorpusError) -> [Document] {
    let scan = try CorpusScanner.scan(root: folder)
    return scan.files.compactMap { file in
      guard let bytes = try? FileReader.read(file.fullPath) else { return nil }
      return try? HeaderParser.parse(bytes, path: file.path)
    }
  }
}
