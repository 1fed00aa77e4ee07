public import Foundation

/// A published `almanac.xml` made ready for comparison with another run's: what differs from
/// one run to the next is left out.
public enum PublishedXML {
  /// `xml` without the time it was generated and, unless `keepingSinceLastRun`, without its
  /// "since the last run" section (which depends on the runs before).
  public static func withoutRunMetadata(_ xml: String, keepingSinceLastRun: Bool = false)
    -> String
  {
    let timeless = xml.replacingOccurrences(
      of: #"generatedAt="[^"]*""#, with: "", options: .regularExpression)
    guard !keepingSinceLastRun else { return timeless }
    return timeless.replacingOccurrences(
      of: #"\s*<sinceLastRun\b[^>]*/>|\s*<sinceLastRun\b[\s\S]*?</sinceLastRun>"#, with: "",
      options: .regularExpression)
  }

  /// The `almanac.xml` published in `folder`, through ``withoutRunMetadata(_:keepingSinceLastRun:)``.
  public static func read(in folder: URL, keepingSinceLastRun: Bool = false) throws -> String {
    withoutRunMetadata(
      try String(contentsOf: folder.appendingPathComponent("almanac.xml"), encoding: .utf8),
      keepingSinceLastRun: keepingSinceLastRun)
  }
}
