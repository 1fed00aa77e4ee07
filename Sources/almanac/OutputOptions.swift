import Analysis
import ArgumentParser
import Logging
import Pipeline
import ReportModel

/// Options shared by `run` and `report`: what the reports contain and where they go. (What the
/// counts are made with, ``AnalysisOptions``, is `run`'s alone: `report` shows the figures as
/// the state holds them.)
struct OutputOptions: ParsableArguments {
  @Option(
    name: [.customLong("out"), .customLong("output")],
    help: ArgumentHelp("Folder the reports are published in.", valueName: "dir"))
  var out = "Reports"

  @Option(
    help: ArgumentHelp(
      "The state database (default: <out>/.almanac/state.sqlite).", valueName: "path"))
  var state: String?

  @Option(
    help: ArgumentHelp("How many unigrams and how many bigrams the reports list.", valueName: "n"))
  var top = 50

  @Option(
    help: ArgumentHelp(
      "How many rising and falling terms each year comparison lists.", valueName: "n"))
  var trendTerms = 20

  @Option(
    help: ArgumentHelp(
      "How many pairs of organizations the reports list: those named together in the most "
        + "documents (the XML says how many there are in all).", valueName: "n"))
  var pairs = 1_000

  @Option(
    help: ArgumentHelp(
      "How many organizations the reports list by mentions; registered ones and those in a "
        + "listed pair are listed too (the XML says how many there are in all).", valueName: "n"))
  var topOrganizations = 1_000

  @Option(
    name: .customLong("compare"),
    help: ArgumentHelp(
      "Also compare a year with a year of your choice, YEAR:REFERENCE, e.g. 2025:2015, or with "
        + "a span of years pooled, YEAR:FROM-TO, e.g. 2025:2000-2024 (repeat for more); a "
        + "comparison whose year or reference has no documents is left out, and the reports say "
        + "so.",
      valueName: "year:reference"))
  var compare: [String] = []

  @Option(
    name: .customLong("term"),
    help: ArgumentHelp(
      "Follow a term of one or two words, e.g. sanctions or 'grain exports' (repeat for more): "
        + "its figures per year are reported whatever its rank.",
      valueName: "words"))
  var term: [String] = []

  @Option(
    help: ArgumentHelp(
      "Messages on stderr from this level up: trace, debug, info, notice, warning, error "
        + "(default: info on a terminal, warning otherwise).",
      valueName: "level"))
  var logLevel: String?

  @Flag(
    help: ArgumentHelp(
      "Also print the page to almanac.pdf (A4, numbered pages) with headless Chromium "
        + "(Debian package 'chromium'); without it the other reports are still published "
        + "and the exit status is 1."))
  var pdf = false

  func validate() throws {
    guard top >= 1 else { throw ValidationError("--top must be at least 1") }
    guard trendTerms >= 0 else { throw ValidationError("--trend-terms must not be negative") }
    guard pairs >= 0 else { throw ValidationError("--pairs must not be negative") }
    guard topOrganizations >= 0 else {
      throw ValidationError("--top-organizations must not be negative")
    }
    for asked in compare where ChosenComparison(parsing: asked) == nil {
      throw ValidationError(
        "--compare takes YEAR:REFERENCE or YEAR:FROM-TO, years from 1 to 9999 (e.g. 2025:2015 "
          + "or 2025:2000-2024, a span in ascending order, a reference other than the year), "
          + "not '\(asked)'")
    }
    for typed in term where Tokenizer().term(of: typed) == nil {
      throw ValidationError(
        "--term takes one or two words, as the counting counts them (no number, no punctuation "
          + "between the words), not '\(typed)'")
    }
    if let logLevel, Logger.Level(rawValue: logLevel) == nil {
      throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error")
    }
  }

  /// The options these arguments set.
  func apply(to options: inout RunOptions) {
    options.output = out
    options.statePath = state
    options.top = top
    options.trendTerms = trendTerms
    options.pairs = pairs
    options.topOrganizations = topOrganizations
    options.comparisons = compare.compactMap(ChosenComparison.init(parsing:))
    options.followedTerms = term.compactMap { Tokenizer().term(of: $0) }.map {
      FollowedTerm(n: $0.n, text: $0.text)
    }
    options.pdf = pdf
  }

  /// A logger writing to stderr at the chosen level.
  func logger(terminal: Bool) -> Logger {
    let level = logLevel.flatMap(Logger.Level.init(rawValue:)) ?? (terminal ? .info : .warning)
    var logger = Logger(label: "almanac") { label in
      StreamLogHandler.standardError(label: label)
    }
    logger.logLevel = level
    return logger
  }
}

/// `run`'s options that change what is counted: stopwords and the organization registry.
struct AnalysisOptions: ParsableArguments {
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

  func validate() throws {
    guard RunOptions.StopwordMode(rawValue: stopwordsMode) != nil else {
      throw ValidationError("--stopwords-mode must be 'extend' or 'replace'")
    }
  }

  /// The options these arguments set.
  func apply(to options: inout RunOptions) {
    options.stopwordFile = stopwords
    options.stopwordMode = RunOptions.StopwordMode(rawValue: stopwordsMode)!
    options.organizationFile = organizations
  }
}
