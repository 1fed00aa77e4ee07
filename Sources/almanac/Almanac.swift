import ArgumentParser
import Pipeline

/// The `almanac` command: a thin layer over ``ReportJob`` that turns options into a checked
/// ``RunOptions`` and outcomes into exit statuses.
@main
struct Almanac: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "almanac",
    abstract: "Term, organization and year-over-year trend reports from dated news articles.",
    discussion: """
      Exit status: 0 reports published and every file accepted; 3 reports published but some \
      files rejected; 1 failed, nothing new published; 64 usage error; 75 another run holds \
      the lock, or publishes into the same output folder.
      """,
    version: "almanac \(ReportJob.version)",
    subcommands: [Run.self, Report.self, Validate.self],
    defaultSubcommand: Run.self
  )
}

/// Exit statuses documented in `--help` and the README.
enum ExitStatus {
  static let rejectedFiles = ExitCode(3)
  static let failed = ExitCode(1)
  static let locked = ExitCode(75)

  /// The status for a failed run: 75 (try again later) only when another run holds the lock;
  /// a lock file that cannot be made at all fails like any other error, so that a scheduler
  /// that retries on 75 does not retry for ever.
  static func of(_ error: RunError) -> ExitCode {
    if case .locked(.busy) = error { return locked }
    if case .locked(.folderBusy) = error { return locked }
    return failed
  }
}
