import GRDB

extension StateStore {
  /// Logs the start of a run, in its own transaction.
  ///
  /// - Parameter startedAt: The start time, formatted by the caller (ISO 8601 suggested).
  /// - Returns: The run's id, for ``finishRun(id:endedAt:durationMilliseconds:added:changed:removed:rejected:exitStatus:)``.
  /// - Throws: ``StoreError`` when SQLite fails.
  public func beginRun(startedAt: String) throws(StoreError) -> Int64 {
    try writing { db in
      try db.execute(sql: "INSERT INTO run (startedAt) VALUES (?)", arguments: [startedAt])
      return db.lastInsertedRowID
    }
  }

  /// Logs the end of a run begun with ``beginRun(startedAt:)``.
  ///
  /// - Parameters:
  ///   - id: The run's id.
  ///   - endedAt: The end time, formatted like the start.
  ///   - durationMilliseconds: Wall-clock duration.
  ///   - added: Article files new since the previous run.
  ///   - changed: Article files whose contents changed.
  ///   - removed: Article files gone.
  ///   - rejected: Article files rejected.
  ///   - exitStatus: The process exit status.
  /// - Throws: ``StoreError`` when SQLite fails.
  public func finishRun(
    id: Int64, endedAt: String, durationMilliseconds: Int, added: Int, changed: Int,
    removed: Int, rejected: Int, exitStatus: Int
  ) throws(StoreError) {
    try writing { db in
      try db.execute(
        sql: """
          UPDATE run SET endedAt = ?, durationMilliseconds = ?, added = ?, changed = ?,
            removed = ?, rejected = ?, exitStatus = ?
          WHERE id = ?
          """,
        arguments: [
          endedAt, durationMilliseconds, added, changed, removed, rejected, exitStatus, id,
        ])
    }
  }

  /// The most recent runs, newest first.
  ///
  /// - Parameter limit: How many at most.
  /// - Returns: The runs, unfinished ones included.
  /// - Throws: ``StoreError`` when the database cannot be read.
  public func runs(limit: Int) throws(StoreError) -> [RunRecord] {
    try reading { db in
      var runs: [RunRecord] = []
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT id, startedAt, endedAt, durationMilliseconds, added, changed, removed, rejected,
            exitStatus
          FROM run ORDER BY id DESC LIMIT ?
          """,
        arguments: [max(0, limit)])
      while let row = try rows.next() {
        runs.append(
          RunRecord(
            id: row[0], startedAt: row[1], endedAt: row[2], durationMilliseconds: row[3],
            added: row[4], changed: row[5], removed: row[6], rejected: row[7],
            exitStatus: row[8]))
      }
      return runs
    }
  }
}
