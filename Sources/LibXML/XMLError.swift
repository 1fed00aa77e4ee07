/// One message reported by libxml2 while parsing or validating.
public struct XMLIssue: Sendable, Equatable, CustomStringConvertible {
  /// The line in the document, when libxml2 knows it (0 otherwise).
  public var line: Int
  /// libxml2's message, without the trailing newline.
  public var message: String

  /// Creates an issue.
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  /// `line N: message`.
  public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

/// What can go wrong when Almanac reads or checks XML.
public enum XMLError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The text is not well-formed XML.
  case malformed(name: String, issues: [XMLIssue])
  /// The document declares a DTD or entities, which Almanac never reads.
  case forbiddenDoctype(name: String)
  /// The schema itself could not be compiled.
  case invalidSchema(issues: [XMLIssue])
  /// The document does not satisfy the schema.
  case invalid(name: String, issues: [XMLIssue])

  /// A message for the person running Almanac.
  public var description: String {
    func list(_ issues: [XMLIssue]) -> String {
      issues.isEmpty ? "" : ": " + issues.prefix(5).map(\.description).joined(separator: "; ")
    }
    switch self {
    case .malformed(let name, let issues):
      return "\(name) is not well-formed XML\(list(issues))"
    case .forbiddenDoctype(let name):
      return
        "\(name) declares a DTD or entities; Almanac refuses such XML (no DTD loading, no entity expansion)"
    case .invalidSchema(let issues):
      return "the report schema could not be compiled\(list(issues))"
    case .invalid(let name, let issues):
      return "\(name) does not match the Almanac schema\(list(issues))"
    }
  }
}
