/// Why an organization registry file could not be read. Every case names the file and line.
public enum RegistryError: Error, Equatable, CustomStringConvertible {
  /// A line is not `id<TAB>name<TAB>alias|alias|…`, or one of its fields is unusable.
  case malformedLine(source: String, line: Int, detail: String)
  /// A line is not valid UTF-8.
  case invalidEncoding(source: String, line: Int)
  /// An id appears on two lines.
  case duplicateID(source: String, line: Int, id: String, firstLine: Int)
  /// One alias is claimed by two ids (after normalisation: `EAEU` and `E.A.E.U` differ, but
  /// `Eurasian  Economic Union` and `eurasian economic union` are the same alias).
  case duplicateAlias(source: String, line: Int, alias: String, id: String, otherID: String)

  /// The file the problem is in.
  public var source: String {
    switch self {
    case .malformedLine(let source, _, _), .invalidEncoding(let source, _),
      .duplicateID(let source, _, _, _), .duplicateAlias(let source, _, _, _, _):
      return source
    }
  }

  /// The 1-based line the problem is on.
  public var line: Int {
    switch self {
    case .malformedLine(_, let line, _), .invalidEncoding(_, let line),
      .duplicateID(_, let line, _, _), .duplicateAlias(_, let line, _, _, _):
      return line
    }
  }

  /// A message for the user: `file:line: what is wrong`.
  public var description: String {
    let problem: String
    switch self {
    case .malformedLine(_, _, let detail):
      problem = detail
    case .invalidEncoding:
      problem = "the line is not valid UTF-8"
    case .duplicateID(_, _, let id, let firstLine):
      problem = "id \"\(id)\" is already defined on line \(firstLine)"
    case .duplicateAlias(_, _, let alias, let id, let otherID):
      problem = "alias \"\(alias)\" of \"\(id)\" is already an alias of \"\(otherID)\""
    }
    return "\(source):\(line): \(problem)"
  }
}
