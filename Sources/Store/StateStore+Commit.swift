import Analysis
import GRDB

extension StateStore {
  /// Applies a change in one transaction: all of it, or nothing when anything fails.
  ///
  /// Documents are removed, then touched, then upserted (the source's before the array's); years deleted before slices are inserted,
  /// with the evidence lines and comparisons they make stale
  /// (``deleteEvidence(ofYears:allYears:in:)``, ``deleteComparisons(ofYears:allYears:in:)``),
  /// published term rates and kept comparisons replaced only when the change carries some, and
  /// the changes not yet reported cleared (``StateChange/reported``) before the change's own are
  /// added.
  ///
  /// - Parameter change: What to write; its document records are let go as soon as they are
  ///   written, so a caller that hands over its only copy frees them before the years are.
  /// - Throws: ``StoreError/invalidChange(path:detail:)`` before writing anything when a slice's
  ///   year is not replaced (in `replaceYears`, or all by `replaceAllYears`) or is sliced twice;
  ///   any other ``StoreError`` when SQLite fails, in which case the transaction is rolled back.
  public func commit(_ change: consuming StateChange) throws(StoreError) {
    try validate(change)
    if change.isEmpty { return }
    // Touching a document changes neither its bytes nor whether it is accepted.
    let documentsChanged = change.upsertsDocuments || !change.removeDocuments.isEmpty
    try writing { db in
      try Self.removeDocuments(change.removeDocuments, in: db)
      try Self.touch(change.touchDocuments, after: change.touchSource, in: db)
      try Self.upsert(change.upsertDocuments, after: change.documentSource, in: db)
      // Written: the records go before the years are written, when this is the only copy.
      change.upsertDocuments = []
      change.documentSource = nil
      change.touchDocuments = []
      change.touchSource = nil
      if change.replaceAllYears {
        try Self.deleteAllYears(in: db)
      } else {
        try Self.deleteYears(change.replaceYears, in: db)
      }
      try Self.deleteEvidence(
        ofYears: change.replaceYears, allYears: change.replaceAllYears, in: db)
      try Self.deleteComparisons(
        ofYears: change.replaceYears, allYears: change.replaceAllYears, in: db)
      for slice in change.slices {
        try Self.insert(slice, in: db)
      }
      if let source = change.sliceSource {
        for year in source.years { try Self.insert(source.make(year), in: db) }
      }
      try Self.write(settings: change.settings, in: db)
      if let copies = change.copies {
        try Self.write(settings: [Self.copiesSetting: String(copies)], in: db)
      } else if documentsChanged {
        try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [Self.copiesSetting])
      }
      try Self.markSeen(change.seen, in: db)
      if let terms = change.publishedTerms {
        try Self.replacePublishedTerms(terms, in: db)
      }
      if let kept = change.comparisons { try Self.replaceComparisons(with: kept, in: db) }
      if change.reported { try Self.clearUnreportedChanges(in: db) }
      try Self.add(change.unreported, in: db)
    }
  }

  private func validate(_ change: StateChange) throws(StoreError) {
    var sliced: Set<Int> = []
    for year in change.slicedYears {
      guard change.replaceAllYears || change.replaceYears.contains(year) else {
        throw .invalidChange(path: path, detail: "a slice of \(year) without replacing \(year)")
      }
      guard sliced.insert(year).inserted else {
        throw .invalidChange(path: path, detail: "two slices of \(year)")
      }
    }
  }

  // MARK: Small tables

  private static func write(settings: [String: String], in db: Database) throws {
    guard !settings.isEmpty else { return }
    let statement = try db.cachedStatement(
      sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)")
    for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
      try statement.execute(arguments: [key, value])
    }
  }

  private static func markSeen(_ seen: [(kind: String, key: String)], in db: Database) throws {
    guard !seen.isEmpty else { return }
    var batch = try BatchInsert(db, table: "seen", columns: ["kind", "key"], conflict: .ignore)
    for entry in seen {
      batch.add(entry.kind)
      batch.add(entry.key)
      try batch.endRow()
    }
    try batch.finish()
  }

  private static func replacePublishedTerms(_ terms: [PublishedTerm], in db: Database) throws {
    try db.execute(sql: "DELETE FROM publishedTerm")
    var batch = try BatchInsert(
      db, table: "publishedTerm", columns: ["n", "text", "perTenThousand"])
    for term in terms {
      batch.add(term.n)
      batch.add(term.text)
      batch.add(term.perTenThousand)
      try batch.endRow()
    }
    try batch.finish()
  }
}
