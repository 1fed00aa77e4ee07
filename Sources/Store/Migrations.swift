import GRDB

/// The state database's schema: its application id and the migrations that build it.
///
/// Tables are singular camelCase with explicit keys. Tables keyed by something other than a
/// plain integer are `WITHOUT ROWID`, so the key is the table's only b-tree: rows inserted in key
/// order (as slices are) append, and no second index doubles the file.
enum Migrations {
  /// `PRAGMA application_id` of every Almanac state database: "Almn" in ASCII.
  static let applicationID: Int32 = 0x416C_6D6E

  /// Every migration this version knows, in order.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1", migrate: createVersion1)
    migrator.registerMigration("v2", migrate: createVersion2)
    migrator.registerMigration("v3", migrate: createVersion3)
    migrator.registerMigration("v4", migrate: createVersion4)
    migrator.registerMigration("v5", migrate: createVersion5)
    return migrator
  }

  /// The first schema.
  private static func createVersion1(_ db: Database) throws {
    try db.create(table: "document", options: .withoutRowID) { t in
      t.primaryKey("path", .text)
      t.column("size", .integer).notNull()
      t.column("modified", .integer).notNull()
      t.column("hash", .text).notNull()
      t.column("year", .integer)
      t.column("date", .text)
      t.column("accepted", .boolean).notNull()
      t.column("reason", .text)
      t.column("repaired", .boolean).notNull()
    }
    try db.create(index: "document_on_year", on: "document", columns: ["year"])

    try db.create(table: "yearTotal") { t in
      t.primaryKey("year", .integer)
      t.column("documents", .integer).notNull()
      t.column("repairedDocuments", .integer).notNull()
      t.column("tokens", .integer).notNull()
      t.column("organizationMentions", .integer).notNull()
      t.column("firstDate", .text).notNull()
      t.column("lastDate", .text).notNull()
    }
    // One row per year: the year's terms packed by TermBlob (millions of rows otherwise).
    try db.create(table: "yearTerm") { t in
      t.primaryKey("year", .integer)
      t.column("terms", .blob).notNull()
    }
    try db.create(table: "yearOrganization", options: .withoutRowID) { t in
      t.column("year", .integer).notNull()
      t.column("id", .text).notNull()
      t.column("registryName", .text).notNull()
      t.column("registered", .boolean).notNull()
      t.column("count", .integer).notNull()
      t.column("documents", .integer).notNull()
      t.primaryKey(["year", "id"])
    }
    try db.create(table: "yearAlias", options: .withoutRowID) { t in
      t.column("year", .integer).notNull()
      t.column("organizationId", .text).notNull()
      t.column("text", .text).notNull()
      t.column("count", .integer).notNull()
      t.primaryKey(["year", "organizationId", "text"])
    }
    try db.create(table: "yearPair", options: .withoutRowID) { t in
      t.column("year", .integer).notNull()
      t.column("a", .text).notNull()
      t.column("b", .text).notNull()
      t.column("documents", .integer).notNull()
      t.primaryKey(["year", "a", "b"])
    }

    try db.create(table: "setting", options: .withoutRowID) { t in
      t.primaryKey("key", .text)
      t.column("value", .text).notNull()
    }
    try db.create(table: "run") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("startedAt", .text).notNull()
      t.column("endedAt", .text)
      t.column("durationMilliseconds", .integer)
      t.column("added", .integer)
      t.column("changed", .integer)
      t.column("removed", .integer)
      t.column("rejected", .integer)
      t.column("exitStatus", .integer)
    }
    try db.create(table: "seen", options: .withoutRowID) { t in
      t.column("kind", .text).notNull()
      t.column("key", .text).notNull()
      t.primaryKey(["kind", "key"])
    }
    try db.create(table: "publishedTerm", options: .withoutRowID) { t in
      t.column("n", .integer).notNull()
      t.column("text", .text).notNull()
      t.column("perTenThousand", .double).notNull()
      t.primaryKey(["n", "text"])
    }
  }

  /// Evidence lines (keyword in context) of the last published report, so that
  /// `almanac report` keeps them without the corpus. `kind` is `term` (text, n, year), `pair`
  /// (text = a, other = b, n = year = 0) or, from v5, `organization` (text = id, year; other
  /// empty, n = 0); segments alternate context and hits, joined
  /// by U+0001 (which a line never contains).
  private static func createVersion2(_ db: Database) throws {
    try db.create(table: "evidenceLine", options: .withoutRowID) { t in
      t.column("kind", .text).notNull()
      t.column("text", .text).notNull()
      t.column("other", .text).notNull()
      t.column("n", .integer).notNull()
      t.column("year", .integer).notNull()
      t.column("rank", .integer).notNull()
      t.column("path", .text).notNull()
      t.column("date", .text).notNull()
      t.column("offset", .integer).notNull()
      t.column("segments", .text).notNull()
      t.primaryKey(["kind", "text", "other", "n", "year", "rank"])
    }
  }

  /// The documents added, changed and removed since the last published report
  /// (``UnreportedChanges``): `kind` is `new` (per `year`), or `removed`, `addedCopies` or
  /// `removedCopies` (`year` 0).
  private static func createVersion3(_ db: Database) throws {
    try db.create(table: "unreportedChange", options: .withoutRowID) { t in
      t.column("kind", .text).notNull()
      t.column("year", .integer).notNull()
      t.column("documents", .integer).notNull()
      t.primaryKey(["kind", "year"])
    }
  }

  /// The comparisons of consecutive years of the last published report (``KeptComparisons``):
  /// one `yearComparison` row each, and one `trendTerm` row per term it lists.
  private static func createVersion4(_ db: Database) throws {
    try db.create(table: "yearComparison", options: .withoutRowID) { t in
      t.column("year", .integer).notNull()
      t.column("reference", .integer).notNull()
      t.column("trendTerms", .integer).notNull()
      t.column("version", .text).notNull()
      t.column("tokens", .integer).notNull()
      t.column("referenceTokens", .integer).notNull()
      t.primaryKey(["year", "reference", "trendTerms", "version"])
    }
    try db.create(table: "trendTerm", options: .withoutRowID) { t in
      t.column("year", .integer).notNull()
      t.column("reference", .integer).notNull()
      t.column("trendTerms", .integer).notNull()
      t.column("version", .text).notNull()
      t.column("direction", .text).notNull()
      t.column("rank", .integer).notNull()
      t.column("text", .text).notNull()
      t.column("n", .integer).notNull()
      t.column("count", .integer).notNull()
      t.column("referenceCount", .integer).notNull()
      t.column("logLikelihood", .double).notNull()
      t.column("logRatio", .double).notNull()
      t.primaryKey(["year", "reference", "trendTerms", "version", "direction", "rank"])
    }
  }

  /// The latest documents of a year naming each organization
  /// (``Analysis/YearSlice/Organization/latest``), `rank` 0 the latest: where the lines of an
  /// organization that rose or fell are read.
  private static func createVersion5(_ db: Database) throws {
    try db.create(table: "yearOrganizationDocument", options: .withoutRowID) { t in
      t.column("year", .integer).notNull()
      t.column("id", .text).notNull()
      t.column("rank", .integer).notNull()
      t.column("date", .text).notNull()
      t.column("digest", .integer).notNull()
      t.column("path", .text).notNull()
      t.primaryKey(["year", "id", "rank"])
    }
  }
}
