import GRDB

/// Inserts rows into one table through a cached multi-row `INSERT`, many rows per step.
///
/// A million single-row `execute(arguments:)` calls spend as much time building GRDB argument
/// arrays and resetting the statement as SQLite spends inserting; binding a hundred rows at a
/// time leaves mostly SQLite's own work. Even then, GRDB's `StatementArguments` cost more than
/// SQLite's inserting (a fifth of storing 248,091 documents), so the values are kept as
/// `DatabaseValue`s and bound straight to the SQLite statement (`StatementBinding`), GRDB being
/// told that its own (empty) arguments are bound.
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
  private var values: [DatabaseValue] = []

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
  mutating func add(_ value: some DatabaseValueConvertible) {
    values.append(value.databaseValue)
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
  private mutating func run(_ statement: Statement) throws {
    // Resets the statement and clears its bindings; `execute()` then binds nothing more.
    statement.setUncheckedArguments(StatementArguments())
    for (index, value) in values.enumerated() {
      let code = value.bind(to: statement.sqliteStatement, at: CInt(index + 1))
      guard code == ResultCode.SQLITE_OK.rawValue else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code), message: "cannot bind value \(index + 1)",
          sql: statement.sql)
      }
    }
    try statement.execute()
    values.removeAll(keepingCapacity: true)
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
