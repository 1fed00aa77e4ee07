import ArgumentParser
import Glibc
import Pipeline

/// `almanac run`: analyse a corpus folder and publish both reports.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Analyse a folder of articles and publish almanac.xml and almanac.html.",
    discussion: """
      Every *.txt file below the corpus folder is read. An article's first line begins with \
      'date YYYY-MM-DD' and goes straight on with the text. Files that do not fit are listed \
      with the reason on stderr and in the reports, and the run goes on (exit status 3). \
      The XML is validated against the Almanac schema before anything is published; both \
      reports replace the old ones only once both are completely written.
      """)

  @Option(name: .long, help: ArgumentHelp("Folder of articles to analyse.", valueName: "dir"))
  var corpus = "seeds"

  @Option(
    name: [.customLong("out"), .customLong("output")],
    help: ArgumentHelp("Folder the reports are published in.", valueName: "dir"))
  var out = "Reports"

  @Option(help: ArgumentHelp("How many unigrams and how many bigrams the reports list.", valueName: "n"))
  var top = 50

  @Option(
    help: ArgumentHelp("How many rising and falling terms each year comparison lists.", valueName: "n"))
  var trendTerms = 20

  @Option(
    help: ArgumentHelp(
      "A stopword file: one word per line, '#' starts a comment.", valueName: "file"))
  var stopwords: String?

  @Option(
    help: ArgumentHelp(
      "Whether --stopwords extends or replaces the built-in English and Russian lists.",
      valueName: "extend|replace"))
  var stopwordsMode: String = "extend"

  @Option(
    help: ArgumentHelp(
      "An organization registry to add to the built-in one (id<TAB>name<TAB>alias|alias…).",
      valueName: "file"))
  var organizations: String?

  @Option(help: ArgumentHelp("Threads that read and count files.", valueName: "n"))
  var workers = 2

  @Flag(help: "Print progress even when stderr is not a terminal.")
  var progress = false

  func validate() throws {
    guard top >= 1 else { throw ValidationError("--top must be at least 1") }
    guard trendTerms >= 0 else { throw ValidationError("--trend-terms must not be negative") }
    guard (1...256).contains(workers) else { throw ValidationError("--workers must be 1…256") }
    guard RunOptions.StopwordMode(rawValue: stopwordsMode) != nil else {
      throw ValidationError("--stopwords-mode must be 'extend' or 'replace'")
    }
  }

  func run() throws {
    var options = RunOptions()
    options.corpus = corpus
    options.output = out
    options.top = top
    options.trendTerms = trendTerms
    options.stopwordFile = stopwords
    options.stopwordMode = RunOptions.StopwordMode(rawValue: stopwordsMode)!
    options.organizationFile = organizations
    options.workers = workers

    let report: @Sendable (String) -> Void = { Diagnostics.print($0) }
    let showProgress = progress || isatty(STDERR_FILENO) == 1
    do {
      let outcome = try ReportJob.run(options, progress: showProgress ? report : nil)
      for file in outcome.report.rejected {
        Diagnostics.print("rejected \(file.path): \(file.reason)")
      }
      if !outcome.report.rejected.isEmpty {
        Diagnostics.print(
          "published \(outcome.xmlPath) and \(outcome.htmlPath); "
            + "\(outcome.report.rejected.count) file(s) rejected")
        throw ExitStatus.rejectedFiles
      }
    } catch let error as RunError {
      Diagnostics.print("almanac: \(error)")
      throw ExitStatus.failed
    }
  }
}

/// Messages for the person or the cron mail: always on stderr.
enum Diagnostics {
  static func print(_ message: String) {
    var line = Array(message.utf8)
    line.append(0x0A)
    _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
  }
}
