import Testing

@testable import Analysis

@Suite struct OrganizationRegistryTests {
  func parse(_ text: String, source: String = "user.tsv") throws(RegistryError)
    -> OrganizationRegistry
  {
    try OrganizationRegistry(parsing: Array(text.utf8), source: source)
  }

  func parseError(_ text: String) -> RegistryError? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error
    }
  }

  func ids(_ text: String, _ registry: OrganizationRegistry) -> [String] {
    var stream = TokenStream()
    let bytes = Array(text.utf8)
    Tokenizer().tokenize(bytes, into: &stream)
    return OrganizationMatcher(registry: registry).mentions(in: bytes, tokens: stream).map(\.id)
  }

  // MARK: Built-in registry

  @Test func builtinRegistryParsesWithItsVersion() {
    let registry = OrganizationRegistry.builtin()
    #expect(registry.version == "2026.12.1")
    #expect(registry.entries.count >= 60)
    for id in [
      "eaeu", "csto", "sco", "un", "unsc", "osce", "cis", "eu", "nato", "who", "imf",
      "world-bank", "wto", "ebrd", "edb", "brics", "g20", "cica", "ots", "union-state", "icrc",
      "iaea", "interpol", "eco", "carec", "african-union", "arab-league", "coe", "icc",
    ] {
      #expect(registry.entry(id: id) != nil, "missing \(id)")
    }
    #expect(registry.entry(id: "eaeu")?.name == "Eurasian Economic Union")
  }

  @Test func builtinIDsAreUniqueAndNoAliasHasTwoOwners() {
    let registry = OrganizationRegistry.builtin()
    let ids = registry.entries.map(\.id)
    #expect(Set(ids).count == ids.count)
    var owner: [String: String] = [:]
    for entry in registry.entries {
      #expect(!entry.patterns.isEmpty)
      for pattern in entry.patterns {
        if let other = owner[pattern.key] {
          Issue.record("alias \(pattern.key) belongs to \(other) and \(entry.id)")
        }
        owner[pattern.key] = entry.id
      }
    }
  }

  @Test func fingerprintIsStableAndIgnoresLayout() throws {
    #expect(
      OrganizationRegistry.builtin().fingerprint == OrganizationRegistry.builtin().fingerprint)
    #expect(OrganizationRegistry.builtin().fingerprint.count == 16)
    let one = try parse("# version: 1\nx\tX Org\tXO|Ex Org\n")
    let same = try parse("# a comment\n\n# version: 2\nx\t X Org \tex  org | XO\n")
    let other = try parse("x\tX Org\tXO|Ex Organisation\n")
    #expect(one.fingerprint == same.fingerprint)
    #expect(one.fingerprint != other.fingerprint)
  }

  // MARK: Errors name the file and line

  @Test func malformedLineNamesFileAndLine() {
    let error = parseError("# version: 1\nok\tOK Org\n\nbroken line without tabs\n")
    #expect(
      error
        == .malformedLine(
          source: "user.tsv", line: 4,
          detail:
            "expected id<TAB>name<TAB>alias|alias|…, found 1 field(s)"))
    #expect(error?.description.hasPrefix("user.tsv:4: expected id") == true)
  }

  @Test func duplicateIDNamesBothLines() {
    let error = parseError("a\tAlpha Org\nb\tBeta Org\na\tAgain Org\n")
    #expect(error == .duplicateID(source: "user.tsv", line: 3, id: "a", firstLine: 1))
    #expect(error?.description == "user.tsv:3: id \"a\" is already defined on line 1")
  }

  @Test func aliasClaimedByTwoIDsIsAnError() {
    let error = parseError("a\tAlpha Org\tAO\nb\tBeta Org\tbeta|alpha  org\n")
    #expect(
      error
        == .duplicateAlias(
          source: "user.tsv", line: 2, alias: "alpha  org", id: "b", otherID: "a"))
  }

  @Test func badFieldsAreReported() {
    #expect(parseError("Bad ID\tName\n")?.line == 1)
    #expect(
      parseError("x\t\talias\n")?.description == "user.tsv:1: organization \"x\" has an empty name")
    #expect(parseError("x\tName\ta||b\n")?.line == 1)
    #expect(parseError("x\tName\tfo*o\n")?.description.contains("`*` may only end a word") == true)
    #expect(parseError("x\tName\tEAEU*\n")?.description.contains("acronym") == true)
    #expect(parseError("x\tName\tA. B\n")?.description.contains("sentence break") == true)
    let invalid = Array("ok\tName\n".utf8) + [0xFF, 0x09, 0x41, 0x0A]
    #expect(throws: RegistryError.invalidEncoding(source: "bad.tsv", line: 2)) {
      try OrganizationRegistry(parsing: invalid, source: "bad.tsv")
    }
  }

  @Test func versionDefaultsToSourceAndAliasesAreOptional() throws {
    let registry = try parse("x\tX Org\n")
    #expect(registry.version == "user.tsv")
    #expect(registry.entry(id: "x")?.aliases == [])
    #expect(ids("The X Org met.", registry) == ["x"])
  }

  // MARK: Extending the built-in registry

  @Test func userRegistryAddsAliasesAndIDs() throws {
    let user = try parse(
      """
      # version: 7
      eaeu\tEAEU\tEurasian Union
      gknb\tState Committee for National Security\tGKNB|ГКНБ
      """)
    let registry = OrganizationRegistry.builtin().extended(with: user)
    #expect(registry.version == "2026.12.1+7")
    #expect(registry.entry(id: "eaeu")?.name == "Eurasian Economic Union")
    #expect(registry.entry(id: "eaeu")?.aliases.contains("Eurasian Union") == true)
    #expect(registry.entries.count == OrganizationRegistry.builtin().entries.count + 1)
    #expect(registry.fingerprint != OrganizationRegistry.builtin().fingerprint)
    #expect(
      ids("The Eurasian Union, the GKNB, ГКНБ and the EAEU and the UN.", registry)
        == ["eaeu", "gknb", "gknb", "eaeu", "un"])
    // The built-in registry itself is unchanged: "Eurasian Union" is only discovered there.
    #expect(ids("The Eurasian Union and the GKNB.", .builtin()) == ["discovered:eurasian union"])
  }

  @Test func userAliasMovesFromAnotherID() throws {
    let user = try parse("ifrc\tInternational Federation of Red Cross\tRed Cross\n")
    let registry = OrganizationRegistry.builtin().extended(with: user)
    #expect(ids("The Red Cross and the ICRC.", .builtin()) == ["icrc", "icrc"])
    #expect(ids("The Red Cross and the ICRC.", registry) == ["ifrc", "icrc"])
  }
}
