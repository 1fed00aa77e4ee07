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
  /// Accepted files added or changed that hold the same bytes as another document: copies,
  /// which change no figure, and are not among ``newDocumentsPerYear``.
  public var addedCopies: Int
  /// Copies removed: documents gone whose bytes another document holds, not among
  /// ``removedDocuments``.
  public var removedCopies: Int

  /// Changes of `newDocumentsPerYear`, `removedDocuments` and the copies; none by default.
  public init(
    newDocumentsPerYear: [Int: Int] = [:], removedDocuments: Int = 0, addedCopies: Int = 0,
    removedCopies: Int = 0
  ) {
    self.newDocumentsPerYear = newDocumentsPerYear
    self.removedDocuments = removedDocuments
    self.addedCopies = addedCopies
    self.removedCopies = removedCopies
  }

  /// Whether nothing changed.
  public var isEmpty: Bool {
    newDocumentsPerYear.values.allSatisfy { $0 == 0 } && removedDocuments == 0
      && addedCopies == 0 && removedCopies == 0
  }

  /// The `unreportedChange` row kind of new documents (one row per year).
  static let newKind = "new"
  /// The `unreportedChange` row kind of removed documents (one row, year 0).
  static let removedKind = "removed"
  /// The `unreportedChange` row kind of copies added (one row, year 0).
  static let addedCopiesKind = "addedCopies"
  /// The `unreportedChange` row kind of copies removed (one row, year 0).
  static let removedCopiesKind = "removedCopies"
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
        switch kind {
        case UnreportedChanges.removedKind: changes.removedDocuments += documents
        case UnreportedChanges.addedCopiesKind: changes.addedCopies += documents
        case UnreportedChanges.removedCopiesKind: changes.removedCopies += documents
        default: changes.newDocumentsPerYear[row[1], default: 0] += documents
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
    for (kind, documents) in [
      (UnreportedChanges.removedKind, changes.removedDocuments),
      (UnreportedChanges.addedCopiesKind, changes.addedCopies),
      (UnreportedChanges.removedCopiesKind, changes.removedCopies),
    ] where documents != 0 {
      try statement.execute(arguments: [kind, 0, documents])
    }
  }

  /// Forgets the stored changes: a report has shown them.
  static func clearUnreportedChanges(in db: Database) throws {
    try db.execute(sql: "DELETE FROM unreportedChange")
  }
}
