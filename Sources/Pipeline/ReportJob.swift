import Analysis
public import Corpus
import Glibc
public import LibXML
public import ReportModel
import Rendering

/// Why a run published nothing.
public enum RunError: Error, Sendable, CustomStringConvertible {
  /// The corpus folder cannot be read.
  case corpus(CorpusError)
  /// A user file given with an option cannot be used.
  case unusableFile(option: String, path: String, reason: String)
  /// The generated XML failed its own schema: a bug, so nothing is published.
  case invalidReport(XMLError)
  /// Writing the reports failed.
  case publish(PublishError)

  /// A message for the user.
  public var description: String {
    switch self {
    case .corpus(let error): return error.description
    case .unusableFile(let option, let path, let reason):
      return "\(option) '\(path)': \(reason)"
    case .invalidReport(let error):
      return "the generated report failed validation, nothing was published (a bug): \(error)"
    case .publish(let error): return error.description
    }
  }
}

/// One run: scan, analyse, build the report, render, validate, publish.
public enum ReportJob {
  /// The version printed by `almanac --version` and recorded in reports.
  public static let version = "0.1.0"
  /// Names of the published files.
  public static let xmlName = "almanac.xml"
  /// Name of the published HTML page.
  public static let htmlName = "almanac.html"

  /// What a finished run produced.
  public struct Outcome: Sendable {
    /// The published report.
    public var report: Report
    /// Where the XML was published.
    public var xmlPath: String
    /// Where the HTML was published.
    public var htmlPath: String
  }

  /// Runs the whole job.
  ///
  /// - Parameters:
  ///   - options: Checked options.
  ///   - progress: Receives progress messages (callers pass nil unless stderr is a terminal).
  /// - Returns: The report and where it was published.
  /// - Throws: ``RunError``; when it throws, previously published reports are untouched.
  public static func run(_ options: RunOptions, progress: (@Sendable (String) -> Void)? = nil)
    throws(RunError) -> Outcome
  {
    let stopwords = try loadStopwords(options)
    let registry = try loadRegistry(options)
    let scan: CorpusScan
    do { scan = try CorpusScanner.scan(root: options.corpus) } catch { throw .corpus(error) }
    progress?("found \(scan.files.count) files in \(options.corpus)")

    let analyzer = CorpusAnalyzer(
      stopwords: stopwords, matcher: OrganizationMatcher(registry: registry),
      workers: options.workers)
    let total = scan.files.count
    let result = analyzer.analyze(scan) { done in progress?("read \(done)/\(total) files") }

    let settings = ReportSettings(
      corpusPath: options.corpus, top: options.top, trendTerms: options.trendTerms,
      generatedAt: utcTimestamp(), tool: "almanac \(version)",
      registryVersion: registry.version, stopwords: stopwords.source)
    let report = ReportBuilder.build(
      statistics: result.statistics, rejected: result.rejected, settings: settings)
    try publish(report, in: options.output)
    progress?("published \(options.output)/\(xmlName) and \(options.output)/\(htmlName)")
    return Outcome(
      report: report, xmlPath: options.output + "/" + xmlName,
      htmlPath: options.output + "/" + htmlName)
  }

  /// Renders both reports, validates the XML against the schema and publishes both atomically.
  public static func publish(_ report: Report, in folder: String) throws(RunError) {
    let xml = XMLReportWriter.document(for: report)
    do { try ReportSchema.validate(xml, name: xmlName) } catch { throw .invalidReport(error) }
    let html = HTMLReportWriter.bytes(for: report)
    do {
      try Publisher.publish([(xmlName, xml.serialized()), (htmlName, html)], in: folder)
    } catch { throw .publish(error) }
  }

  static func loadStopwords(_ options: RunOptions) throws(RunError) -> StopwordList {
    guard let path = options.stopwordFile else { return StopwordList.builtin() }
    let bytes: [UInt8]
    do { bytes = try FileReader.read(path) } catch {
      throw .unusableFile(option: "--stopwords", path: path, reason: error.description)
    }
    let user = StopwordList(parsing: bytes, source: path)
    switch options.stopwordMode {
    case .replace: return user
    case .extend:
      var list = StopwordList.builtin()
      list.formUnion(user)
      return list
    }
  }

  static func loadRegistry(_ options: RunOptions) throws(RunError) -> OrganizationRegistry {
    let builtin = OrganizationRegistry.builtin()
    guard let path = options.organizationFile else { return builtin }
    let bytes: [UInt8]
    do { bytes = try FileReader.read(path) } catch {
      throw .unusableFile(option: "--organizations", path: path, reason: error.description)
    }
    do {
      return builtin.extended(with: try OrganizationRegistry(parsing: bytes, source: path))
    } catch {
      throw .unusableFile(option: "--organizations", path: path, reason: error.description)
    }
  }

  /// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
  static func utcTimestamp() -> String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    let date = CalendarDate(
      year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(date?.description ?? "1970-01-01")T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }
}
