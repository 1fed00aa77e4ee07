import ArgumentParser
import Glibc
import Pipeline

/// `almanac report`: re-render both reports from the state alone.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Re-render almanac.xml and almanac.html from the state database, without the corpus.",
    discussion: """
      Useful to change --top or --trend-terms without recounting. Rejected files are listed \
      as the last run recorded them (exit status 3 when there are any).
      """)

  @OptionGroup var output: OutputOptions

  func run() throws {
    var options = RunOptions()
    output.apply(to: &options)
    do {
      let report = try ReportJob.report(
        options, log: output.logger(terminal: isatty(STDERR_FILENO) == 1))
      if !report.rejected.isEmpty { throw ExitStatus.rejectedFiles }
    } catch let error as RunError {
      Diagnostics.print("almanac: \(error)")
      throw ExitStatus.of(error)
    }
  }
}
