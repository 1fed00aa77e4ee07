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
      Counts are kept in a state database, so a later run reads only new and changed files \
      and recounts only the years they touch. The XML is validated against the Almanac schema \
      before anything is published; both reports replace the old ones only once both are \
      completely written, and a dated copy goes to <out>/archive/.
      """)

  @Option(name: .long, help: ArgumentHelp("Folder of articles to analyse.", valueName: "dir"))
  var corpus = "seeds"

  @OptionGroup var output: OutputOptions

  @OptionGroup var analysis: AnalysisOptions

  @Option(help: ArgumentHelp("Threads that read and count files.", valueName: "n"))
  var workers = 2

  @Flag(help: "Recount every file, even those the state says are unchanged.")
  var full = false

  @Flag(help: "Delete the state database (even a corrupt or foreign one) and rebuild it.")
  var rebuildState = false

  @Flag(
    help: """
      Publish an empty report when the corpus folder holds no article though the last runs \
      counted some there (without it the run stops and changes nothing: an empty folder is \
      more often a mount that failed).
      """)
  var allowEmptyCorpus = false

  @Option(help: ArgumentHelp("Dated report copies to keep in <out>/archive.", valueName: "n"))
  var keep = 30

  func validate() throws {
    guard (1...256).contains(workers) else { throw ValidationError("--workers must be 1…256") }
    guard keep >= 0 else { throw ValidationError("--keep must not be negative") }
  }

  func run() throws {
    var options = RunOptions()
    options.corpus = corpus
    output.apply(to: &options)
    analysis.apply(to: &options)
    options.workers = workers
    options.full = full
    options.rebuildState = rebuildState
    options.allowEmptyCorpus = allowEmptyCorpus
    options.keep = keep

    let log = output.logger(terminal: isatty(STDERR_FILENO) == 1)
    do {
      let outcome = try ReportJob.run(options, log: log)
      let rejected = outcome.report.rejected
      for file in rejected { Diagnostics.print("rejected \(file.path): \(file.reason)") }
      if !rejected.isEmpty {
        Diagnostics.print(
          "published \(outcome.xmlPath) and \(outcome.htmlPath); \(rejected.count) file(s) rejected"
        )
      }
      // The PDF's failure fails the run, once what was published and rejected has been told.
      if let failure = outcome.pdfFailure { throw failure }
      if !rejected.isEmpty { throw ExitStatus.rejectedFiles }
    } catch let error as RunError {
      Diagnostics.print("almanac: \(error)")
      throw ExitStatus.of(error)
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
