import Foundation
import GRDB
import GRDBSQLite

/// Almanac's memory between runs: one SQLite file holding the documents seen, each year's
/// statistics, settings, "first seen" keys, published term rates and a log of runs.
///
/// Open it with ``open(path:)`` (or ``rebuild(path:)`` to start over). Reads return plain values;
/// every write is one transaction, so a process killed at any moment leaves the state of the
/// previous write. The store is safe to share between threads: GRDB's `DatabaseQueue` serializes
/// all access.
public final class StateStore: Sendable {
  /// The database file.
  public let path: String
  /// The one connection, serialized.
  let queue: DatabaseQueue

  private init(path: String, queue: DatabaseQueue) {
    self.path = path
    self.queue = queue
  }

  // MARK: Opening

  /// Opens the state database at `path`, creating it and its parent folders when missing, and
  /// brings its schema up to date.
  ///
  /// A file that is not Almanac's is inspected read-only and left byte for byte as it was.
  ///
  /// - Parameter path: The database file.
  /// - Returns: The open store, in WAL journal mode.
  /// - Throws: ``StoreError/corrupt(path:detail:)`` when the file is not a database or fails
  ///   `PRAGMA quick_check`; ``StoreError/foreign(path:)`` when it belongs to another application;
  ///   ``StoreError/newerSchema(path:)`` when a newer Almanac migrated it;
  ///   ``StoreError/sqlite(path:detail:)`` otherwise.
  public static func open(path: String) throws(StoreError) -> StateStore {
    if isFolder(path) { throw .sqlite(path: path, detail: "it is a folder, not a database file") }
    try createParentFolder(of: path)
    try requireWritable(path)
    if let size = fileSize(path), size > 0 {
      // Look before touching: a read-only connection neither writes nor checkpoints.
      try onConnectionOfItsOwn(path: path, readonly: true) { db in try inspect(db, path: path) }
    }
    return try attempt(path: path) {
      let queue = try DatabaseQueue(path: path, configuration: baseConfiguration)
      do {
        try prepare(queue, path: path)
      } catch {
        try? queue.close()
        throw error
      }
      return StateStore(path: path, queue: queue)
    }
  }

  /// Deletes the database at `path` (with its `-wal`, `-shm` and `-journal` companions) and
  /// opens a fresh one.
  ///
  /// - Parameter path: The database file; a folder there is refused, not deleted.
  /// - Returns: An empty, migrated store.
  /// - Throws: ``StoreError/sqlite(path:detail:)`` when the files cannot be removed, or any error
  ///   of ``open(path:)``.
  public static func rebuild(path: String) throws(StoreError) -> StateStore {
    if isFolder(path) { throw .sqlite(path: path, detail: "it is a folder, not a database file") }
    for file in [path, path + "-wal", path + "-shm", path + "-journal"] {
      guard FileManager.default.fileExists(atPath: file) else { continue }
      do {
        try FileManager.default.removeItem(atPath: file)
      } catch {
        throw .sqlite(path: path, detail: "cannot remove \(file): \(error.localizedDescription)")
      }
    }
    return try open(path: path)
  }

  /// Lets go of the pages SQLite keeps cached on the store's connection (up to 16 MB), as
  /// after a walk of every stored document: the connection reads them again when it needs them.
  public func releaseCache() {
    queue.releaseMemory()
  }

  /// How many bytes of cached pages the store's connection holds.
  public func cachedBytes() -> Int {
    queue.inDatabase { db in
      var used: Int32 = 0
      var highest: Int32 = 0
      sqlite3_db_status(db.sqliteConnection, SQLITE_DBSTATUS_CACHE_USED, &used, &highest, 0)
      return Int(used)
    }
  }

  /// Closes the connection; the store must not be used afterwards.
  ///
  /// - Throws: ``StoreError/sqlite(path:detail:)`` when SQLite refuses to close.
  public func close() throws(StoreError) {
    try Self.attempt(path: path) { try queue.close() }
  }

  /// Copies the pages that commits wrote to the write-ahead log into the database file, on a
  /// connection of its own, so that it can run beside reads on this store's connection.
  ///
  /// Commits leave their pages in the log (a commit does not copy them itself); this, or closing
  /// the store, moves them. Reads see committed data either way.
  ///
  /// Once they are moved, the log is emptied (SQLite's `TRUNCATE` checkpoint, which waits for
  /// readers of the log, as long as the connection's busy timeout), so that closing the store
  /// need not drop a large log: at 1 GB, deleting the 230 MB log a full run wrote took 0.11 s
  /// of the last step, on the one core still working.
  ///
  /// - Throws: ``StoreError`` when SQLite fails; the pages then stay in the log, committed.
  public func checkpoint() throws(StoreError) {
    try Self.onConnectionOfItsOwn(path: path, readonly: false) { db in
      _ = try db.checkpoint(.truncate)
    }
  }

  /// Runs `body` on a connection of its own to the database at `path`, opened for the call
  /// (read-only when `readonly`) and closed after it, outside any transaction.
  static func onConnectionOfItsOwn<T>(
    path: String, readonly: Bool, _ body: (Database) throws -> T
  ) throws(StoreError) -> T {
    try attempt(path: path) {
      var configuration = baseConfiguration
      configuration.readonly = readonly
      let connection = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? connection.close() }
      return try connection.inDatabase(body)
    }
  }

  // MARK: Opening, step by step

  private static var baseConfiguration: Configuration {
    var configuration = Configuration()
    configuration.label = "Almanac state"
    configuration.busyMode = .timeout(10)
    return configuration
  }

  /// Throws unless the database is empty and unclaimed, or Almanac's, sound and not newer.
  private static func inspect(_ db: Database, path: String) throws {
    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    if applicationID != Migrations.applicationID {
      let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
      if applicationID != 0 || objects > 0 { throw StoreError.foreign(path: path) }
      return
    }
    let report = try String.fetchAll(db, sql: "PRAGMA quick_check(3)")
    if report != ["ok"] {
      // Rows may hold several lines, headed by "*** in database main ***".
      let problems = report.flatMap { $0.split(separator: "\n") }.filter { !$0.hasPrefix("***") }
      throw StoreError.corrupt(path: path, detail: problems.prefix(3).joined(separator: "; "))
    }
    if try Migrations.migrator.hasBeenSuperseded(db) {
      throw StoreError.newerSchema(path: path)
    }
  }

  /// The page size of a new state file, SQLite's largest: most of the state is a few large term
  /// blobs, which then take a sixteenth of the pages and writes (existing files keep theirs).
  /// Measured at 1 GB: storing 6.7-7.4 s with 4 KiB pages, 4.9-6.0 s with 64 KiB; and a nightly
  /// run after 1 % new files is not slower (4.3 s before, 3.8 s after).
  static let pageSize = 65_536

  /// Claims a new database, switches to WAL and runs the migrations.
  private static func prepare(_ queue: DatabaseQueue, path: String) throws {
    try queue.inDatabase { db in
      let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
      if applicationID != Migrations.applicationID {
        // Empty when inspected (or created just now); claim it in one transaction.
        try db.execute(sql: "PRAGMA page_size = \(pageSize)")
        try db.inTransaction(.immediate) {
          let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
          if applicationID != 0 || objects > 0 { throw StoreError.foreign(path: path) }
          try db.execute(sql: "PRAGMA application_id = \(Migrations.applicationID)")
          return .commit
        }
      }
      // 16 MB of page cache: a year's terms are one large blob written straight through, so a
      // larger cache (64 MB before) only added to the peak memory of a run.
      try db.execute(sql: "PRAGMA cache_size = -16384")
      // Statement journals in memory. An insert of many rows into a table with an index keeps
      // one, and SQLite spills it to a temporary file once it passes 64 KiB, which one 64 KiB
      // page does: storing 124,042 documents wrote 447 MB to /var/tmp, 64 KiB pages over and
      // over. A journal holds the pages that existed before its statement and that it changes:
      // a few for an insert, a year's pairs (megabytes) when a year is replaced.
      try db.execute(sql: "PRAGMA temp_store = MEMORY")
      let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
      if mode?.lowercased() != "wal" {
        throw StoreError.sqlite(path: path, detail: "cannot switch to WAL (\(mode ?? "?"))")
      }
      // No checkpoint when a commit ends: a full run's commit would then copy every page it
      // wrote (300 MB at 1 GB) on the writing thread. ``checkpoint()`` does it on a connection
      // of its own, and closing the last connection does the rest.
      try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
      // A commit is not synced to the disk when it ends (in WAL mode SQLite's default, FULL,
      // syncs the log then: 145 ms on the writing thread after a full run at 1 GB), but by the
      // next ``checkpoint()``, whose connection keeps FULL and syncs the log before it copies
      // it, or by closing the store. The state stays consistent either way; a power cut before
      // then can only take back the last commits, which the next run makes again.
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      if try Migrations.migrator.hasBeenSuperseded(db) {
        throw StoreError.newerSchema(path: path)
      }
    }
    try Migrations.migrator.migrate(queue)
  }

  private static func createParentFolder(of path: String) throws(StoreError) {
    let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw .sqlite(
        path: path, detail: "cannot create folder \(parent.path): \(error.localizedDescription)")
    }
  }

  private static func isFolder(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      && isFolder.boolValue
  }

  /// Refuses a state that this process cannot write, or whose write-ahead log or its index
  /// (`-wal`, `-shm`) it cannot write, before SQLite opens it: opening a read-only state would
  /// create those companions as read-only as it, and they would stop every later run even once
  /// the state is writable again.
  static func requireWritable(_ path: String) throws(StoreError) {
    for file in [path, path + "-wal", path + "-shm"] where access(file, F_OK) == 0 {
      guard access(file, W_OK) != 0 else { continue }
      let reason = String(cString: strerror(errno))
      if file == path {
        throw .sqlite(
          path: path,
          detail: "it cannot be written (\(reason)); make it writable, or give --state another path"
        )
      }
      // The log holds committed figures; the index only what can be rebuilt from the log.
      let remedy =
        file == path + "-wal"
        ? "make it writable too"
        : "make it writable too, or delete it while no program has the state open"
      throw .sqlite(
        path: path, detail: "its companion \(file) cannot be written (\(reason)); \(remedy)")
    }
  }

  private static func fileSize(_ path: String) -> Int? {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return (attributes?[.size] as? NSNumber)?.intValue
  }

  // MARK: Errors

  /// Runs `body`, turning whatever it throws into a ``StoreError`` about `path`.
  static func attempt<T>(path: String, _ body: () throws -> T) throws(StoreError) -> T {
    do {
      return try body()
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError {
      let detail = error.message ?? "SQLite error \(error.resultCode.rawValue)"
      switch error.resultCode {
      case .SQLITE_CORRUPT, .SQLITE_NOTADB: throw .corrupt(path: path, detail: detail)
      default: throw .sqlite(path: path, detail: detail)
      }
    } catch {
      throw .sqlite(path: path, detail: String(describing: error))
    }
  }

  /// Reads in one snapshot.
  func reading<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    try Self.attempt(path: path) { try queue.read(body) }
  }

  /// Writes in one transaction: all of `body` or nothing.
  func writing<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    try Self.attempt(path: path) { try queue.write(body) }
  }
}
