import GRDB

/// The documents that changed since the last published report: what a report's "since the
/// last run" section lists as new and removed.
///
/// Each commit that stores a run's figures adds that run's changes (``StateChange/unreported``)
/// and the commit of a published report clears them (``StateChange/reported``), so a run that
/// stored its figures and then failed to publish leaves its changes for the next report, which
/// would otherwise find nothing new since those figures and list nothing.
public struct UnreportedChanges: Sendable, Equatable {
  /// Accepted documents added or changed, per year of their date.
  public var newDocumentsPerYear: [Int: Int]
  /// Documents gone from the corpus.
  public var removedDocuments: Int

  /// Changes of `newDocumentsPerYear` and `removedDocuments`; none by default.
  public init(newDocumentsPerYear: [Int: Int] = [:], removedDocuments: Int = 0) {
    self.newDocumentsPerYear = newDocumentsPerYear
    self.removedDocuments = removedDocuments
  }

  /// Whether nothing changed.
  public var isEmpty: Bool {
    newDocumentsPerYear.values.allSatisfy { $0 == 0 } && removedDocuments == 0
  }

  /// The `unreportedChange` row kind of new documents (one row per year).
  static let newKind = "new"
  /// The `unreportedChange` row kind of removed documents (one row, year 0).
  static let removedKind = "removed"
}

extension StateStore {
  /// The changes stored since the last published report.
  ///
  /// - Throws: ``StoreError`` when the database cannot be read.
  public func unreportedChanges() throws(StoreError) -> UnreportedChanges {
    try reading { db in
      var changes = UnreportedChanges()
      let rows = try Row.fetchCursor(
        db.cachedStatement(sql: "SELECT kind, year, documents FROM unreportedChange"))
      while let row = try rows.next() {
        let kind: String = row[0]
        let documents: Int = row[2]
        if kind == UnreportedChanges.removedKind {
          changes.removedDocuments += documents
        } else {
          changes.newDocumentsPerYear[row[1], default: 0] += documents
        }
      }
      return changes
    }
  }

  /// Adds `changes` to those stored.
  static func add(_ changes: UnreportedChanges, in db: Database) throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO unreportedChange (kind, year, documents) VALUES (?, ?, ?)
        ON CONFLICT (kind, year) DO UPDATE SET documents = documents + excluded.documents
        """)
    for (year, documents) in changes.newDocumentsPerYear.sorted(by: { $0.key < $1.key })
    where documents != 0 {
      try statement.execute(arguments: [UnreportedChanges.newKind, year, documents])
    }
    if changes.removedDocuments != 0 {
      try statement.execute(
        arguments: [UnreportedChanges.removedKind, 0, changes.removedDocuments])
    }
  }

  /// Forgets the stored changes: a report has shown them.
  static func clearUnreportedChanges(in db: Database) throws {
    try db.execute(sql: "DELETE FROM unreportedChange")
  }
}
