import Corpus
import GRDB
import Testing

@testable import Store

@Suite struct BatchInsertTests {
  /// One row of every kind of value `BatchInsert` takes.
  private struct Row: Equatable {
    var integer: Int
    var big: Int64
    var flag: Bool
    var real: Double
    var text: String
    var maybeText: String?
    var maybeInteger: Int?
    var date: CalendarDate?
  }

  /// Rows whose values vary with `index`: texts of every length from empty up, Cyrillic, NULLs,
  /// the extremes of Int64, dates of every width of year (a text with a NUL is checked apart:
  /// GRDB reads a text only up to its first NUL).
  private static func rows(_ count: Int) -> [Row] {
    (0..<count).map { index -> Row in
      let big: Int64 = index % 3 == 0 ? .max : index % 3 == 1 ? .min : Int64(index) << 40
      let piece = ["a", "я", "'", "€"][index % 4]
      let date: CalendarDate? =
        index % 6 == 0
        ? nil : CalendarDate(year: 1 + index * 37, month: 1 + index % 12, day: 1 + index % 28)
      return Row(
        integer: index * 7 - 300, big: big, flag: index % 2 == 0, real: Double(index) / 8 - 1.5,
        text: String(repeating: piece, count: index % 23),
        maybeText: index % 5 == 0 ? nil : "row \(index) — строка",
        maybeInteger: index % 4 == 0 ? nil : -index, date: date)
    }
  }

  private static let columns = [
    "integer", "big", "flag", "real", "text", "maybeText", "maybeInteger", "date",
  ]

  private func withTable(_ body: (Database) throws -> Void) throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(
        sql: """
          CREATE TABLE row (
            integer INTEGER PRIMARY KEY, big INTEGER, flag BOOLEAN, real REAL, text TEXT,
            maybeText TEXT, maybeInteger INTEGER, date TEXT)
          """)
      try body(db)
    }
  }

  private func insert(_ rows: [Row], in db: Database) throws {
    var batch = try BatchInsert(db, table: "row", columns: Self.columns)
    for row in rows {
      batch.add(row.integer)
      batch.add(row.big)
      batch.add(row.flag)
      batch.add(row.real)
      batch.add(row.text)
      batch.add(row.maybeText)
      batch.add(row.maybeInteger)
      batch.add(row.date)
      try batch.endRow()
    }
    try batch.finish()
  }

  /// The rows as SQLite holds them, read back through GRDB's own decoding.
  private func stored(in db: Database) throws -> [Row] {
    try GRDB.Row.fetchAll(db, sql: "SELECT * FROM row ORDER BY integer").map { row in
      Row(
        integer: row["integer"], big: row["big"], flag: row["flag"], real: row["real"],
        text: row["text"], maybeText: row["maybeText"], maybeInteger: row["maybeInteger"],
        date: (row["date"] as String?).map { text in
          let fields = text.utf8.split(separator: UInt8(ascii: "-")).map { Int(String($0)!)! }
          return CalendarDate(year: fields[0], month: fields[1], day: fields[2])!
        })
    }
  }

  /// Fewer rows than a statement takes, exactly as many, and more (full statements and then
  /// a shorter last one), each read back as given.
  @Test(arguments: [0, 1, BatchInsert.rowsPerStatement, 2 * BatchInsert.rowsPerStatement + 37])
  func rowsRoundTrip(count: Int) throws {
    let rows = Self.rows(count)
    try withTable { db in
      try insert(rows, in: db)
      #expect(try stored(in: db) == rows)
    }
  }

  /// Texts are stored as texts of their full length (an empty one is not NULL, one with a NUL
  /// is not cut there), and a date as `YYYY-MM-DD`.
  @Test func storesTextsAsTheyAre() throws {
    try withTable { db in
      var row = Self.rows(1)[0]
      row.text = ""
      row.maybeText = "a\u{0}b"
      row.date = CalendarDate(year: 987, month: 3, day: 4)
      try insert([row], in: db)
      let stored = try GRDB.Row.fetchOne(
        db, sql: "SELECT typeof(text), length(CAST(maybeText AS BLOB)), date FROM row")!
      #expect(stored[0] as String == "text")
      #expect(stored[1] as Int == 3)
      #expect(stored[2] as String == "0987-03-04")
    }
  }

  /// A row SQLite refuses fails the insert with SQLite's error, and later batches still work.
  @Test func reportsAConflict() throws {
    try withTable { db in
      let rows = Self.rows(3)
      try insert(rows, in: db)
      #expect(throws: DatabaseError.self) { try insert([rows[1]], in: db) }
      let more = Self.rows(200).suffix(150)
      try insert(Array(more), in: db)
      #expect(try stored(in: db) == rows + more)
    }
  }
}
