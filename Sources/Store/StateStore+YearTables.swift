import Analysis
import Foundation
import GRDB

/// Writing the per-year statistics (``StateStore/slices(years:checkedBefore:latest:)`` reads
/// them): each year's rows are deleted and written again whole.
extension StateStore {
  /// The tables of per-year statistics.
  static let yearTables = [
    "yearTotal", "yearTerm", "yearOrganization", "yearAlias", "yearPair",
    "yearOrganizationDocument",
  ]

  /// Deletes the statistics of every year.
  static func deleteAllYears(in db: Database) throws {
    for table in yearTables { try db.execute(sql: "DELETE FROM \(table)") }
  }

  /// Deletes every row of the given years' statistics.
  static func deleteYears(_ years: Set<Int>, in db: Database) throws {
    for table in yearTables {
      let statement = try db.cachedStatement(sql: "DELETE FROM \(table) WHERE year = ?")
      for year in years.sorted() {
        try statement.execute(arguments: [year])
      }
    }
  }

  /// Inserts one year's statistics; the year must have been deleted first.
  static func insert(_ slice: YearSlice, in db: Database) throws {
    let year = slice.year
    try db.cachedStatement(
      sql: """
        INSERT INTO yearTotal
          (year, documents, repairedDocuments, tokens, organizationMentions, firstDate, lastDate)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      year, slice.documents, slice.repairedDocuments, slice.tokens, slice.organizationMentions,
      slice.firstDate.description, slice.lastDate.description,
    ])

    // SQLite reads the blob from the slice's own bytes: with arguments given at execution, GRDB
    // binds them without a copy, and `Data` here only points at them.
    let statement = try db.cachedStatement(sql: "INSERT INTO yearTerm (year, terms) VALUES (?, ?)")
    try slice.packedTerms.bytes.withUnsafeBytes { bytes in
      let terms =
        bytes.baseAddress.map {
          Data(
            bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: bytes.count,
            deallocator: .none)
        } ?? Data()
      try statement.execute(arguments: [year, terms])
    }

    var organizations = try BatchInsert(
      db, table: "yearOrganization",
      columns: ["year", "id", "registryName", "registered", "count", "documents"])
    var aliases = try BatchInsert(
      db, table: "yearAlias", columns: ["year", "organizationId", "text", "count"])
    var latest = try BatchInsert(
      db, table: "yearOrganizationDocument",
      columns: ["year", "id", "rank", "date", "digest", "path"])
    for row in slice.organizations {
      organizations.add(year)
      organizations.add(row.id)
      organizations.add(row.registryName)
      organizations.add(row.registered)
      organizations.add(row.count)
      organizations.add(row.documents)
      try organizations.endRow()
      for (text, count) in row.aliases {
        aliases.add(year)
        aliases.add(row.id)
        aliases.add(text)
        aliases.add(count)
        try aliases.endRow()
      }
      for (rank, document) in row.latest.documents.enumerated() {
        latest.add(year)
        latest.add(row.id)
        latest.add(rank)
        latest.add(document.date)
        latest.add(Int64(bitPattern: document.digest))
        latest.add(document.path)
        try latest.endRow()
      }
    }
    try organizations.finish()
    try aliases.finish()
    try latest.finish()

    var pairs = try BatchInsert(db, table: "yearPair", columns: ["year", "a", "b", "documents"])
    for row in slice.pairs {
      pairs.add(year)
      pairs.add(row.a)
      pairs.add(row.b)
      pairs.add(row.documents)
      try pairs.endRow()
    }
    try pairs.finish()
  }
}
