public import Corpus
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
    var documents: [StoredDocument] = []
    try forEachDocument(accepted: accepted) { documents.append($0) }
    return documents
  }

  /// The same documents as ``documents(accepted:)``, in the same order, each handed to `body`
  /// as it is read, so that a caller keeping them in a form of its own (a table by path) never
  /// holds them twice: at 1 GB, 248,091 records.
  ///
  /// - Throws: ``StoreError`` when the database cannot be read or holds a malformed date.
  public func forEachDocument(accepted: Bool? = nil, _ body: (StoredDocument) -> Void)
    throws(StoreError)
  {
    let path = self.path
    try reading { db in
      let statement = try db.cachedStatement(
        sql: """
          SELECT path, size, modified, hash, date, accepted, reason, repaired
          FROM document WHERE ? IS NULL OR accepted = ? ORDER BY path
          """)
      let rows = try Row.fetchCursor(statement, arguments: [accepted, accepted])
      while let row = try rows.next() {
        let date: CalendarDate?
        if let text: String = row[4] {
          date = try Self.calendarDate(text, path: path)
        } else {
          date = nil
        }
        body(
          StoredDocument(
            path: row[0], size: row[1], modified: row[2], hash: row[3], date: date,
            accepted: row[5], reason: row[6], repaired: row[7]))
      }
    }
  }

  /// The path and date of every accepted document, sorted by path (bytewise): what reading the
  /// corpus again for evidence needs, without decoding the rest of each record (at 1 GB,
  /// 248,091 documents: 0.62 s as whole records).
  ///
  /// - Parameter ownConnection: Read on a read-only connection of its own, opened for the call,
  ///   so that it runs beside other reads of this store (which share one connection) instead
  ///   of after them; it sees what was last committed, as they do.
  /// - Throws: ``StoreError`` when the database cannot be read or holds a malformed date.
  public func acceptedDates(onConnectionOfItsOwn ownConnection: Bool = false) throws(StoreError)
    -> [(path: String, date: CalendarDate)]
  {
    var documents: [(path: String, date: CalendarDate)] = []
    try forEachAcceptedDate(onConnectionOfItsOwn: ownConnection) { documents.append(($0, $1)) }
    return documents
  }

  /// Hands `body` the path and date of every accepted document, sorted by path (bytewise), one
  /// at a time: ``acceptedDates(onConnectionOfItsOwn:)`` without the list.
  ///
  /// - Throws: ``StoreError`` when the database cannot be read or holds a malformed date.
  public func forEachAcceptedDate(
    onConnectionOfItsOwn ownConnection: Bool = false,
    _ body: (_ path: String, _ date: CalendarDate) -> Void
  ) throws(StoreError) {
    let path = self.path
    let fetch = { (db: Database) throws in
      let statement = try db.cachedStatement(
        sql: "SELECT path, date FROM document WHERE accepted ORDER BY path")
      let rows = try Row.fetchCursor(statement)
      while let row = try rows.next() {
        // An accepted document always has its date.
        guard let text: String = row[1] else {
          throw StoreError.corrupt(path: path, detail: "an accepted document without a date")
        }
        body(row[0], try Self.calendarDate(text, path: path))
      }
    }
    guard ownConnection else { return try reading(fetch) }
    try Self.onConnectionOfItsOwn(path: path, readonly: true, fetch)
  }

  /// How many accepted documents the state holds.
  ///
  /// - Throws: ``StoreError`` when the database cannot be read.
  public func acceptedDocumentCount() throws(StoreError) -> Int {
    try reading { db in
      try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM document WHERE accepted"))
        ?? 0
    }
  }

  /// The setting that holds ``knownCopies()``.
  static let copiesSetting = "copies"

  /// How many accepted documents are copies of another, as the last commit that set it
  /// (``StateChange/copies``) found; nil when never set, or when a later commit upserted or
  /// removed documents.
  ///
  /// - Throws: ``StoreError`` when the database cannot be read or the value is not a number.
  public func knownCopies() throws(StoreError) -> Int? {
    guard let text = try setting(Self.copiesSetting) else { return nil }
    guard let copies = Int(text), copies >= 0 else {
      throw .corrupt(path: path, detail: "the number of copies is \"\(text)\"")
    }
    return copies
  }

  /// The accepted documents whose content hash another accepted document has too, with that
  /// hash, in byte order of their paths: the copies of an article saved more than once, and the
  /// first of each (``ReportModel``'s `DuplicateFile.listed` tells them apart).
  ///
  /// When the state knows it holds no copy (``knownCopies()`` is 0), nothing is read.
  public func documentsSharingTheirBytes() throws(StoreError) -> [(path: String, digest: String)] {
    if try knownCopies() == 0 { return [] }
    // Two walks of the documents in the order they are stored, keeping 8 bytes of each: the
    // first finds the digests that repeat (usually none), the second the documents that have
    // them: 53-63 ms at 1 GB, where SQLite's `GROUP BY hash` took 0.14 s.
    return try reading { db in
      let digests = try db.cachedStatement(sql: "SELECT hash FROM document WHERE accepted")
      var seen = Set<UInt64>()
      var repeated = Set<UInt64>()
      let rows = try Row.fetchCursor(digests)
      while let row = try rows.next() {
        let hash: String = row[0]
        // A stored hash Almanac did not write is no one's copy.
        guard let digest = ContentHash.value(hex: hash) else { continue }
        if !seen.insert(digest).inserted { repeated.insert(digest) }
      }
      guard !repeated.isEmpty else { return [] }
      seen = []
      let documents = try db.cachedStatement(
        sql: "SELECT path, hash FROM document WHERE accepted ORDER BY path")
      var sharing: [(path: String, digest: String)] = []
      let all = try Row.fetchCursor(documents)
      while let row = try all.next() {
        let hash: String = row[1]
        if let digest = ContentHash.value(hex: hash), repeated.contains(digest) {
          sharing.append((row[0], hash))
        }
      }
      return sharing
    }
  }

  /// Writes documents, replacing any with the same path: the source's, then `documents` (so a
  /// path in both is written as `documents` has it).
  static func upsert(
    _ documents: [StoredDocument], after source: StateChange.DocumentSource? = nil,
    in db: Database
  ) throws {
    guard !documents.isEmpty || source != nil else { return }
    var batch = try BatchInsert(
      db, table: "document",
      columns: [
        "path", "size", "modified", "hash", "year", "date", "accepted", "reason", "repaired",
      ],
      conflict: .replace)
    func add(_ document: StoredDocument) throws {
      batch.add(document.path)
      batch.add(document.size)
      batch.add(document.modified)
      batch.add(document.contentHash)
      batch.add(document.year)
      batch.add(document.date)
      batch.add(document.accepted)
      batch.add(document.reason)
      batch.add(document.repaired)
      try batch.endRow()
    }
    try source?.forEach(add)
    for document in documents { try add(document) }
    try batch.finish()
  }

  /// Sets the size and modification time of stored documents; unknown paths are ignored.
  /// Those of `source` go first, as ``upsert(_:after:in:)`` does.
  static func touch(
    _ documents: [TouchedDocument], after source: StateChange.TouchSource? = nil,
    in db: Database
  ) throws {
    guard !documents.isEmpty || (source?.count ?? 0) > 0 else { return }
    let statement = try db.cachedStatement(
      sql: "UPDATE document SET size = ?, modified = ? WHERE path = ?")
    func touch(_ document: TouchedDocument) throws {
      try statement.execute(arguments: [document.size, document.modified, document.path])
    }
    try source?.forEach(touch)
    for document in documents { try touch(document) }
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
    // The form every stored date has, read straight from its bytes.
    var text = text
    let quick = text.withUTF8 { bytes -> CalendarDate? in
      guard bytes.count == 10, let fields = CalendarDate.fields(ofISO: bytes) else { return nil }
      return CalendarDate(year: fields.year, month: fields.month, day: fields.day)
    }
    if let quick { return quick }
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
