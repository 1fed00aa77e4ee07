import Corpus
import GRDB

extension StateStore {
  /// Every document remembered, or only the accepted or the rejected ones, sorted by path
  /// (bytewise).
  ///
  /// - Parameter accepted: Whether to return only accepted (`true`) or rejected (`false`)
  ///   documents; nil returns all of them.
  /// - Returns: The documents as last committed.
  /// - Throws: ``StoreError`` when the database cannot be read or holds a malformed date.
  public func documents(accepted: Bool? = nil) throws(StoreError) -> [StoredDocument] {
    let path = self.path
    return try reading { db in
      let statement = try db.cachedStatement(
        sql: """
          SELECT path, size, modified, hash, date, accepted, reason, repaired
          FROM document WHERE ? IS NULL OR accepted = ? ORDER BY path
          """)
      var documents: [StoredDocument] = []
      let rows = try Row.fetchCursor(statement, arguments: [accepted, accepted])
      while let row = try rows.next() {
        let date: CalendarDate?
        if let text: String = row[4] {
          date = try Self.calendarDate(text, path: path)
        } else {
          date = nil
        }
        documents.append(
          StoredDocument(
            path: row[0], size: row[1], modified: row[2], hash: row[3], date: date,
            accepted: row[5], reason: row[6], repaired: row[7]))
      }
      return documents
    }
  }

  /// Writes documents, replacing any with the same path.
  static func upsert(_ documents: [StoredDocument], in db: Database) throws {
    guard !documents.isEmpty else { return }
    var batch = try BatchInsert(
      db, table: "document",
      columns: [
        "path", "size", "modified", "hash", "year", "date", "accepted", "reason", "repaired",
      ],
      conflict: .replace)
    for document in documents {
      batch.add(document.path)
      batch.add(document.size)
      batch.add(document.modified)
      batch.add(document.hash)
      batch.add(document.year)
      batch.add(document.date?.description)
      batch.add(document.accepted)
      batch.add(document.reason)
      batch.add(document.repaired)
      try batch.endRow()
    }
    try batch.finish()
  }

  /// Forgets documents by path; unknown paths are ignored.
  static func removeDocuments(_ paths: [String], in db: Database) throws {
    guard !paths.isEmpty else { return }
    let statement = try db.cachedStatement(sql: "DELETE FROM document WHERE path = ?")
    for path in paths {
      try statement.execute(arguments: [path])
    }
  }

  /// Parses a stored `YYYY-MM-DD`.
  static func calendarDate(_ text: String, path: String) throws(StoreError) -> CalendarDate {
    let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
    guard parts.count == 3,
      let year = Int(Substring(parts[0])), let month = Int(Substring(parts[1])),
      let day = Int(Substring(parts[2])),
      let date = CalendarDate(year: year, month: month, day: day)
    else {
      throw .corrupt(path: path, detail: "malformed date \"\(text)\"")
    }
    return date
  }
}
