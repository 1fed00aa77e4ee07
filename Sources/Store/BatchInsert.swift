import Corpus
import GRDB
import GRDBSQLite

/// Inserts rows into one table through a cached multi-row `INSERT`, many rows per step.
///
/// A million single-row `execute(arguments:)` calls spend as much time building GRDB argument
/// arrays and resetting the statement as SQLite spends inserting; binding a hundred rows at a
/// time leaves mostly SQLite's own work. Even then, GRDB's values cost more than SQLite's
/// inserting: a `DatabaseValue` per column, and each string copied by SQLite into memory of its
/// own when bound (`SQLITE_TRANSIENT`). So the values are kept here as plain numbers, and the
/// bytes of every text of the pending rows one after another in one reused buffer, which SQLite
/// reads in place while the statement runs (`SQLITE_STATIC`): storing 248,091 documents took
/// 0.36 s of the writing thread with `DatabaseValue`s, and no core has anything else to do then.
///
/// ```swift
/// var batch = try BatchInsert(db, table: "yearPair", columns: ["year", "a", "b", "documents"])
/// for pair in pairs {
///   batch.add(year); batch.add(pair.a); batch.add(pair.b); batch.add(pair.documents)
///   try batch.endRow()
/// }
/// try batch.finish()
/// ```
struct BatchInsert {
  /// Rows bound to one full statement; times the columns, well under SQLite's 32766 variables.
  static let rowsPerStatement = 128

  private let db: Database
  private let table: String
  private let columns: [String]
  private let conflict: Database.ConflictResolution?
  private let full: Statement
  /// The values of the rows not inserted yet, row after row.
  private var values: [Value] = []
  /// The bytes of the texts among `values`, one after another.
  private var bytes: [UInt8] = []

  /// A value to bind: a text is `count` bytes from `start` in ``bytes``.
  private enum Value {
    case null
    case integer(Int64)
    case real(Double)
    case text(start: Int, count: Int)
  }

  /// Prepares (or takes from GRDB's cache) the full-size statement.
  ///
  /// - Parameters:
  ///   - db: The connection, inside the caller's transaction.
  ///   - table: The table, a trusted identifier.
  ///   - columns: The columns, in the order values are added.
  ///   - conflict: `INSERT OR …` resolution, nil for a plain `INSERT` that fails on a duplicate.
  init(
    _ db: Database, table: String, columns: [String],
    conflict: Database.ConflictResolution? = nil
  ) throws {
    self.db = db
    self.table = table
    self.columns = columns
    self.conflict = conflict
    full = try db.cachedStatement(
      sql: Self.sql(table: table, columns: columns, conflict: conflict, rows: Self.rowsPerStatement)
    )
    values.reserveCapacity(Self.rowsPerStatement * columns.count)
  }

  /// Adds the next column's value of the current row.
  mutating func add(_ value: Int) { values.append(.integer(Int64(value))) }

  /// Adds the next column's value of the current row.
  mutating func add(_ value: Int64) { values.append(.integer(value)) }

  /// Adds the next column's value of the current row: 1 or 0.
  mutating func add(_ value: Bool) { values.append(.integer(value ? 1 : 0)) }

  /// Adds the next column's value of the current row.
  mutating func add(_ value: Double) { values.append(.real(value)) }

  /// Adds the next column's value of the current row: its UTF-8 bytes.
  mutating func add(_ value: String) {
    let start = bytes.count
    bytes.append(contentsOf: value.utf8)
    values.append(.text(start: start, count: bytes.count - start))
  }

  /// Adds the next column's value of the current row: the hash as text, written straight into
  /// the row's bytes (a full rebuild writes one per file).
  mutating func add(_ value: StoredDocument.Hash) {
    let start = bytes.count
    switch value {
    case .digest(let digest): ContentHash.appendHex(digest, to: &bytes)
    case .text(let text): bytes.append(contentsOf: text.utf8)
    }
    values.append(.text(start: start, count: bytes.count - start))
  }

  /// Adds the next column's value of the current row: `YYYY-MM-DD`.
  mutating func add(_ value: CalendarDate) {
    let start = bytes.count
    value.appendISO(to: &bytes)
    values.append(.text(start: start, count: bytes.count - start))
  }

  /// Adds the next column's value of the current row: NULL for nil.
  mutating func add(_ value: Int?) {
    if let value { add(value) } else { values.append(.null) }
  }

  /// Adds the next column's value of the current row: NULL for nil.
  mutating func add(_ value: String?) {
    if let value { add(value) } else { values.append(.null) }
  }

  /// Adds the next column's value of the current row: NULL for nil.
  mutating func add(_ value: CalendarDate?) {
    if let value { add(value) } else { values.append(.null) }
  }

  /// Ends a row, inserting the pending rows when a statement's worth has accumulated.
  mutating func endRow() throws {
    if values.count == Self.rowsPerStatement * columns.count {
      try run(full)
    }
  }

  /// Inserts the rows still pending.
  mutating func finish() throws {
    guard !values.isEmpty else { return }
    precondition(values.count % columns.count == 0, "BatchInsert: a row was left incomplete")
    let rows = values.count / columns.count
    try run(
      db.makeStatement(
        sql: Self.sql(table: table, columns: columns, conflict: conflict, rows: rows)))
  }

  /// Binds the pending values to `statement`, which has exactly as many parameters, and runs it.
  ///
  /// Texts are bound where they lie in ``bytes``, which SQLite reads only while the statement
  /// runs: the bindings are cleared before the buffer is.
  private mutating func run(_ statement: Statement) throws {
    // Resets the statement and clears its bindings; `execute()` then binds nothing more.
    statement.setUncheckedArguments(StatementArguments())
    let sqlite = statement.sqliteStatement
    defer {
      sqlite3_clear_bindings(sqlite)
      values.removeAll(keepingCapacity: true)
      bytes.removeAll(keepingCapacity: true)
    }
    try bytes.withUnsafeBufferPointer { bytes in
      // A text of no bytes is bound from a valid address, as an empty text and not NULL.
      let base = bytes.baseAddress.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(sqlite)
      for (offset, value) in values.enumerated() {
        let index = CInt(offset + 1)
        let code: CInt
        switch value {
        case .null: code = sqlite3_bind_null(sqlite, index)
        case .integer(let integer): code = sqlite3_bind_int64(sqlite, index, integer)
        case .real(let real): code = sqlite3_bind_double(sqlite, index, real)
        case .text(let start, let count):
          code = sqlite3_bind_text(
            sqlite, index, (base + start).assumingMemoryBound(to: CChar.self), CInt(count), nil)
        }
        guard code == SQLITE_OK else {
          throw DatabaseError(
            resultCode: ResultCode(rawValue: code), message: "cannot bind value \(index)",
            sql: statement.sql)
        }
      }
      try statement.execute()
    }
  }

  private static func sql(
    table: String, columns: [String], conflict: Database.ConflictResolution?, rows: Int
  ) -> String {
    let verb = conflict.map { "INSERT OR \($0.rawValue)" } ?? "INSERT"
    let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    return "\(verb) INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
      + Array(repeating: row, count: rows).joined(separator: ", ")
  }
}
