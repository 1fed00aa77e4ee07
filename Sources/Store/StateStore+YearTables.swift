import Analysis
import Foundation
import GRDB
import GRDBSQLite

/// Writing the per-year statistics (``StateStore/slices(years:checkedBefore:latest:)`` reads
/// them): each year's rows are deleted and written again whole.
extension StateStore {
  /// The tables of per-year statistics.
  static let yearTables = [
    "yearTotal", "yearTerm", "yearOrganization", "yearAlias", "yearPair",
    "yearOrganizationDocument",
  ]

  /// Inserts the row of `year`'s terms.
  ///
  /// A blob bound to the statement is copied by SQLite into the record it inserts: a year of
  /// 149 MB of terms (a million articles dated in one year) was held twice while stored, and
  /// the run peaked there. One of more than `piecesAbove` bytes is inserted as zeros instead,
  /// which SQLite does not hold, and written over through SQLite's incremental blob I/O a
  /// megabyte at a time. Smaller ones are bound: their pages are written once, not twice.
  static func insertTerms(year: Int, _ terms: TermBlob, in db: Database, piecesAbove: Int) throws {
    guard terms.bytes.count > piecesAbove else {
      // SQLite reads the blob from the slice's own bytes: with arguments given at execution,
      // GRDB binds them without a copy, and `Data` here only points at them.
      let statement = try db.cachedStatement(
        sql: "INSERT INTO yearTerm (year, terms) VALUES (?, ?)")
      try terms.bytes.withUnsafeBytes { bytes in
        let terms =
          bytes.baseAddress.map {
            Data(
              bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: bytes.count,
              deallocator: .none)
          } ?? Data()
        try statement.execute(arguments: [year, terms])
      }
      return
    }
    try db.cachedStatement(sql: "INSERT INTO yearTerm (year, terms) VALUES (?, zeroblob(?))")
      .execute(arguments: [year, terms.bytes.count])
    // The year is the row's id (`INTEGER PRIMARY KEY`).
    var handle: OpaquePointer?
    func failure(_ code: CInt, _ step: String) -> DatabaseError {
      DatabaseError(
        resultCode: ResultCode(rawValue: code),
        message:
          "\(step) the terms of \(year): \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
    }
    let opened = sqlite3_blob_open(
      db.sqliteConnection, "main", "yearTerm", "terms", Int64(year), 1, &handle)
    guard opened == SQLITE_OK, let handle else {
      sqlite3_blob_close(handle)
      throw failure(opened, "cannot open")
    }
    let written = terms.bytes.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let piece = min(1 << 20, bytes.count - offset)
        let code = sqlite3_blob_write(
          handle, bytes.baseAddress! + offset, CInt(piece), CInt(offset))
        guard code == SQLITE_OK else { return code }
        offset += piece
      }
      return SQLITE_OK
    }
    let closed = sqlite3_blob_close(handle)
    guard written == SQLITE_OK else { throw failure(written, "cannot write") }
    guard closed == SQLITE_OK else { throw failure(closed, "cannot close") }
  }

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

  /// Terms of more bytes than this are written into their row a piece at a time
  /// (``insertTerms(year:_:in:piecesAbove:)``).
  static let termsWrittenInPiecesAbove = 16 << 20

  /// Inserts one year's statistics; the year must have been deleted first. Terms of more than
  /// `piecesAbove` bytes are written into their row a piece at a time.
  static func insert(
    _ slice: YearSlice, in db: Database, piecesAbove: Int = termsWrittenInPiecesAbove
  ) throws {
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

    try insertTerms(year: year, slice.packedTerms, in: db, piecesAbove: piecesAbove)

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
