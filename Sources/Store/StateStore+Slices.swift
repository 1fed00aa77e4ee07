public import Analysis
import Corpus
import Foundation
import GRDB

extension StateStore {
  /// Every year's statistics, sorted by year.
  ///
  /// Terms come in the order they were stored, organizations by id, pairs by `a` then `b`.
  ///
  /// - Returns: One slice per stored year.
  /// - Throws: ``StoreError`` when the database cannot be read.
  public func slices() throws(StoreError) -> [YearSlice] {
    try validated(
      reading { db in
        let years = try Int.fetchAll(db, sql: "SELECT year FROM yearTotal ORDER BY year")
        return try years.compactMap { year in
          try Self.slice(year: year, in: db, path: path, latest: true)
        }
      })
  }

  /// The statistics of some years, sorted by year; years not stored are skipped.
  ///
  /// - Parameters:
  ///   - years: The years wanted.
  ///   - checkedBefore: What checking some years' terms found earlier while this store was held
  ///     (see ``terms(year:checkedBefore:)``).
  ///   - latest: Whether to read each organization's latest documents
  ///     (``Analysis/YearSlice/Organization/latest``); without them they are empty, and
  ///     ``latestDocuments(_:)`` reads those of a few organizations.
  /// - Returns: One slice per wanted year that is stored.
  /// - Throws: ``StoreError`` when the database cannot be read.
  public func slices(
    years: Set<Int>, checkedBefore: [Int: TermBlob.Checked] = [:], latest: Bool = true
  ) throws(StoreError) -> [YearSlice] {
    try validated(
      reading { db in
        try years.sorted().compactMap { year in
          try Self.slice(year: year, in: db, path: path, latest: latest)
        }
      }, checkedBefore: checkedBefore)
  }

  /// The latest documents naming each organization of `wanted` (ids by year), as stored with
  /// the year (``Analysis/YearSlice/Organization/latest``): what a report reads for the lines of
  /// the organizations it shows rising and falling, without the rest of the years'.
  ///
  /// - Returns: By year, then id, the documents of those wanted that have any.
  /// - Throws: ``StoreError`` when the database cannot be read.
  public func latestDocuments(_ wanted: [Int: Set<String>]) throws(StoreError)
    -> [Int: [String: LatestDocuments]]
  {
    try reading { db in
      let statement = try db.cachedStatement(
        sql: """
          SELECT date, digest, path FROM yearOrganizationDocument
          WHERE year = ? AND id = ? ORDER BY rank
          """)
      var found: [Int: [String: LatestDocuments]] = [:]
      for (year, ids) in wanted {
        for id in ids {
          let documents = try Row.fetchAll(statement, arguments: [year, id]).map { row in
            LatestDocuments.Document(
              date: try Self.calendarDate(row[0], path: path),
              digest: UInt64(bitPattern: row[1] as Int64), path: row[2])
          }
          if !documents.isEmpty { found[year, default: [:]][id] = LatestDocuments(documents) }
        }
      }
      return found
    }
  }

  /// The years that have statistics, ascending.
  ///
  /// - Throws: ``StoreError`` when the database cannot be read.
  public func years() throws(StoreError) -> [Int] {
    try reading { db in try Int.fetchAll(db, sql: "SELECT year FROM yearTotal ORDER BY year") }
  }

  /// The packed terms of `year`, or nil when the year is not stored; the organizations and pairs
  /// of the year are not read.
  ///
  /// - Parameter checkedBefore: What checking the same year's terms found earlier while this
  ///   store was held (see ``Analysis/TermBlob/init(bytes:checkedBefore:)``): bytes of that
  ///   length are not checked again.
  /// - Throws: ``StoreError`` when the database cannot be read or the terms are damaged.
  public func terms(year: Int, checkedBefore: TermBlob.Checked? = nil) throws(StoreError)
    -> TermBlob?
  {
    let read = try reading { db -> (stored: Bool, bytes: [UInt8]?) in
      guard
        try Bool.fetchOne(db, sql: "SELECT 1 FROM yearTotal WHERE year = ?", arguments: [year])
          != nil
      else { return (false, nil) }
      return (true, try Self.termBytes(year: year, in: db))
    }
    guard read.stored else { return nil }
    guard let bytes = read.bytes else { return TermBlob([]) }
    if let checkedBefore, let blob = TermBlob(bytes: bytes, checkedBefore: checkedBefore) {
      return blob
    }
    do { return try TermBlob(validating: bytes) } catch {
      throw .corrupt(path: path, detail: "year \(year): \(error)")
    }
  }

  /// The size in bytes of each stored year's packed terms (SQLite reads it without the blob).
  ///
  /// - Throws: ``StoreError`` when the database cannot be read.
  public func termBytes() throws(StoreError) -> [Int: Int] {
    try reading { db in
      var sizes: [Int: Int] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT year, length(terms) FROM yearTerm") {
        sizes[row[0]] = row[1]
      }
      return sizes
    }
  }

  // MARK: Reading one year

  /// The slices with their terms checked, once read: the check walks every byte of the terms,
  /// so it is done after the one connection is free again, and threads reading different years
  /// check them at the same time.
  private func validated(
    _ read: [(slice: YearSlice, terms: [UInt8]?)], checkedBefore: [Int: TermBlob.Checked] = [:]
  ) throws(StoreError) -> [YearSlice] {
    var slices: [YearSlice] = []
    slices.reserveCapacity(read.count)
    for (slice, bytes) in read {
      var slice = slice
      if let bytes {
        if let checked = checkedBefore[slice.year],
          let blob = TermBlob(bytes: bytes, checkedBefore: checked)
        {
          slice.packedTerms = blob
          slices.append(slice)
          continue
        }
        do { slice.packedTerms = try TermBlob(validating: bytes) } catch {
          throw .corrupt(path: path, detail: "year \(slice.year): \(error)")
        }
      }
      slices.append(slice)
    }
    return slices
  }

  /// The stored bytes of `year`'s terms, not checked yet, or nil when none are stored.
  private static func termBytes(year: Int, in db: Database) throws -> [UInt8]? {
    // The blob is copied once, straight from SQLite's buffer (no `Data` copy in between).
    let rows = try Row.fetchCursor(
      db.cachedStatement(sql: "SELECT terms FROM yearTerm WHERE year = ?"), arguments: [year])
    return try rows.next().flatMap { row in
      try row.withUnsafeData(atIndex: 0, { $0.map(Array.init) })
    }
  }

  /// The stored figures of `year` with empty terms, and the stored bytes of its terms, not
  /// checked yet (nil when none are stored).
  private static func slice(year: Int, in db: Database, path: String, latest wanted: Bool) throws
    -> (slice: YearSlice, terms: [UInt8]?)?
  {
    let totals = try db.cachedStatement(
      sql: """
        SELECT documents, repairedDocuments, tokens, organizationMentions, firstDate, lastDate
        FROM yearTotal WHERE year = ?
        """)
    guard let total = try Row.fetchOne(totals, arguments: [year]) else { return nil }

    let terms = try termBytes(year: year, in: db)

    var aliases: [String: [String: Int]] = [:]
    let aliasRows = try Row.fetchCursor(
      db.cachedStatement(
        sql: "SELECT organizationId, text, count FROM yearAlias WHERE year = ?"),
      arguments: [year])
    while let row = try aliasRows.next() {
      aliases[row[0], default: [:]][row[1]] = row[2] as Int
    }

    var latest: [String: [LatestDocuments.Document]] = [:]
    if wanted {
      let latestRows = try Row.fetchCursor(
        db.cachedStatement(
          sql: """
            SELECT id, date, digest, path FROM yearOrganizationDocument
            WHERE year = ? ORDER BY id, rank
            """),
        arguments: [year])
      while let row = try latestRows.next() {
        latest[row[0], default: []].append(
          LatestDocuments.Document(
            date: try calendarDate(row[1], path: path),
            digest: UInt64(bitPattern: row[2] as Int64), path: row[3]))
      }
    }

    var organizations: [YearSlice.Organization] = []
    let organizationRows = try Row.fetchCursor(
      db.cachedStatement(
        sql: """
          SELECT id, registryName, registered, count, documents
          FROM yearOrganization WHERE year = ? ORDER BY id
          """),
      arguments: [year])
    while let row = try organizationRows.next() {
      let id: String = row[0]
      organizations.append(
        YearSlice.Organization(
          id: id, registryName: row[1], registered: row[2], count: row[3], documents: row[4],
          aliases: aliases[id] ?? [:], latest: LatestDocuments(latest[id] ?? [])))
    }

    var pairs: [YearSlice.Pair] = []
    let pairRows = try Row.fetchCursor(
      db.cachedStatement(
        sql: "SELECT a, b, documents FROM yearPair WHERE year = ? ORDER BY a, b"),
      arguments: [year])
    while let row = try pairRows.next() {
      pairs.append(YearSlice.Pair(a: row[0], b: row[1], documents: row[2]))
    }

    let slice = YearSlice(
      year: year, documents: total[0], repairedDocuments: total[1], tokens: total[2],
      organizationMentions: total[3], firstDate: try calendarDate(total[4], path: path),
      lastDate: try calendarDate(total[5], path: path), packedTerms: TermBlob([]),
      organizations: organizations, pairs: pairs)
    return (slice, terms)
  }
}
