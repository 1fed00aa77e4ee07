import Corpus

/// The organizations Almanac recognises by name: a canonical id and name per organization, and
/// the aliases (English and Russian, acronyms and long forms) that all count for it.
///
/// The built-in registry is `Resources/organizations.tsv`; a user registry in the same format
/// extends it (``extended(with:)``). The file format is documented in the header of that file.
public struct OrganizationRegistry: Sendable {
  /// One organization.
  public struct Entry: Sendable, Equatable {
    /// The stable key (`eaeu`, `un`).
    public var id: String
    /// The canonical name shown in reports.
    public var name: String
    /// The aliases as written in the file (the name is matched as well).
    public var aliases: [String]
    /// The name and aliases compiled, one per distinct ``AliasPattern/key``.
    var patterns: [AliasPattern]
  }

  /// The organizations, in file order (built-in first, then user additions).
  public private(set) var entries: [Entry]
  /// The edition: the file's `# version:` line (the source name when it has none); an extended
  /// registry's version is `builtin+user`.
  public private(set) var version: String
  /// Where the entries came from.
  public private(set) var source: String
  private var indexByID: [String: Int]

  /// The registry compiled into the binary.
  public static func builtin() -> OrganizationRegistry { builtinRegistry }

  private static let builtinRegistry: OrganizationRegistry = {
    do {
      return try OrganizationRegistry(
        parsing: BuiltinData.organizations, source: "organizations.tsv")
    } catch {
      fatalError("The built-in organization registry is invalid: \(error)")
    }
  }()

  /// Parses a registry file.
  ///
  /// - Parameter bytes: The file content, UTF-8.
  /// - Parameter source: The file name, used in errors and as the version when the file has no
  ///   `# version:` line.
  /// - Throws: ``RegistryError`` naming `source` and the line of the first problem.
  public init(parsing bytes: [UInt8], source: String) throws(RegistryError) {
    let tokenizer = Tokenizer()
    var version: String?
    var entries: [Entry] = []
    var lineOfID: [String: Int] = [:]
    var ownerOfKey: [String: String] = [:]
    var lineNumber = 0
    for var raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      lineNumber += 1
      if raw.last == 0x0D { raw.removeLast() }
      if lineNumber == 1 && raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw.removeFirst(3) }
      guard let line = String(validating: raw, as: UTF8.self) else {
        throw .invalidEncoding(source: source, line: lineNumber)
      }
      let trimmed = line.trimmed
      if trimmed.isEmpty { continue }
      if trimmed.hasPrefix("#") {
        let comment = trimmed.dropFirst().trimmed
        if version == nil && comment.hasPrefix("version:") {
          version = comment.dropFirst("version:".count).trimmed
        }
        continue
      }
      func malformed(_ detail: String) -> RegistryError {
        .malformedLine(source: source, line: lineNumber, detail: detail)
      }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 2 || fields.count == 3 else {
        throw malformed("expected id<TAB>name<TAB>alias|alias|…, found \(fields.count) field(s)")
      }
      let id = fields[0].trimmed
      guard !id.isEmpty, id.utf8.allSatisfy(Self.isIDByte) else {
        throw malformed("id \"\(id)\" must be lower-case ASCII letters, digits, '-', '_' or '.'")
      }
      if let first = lineOfID[id] {
        throw .duplicateID(source: source, line: lineNumber, id: id, firstLine: first)
      }
      let name = fields[1].trimmed
      guard !name.isEmpty else { throw malformed("organization \"\(id)\" has an empty name") }
      var aliases: [String] = []
      if fields.count == 3 && !fields[2].trimmed.isEmpty {
        aliases = fields[2].split(separator: "|", omittingEmptySubsequences: false).map(\.trimmed)
        if aliases.contains(where: \.isEmpty) {
          throw malformed("organization \"\(id)\" has an empty alias (two '|' in a row?)")
        }
      }
      var entry = Entry(id: id, name: name, aliases: aliases, patterns: [])
      for alias in [name] + aliases {
        let pattern: AliasPattern
        do { pattern = try AliasPattern(alias, tokenizer: tokenizer) } catch {
          throw malformed(error.detail)
        }
        if let owner = ownerOfKey[pattern.key] {
          if owner == id { continue }
          throw .duplicateAlias(
            source: source, line: lineNumber, alias: alias, id: id, otherID: owner)
        }
        ownerOfKey[pattern.key] = id
        entry.patterns.append(pattern)
      }
      lineOfID[id] = lineNumber
      entries.append(entry)
    }
    self.entries = entries
    self.version = version ?? source
    self.source = source
    self.indexByID = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.id, $0) })
  }

  /// The entry with `id`, if any.
  public func entry(id: String) -> Entry? {
    indexByID[id].map { entries[$0] }
  }

  /// This registry with the entries of `other` added: an id already here gains the other's
  /// name and aliases as aliases (its canonical name stays); a new id is appended. An alias that
  /// `other` gives to a different id moves to that id. The version becomes `self+other`.
  public func extended(with other: OrganizationRegistry) -> OrganizationRegistry {
    var result = self
    for entry in other.entries {
      let keys = Set(entry.patterns.map(\.key))
      for index in result.entries.indices where result.entries[index].id != entry.id {
        result.entries[index].patterns.removeAll { keys.contains($0.key) }
      }
      if let index = result.indexByID[entry.id] {
        let known = Set(result.entries[index].patterns.map(\.key))
        result.entries[index].patterns += entry.patterns.filter { !known.contains($0.key) }
        let written = Set(result.entries[index].aliases)
        let added = ([entry.name] + entry.aliases).filter {
          !written.contains($0) && $0 != result.entries[index].name
        }
        result.entries[index].aliases += added
      } else {
        result.indexByID[entry.id] = result.entries.count
        result.entries.append(entry)
      }
    }
    result.version = "\(version)+\(other.version)"
    result.source = "\(source)+\(other.source)"
    return result
  }

  /// A stable fingerprint of what the registry matches: the ``ContentHash`` of the entries
  /// sorted by id, each with its name and sorted alias keys. Comments, layout, alias
  /// order and the version line do not change it.
  public var fingerprint: String {
    var normal = ""
    for entry in entries.sorted(by: { $0.id < $1.id }) {
      normal += entry.id + "\t" + entry.name + "\t"
      normal += entry.patterns.map(\.key).sorted().joined(separator: "|") + "\n"
    }
    return ContentHash.hex(Array(normal.utf8))
  }

  private static func isIDByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
      return true
    default:
      return false
    }
  }
}

extension StringProtocol {
  /// The string without leading and trailing spaces and tabs.
  fileprivate var trimmed: String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isBlank($0) }),
      let last = lastIndex(where: { !isBlank($0) })
    else { return "" }
    return String(self[first...last])
  }
}
