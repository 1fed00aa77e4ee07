public import Analysis
import GRDB
public import ReportModel

extension StateStore {
  /// The evidence lines of the last published report, by target, each target's lines in rank
  /// order.
  ///
  /// - Throws: ``StoreError`` when the database cannot be read or a row is malformed.
  public func evidence() throws(StoreError) -> [EvidenceFinder.Target: [Evidence]] {
    let path = self.path
    return try reading { db in
      var result: [EvidenceFinder.Target: [Evidence]] = [:]
      let rows = try Row.fetchCursor(
        db.cachedStatement(
          sql: """
            SELECT kind, text, other, n, year, path, date, offset, segments FROM evidenceLine
            ORDER BY kind, text, other, n, year, rank
            """))
      while let row = try rows.next() {
        let kind: String = row[0]
        let target: EvidenceFinder.Target
        switch kind {
        case "term": target = .term(text: row[1], n: row[3], year: row[4])
        case "pair": target = .pair(a: row[1], b: row[2])
        case "organization": target = .organization(id: row[1], year: row[4])
        default:
          throw StoreError.corrupt(path: path, detail: "evidence of an unknown kind '\(kind)'")
        }
        result[target, default: []].append(
          Evidence(path: row[5], date: row[6], offset: row[7], segments: Self.segments(row[8])))
      }
      return result
    }
  }

  /// The setting that says which ``Analysis/KeywordInContext/version`` cut the stored lines.
  static let evidenceVersionSetting = "evidenceVersion"

  /// The ``Analysis/KeywordInContext/version`` that cut the stored evidence lines; nil when
  /// the run that stored them did not say (before 2026-12-06).
  ///
  /// - Throws: ``StoreError`` when the database cannot be read.
  public func evidenceVersion() throws(StoreError) -> String? {
    try setting(Self.evidenceVersionSetting)
  }

  /// Replaces every stored evidence line with `evidence`, cut by `version` of
  /// ``Analysis/KeywordInContext``, in one transaction.
  ///
  /// - Throws: ``StoreError`` when SQLite fails; nothing is replaced then.
  public func replaceEvidence(
    _ evidence: [EvidenceFinder.Target: [Evidence]], version: String = KeywordInContext.version
  ) throws(StoreError) {
    try writing { db in
      try db.execute(sql: "DELETE FROM evidenceLine")
      try db.execute(
        sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
        arguments: [Self.evidenceVersionSetting, version])
      var batch = try BatchInsert(
        db, table: "evidenceLine",
        columns: [
          "kind", "text", "other", "n", "year", "rank", "path", "date", "offset", "segments",
        ])
      for (target, lines) in evidence {
        for (rank, line) in lines.enumerated() {
          switch target {
          case .term(let text, let n, let year):
            batch.add("term")
            batch.add(text)
            batch.add("")
            batch.add(n)
            batch.add(year)
          case .pair(let a, let b):
            batch.add("pair")
            batch.add(a)
            batch.add(b)
            batch.add(0)
            batch.add(0)
          case .organization(let id, let year):
            batch.add("organization")
            batch.add(id)
            batch.add("")
            batch.add(0)
            batch.add(year)
          }
          batch.add(rank)
          batch.add(line.path)
          batch.add(line.date)
          batch.add(line.offset)
          batch.add(Self.encode(line.segments))
          try batch.endRow()
        }
      }
      try batch.finish()
    }
  }

  /// Deletes the evidence lines that new figures for `years` (every year with `allYears`) make
  /// stale: those of terms and organizations in those years, and every pair's (a pair's lines
  /// come from any year).
  ///
  /// A run replaces the lines once its report is published (``replaceEvidence(_:)``); one that
  /// stores its figures and then fails leaves them, and the next run, which finds nothing
  /// changed since those figures, would keep lines quoting what the files held before. Deleted
  /// with the figures, in their transaction, they are read again instead.
  static func deleteEvidence(ofYears years: Set<Int>, allYears: Bool, in db: Database) throws {
    if allYears {
      try db.execute(sql: "DELETE FROM evidenceLine")
      return
    }
    guard !years.isEmpty else { return }
    try db.execute(sql: "DELETE FROM evidenceLine WHERE kind = 'pair'")
    let statement = try db.cachedStatement(
      sql: "DELETE FROM evidenceLine WHERE kind IN ('term', 'organization') AND year = ?")
    for year in years.sorted() { try statement.execute(arguments: [year]) }
  }

  /// Segments joined by U+0001, context first: context, hit, context, hit, …, context.
  static func encode(_ segments: [KeywordInContext.Segment]) -> String {
    segments.map(\.text).joined(separator: "\u{1}")
  }

  static func segments(_ text: String) -> [KeywordInContext.Segment] {
    text.split(separator: "\u{1}", omittingEmptySubsequences: false).enumerated().map {
      KeywordInContext.Segment(text: String($0.element), isHit: $0.offset % 2 == 1)
    }
  }
}
