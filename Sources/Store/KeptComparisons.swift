import GRDB
public import ReportModel

/// The comparisons of consecutive years that the last published report listed, kept so that
/// the next report need not work out again those of years whose figures did not change (at
/// 1 GB a third of the CPU time of building a report from the state).
///
/// They are replaced as a whole by the commit of a published report (``StateChange/comparisons``)
/// and those of a year go with its figures, in the commit that replaces them, whether the year
/// is compared or the one compared with (``StateStore/deleteComparisons(ofYears:allYears:in:)``).
/// A comparison is kept with the number of trend terms it lists and the version of the method
/// (``ReportModel/ReportBuilder/comparisonVersion``): one made otherwise is not used.
public struct KeptComparisons: Sendable, Equatable {
  /// How many rising and how many falling terms each comparison lists at most.
  public var trendTerms: Int
  /// ``ReportModel/ReportBuilder/comparisonVersion`` of the comparisons.
  public var version: String
  /// The comparisons; their terms' evidence lines are not kept (see ``StateStore/evidence()``).
  public var comparisons: [TrendComparison]

  /// Comparisons made with `trendTerms` by `version` of the method.
  public init(trendTerms: Int, version: String, comparisons: [TrendComparison]) {
    self.trendTerms = trendTerms
    self.version = version
    self.comparisons = comparisons
  }
}

extension StateStore {
  /// The kept comparisons made with `trendTerms` by `version` of the method, by year.
  ///
  /// - Throws: ``StoreError`` when the database cannot be read or a row is malformed.
  public func comparisons(trendTerms: Int, version: String) throws(StoreError) -> [TrendComparison]
  {
    let path = self.path
    return try reading { db in
      var comparisons: [TrendComparison] = []
      var index: [Int: Int] = [:]
      let arguments: StatementArguments = [trendTerms, version]
      let frames = try Row.fetchCursor(
        db.cachedStatement(
          sql: """
            SELECT year, reference, tokens, referenceTokens FROM yearComparison
            WHERE trendTerms = ? AND version = ? ORDER BY year, reference
            """), arguments: arguments)
      while let row = try frames.next() {
        index[row[0]] = comparisons.count
        comparisons.append(
          TrendComparison(
            year: row[0], reference: row[1], tokens: row[2], referenceTokens: row[3], rising: [],
            falling: []))
      }
      let terms = try Row.fetchCursor(
        db.cachedStatement(
          sql: """
            SELECT year, reference, direction, text, n, count, referenceCount, logLikelihood,
              logRatio
            FROM trendTerm WHERE trendTerms = ? AND version = ?
            ORDER BY year, reference, direction, rank
            """), arguments: arguments)
      while let row = try terms.next() {
        let (year, reference): (Int, Int) = (row[0], row[1])
        let name: String = row[2]
        guard let position = index[year], comparisons[position].reference == reference,
          let direction = TrendTerm.Direction(rawValue: name)
        else {
          throw StoreError.corrupt(
            path: path,
            detail: "a trend term of \(year) against \(reference) without its comparison")
        }
        let term = TrendTerm(
          text: row[3], n: row[4], direction: direction, count: row[5], referenceCount: row[6],
          logLikelihood: row[7], logRatio: row[8])
        if direction == .rising {
          comparisons[position].rising.append(term)
        } else {
          comparisons[position].falling.append(term)
        }
      }
      return comparisons
    }
  }

  /// Replaces every kept comparison with `kept`.
  static func replaceComparisons(with kept: KeptComparisons, in db: Database) throws {
    try db.execute(sql: "DELETE FROM yearComparison")
    try db.execute(sql: "DELETE FROM trendTerm")
    var frames = try BatchInsert(
      db, table: "yearComparison",
      columns: ["year", "reference", "trendTerms", "version", "tokens", "referenceTokens"])
    var terms = try BatchInsert(
      db, table: "trendTerm",
      columns: [
        "year", "reference", "trendTerms", "version", "direction", "rank", "text", "n", "count",
        "referenceCount", "logLikelihood", "logRatio",
      ])
    for comparison in kept.comparisons {
      frames.add(comparison.year)
      frames.add(comparison.reference)
      frames.add(kept.trendTerms)
      frames.add(kept.version)
      frames.add(comparison.tokens)
      frames.add(comparison.referenceTokens)
      try frames.endRow()
      for list in [comparison.rising, comparison.falling] {
        for (rank, term) in list.enumerated() {
          terms.add(comparison.year)
          terms.add(comparison.reference)
          terms.add(kept.trendTerms)
          terms.add(kept.version)
          terms.add(term.direction.rawValue)
          terms.add(rank)
          terms.add(term.text)
          terms.add(term.n)
          terms.add(term.count)
          terms.add(term.referenceCount)
          terms.add(term.logLikelihood)
          terms.add(term.logRatio)
          try terms.endRow()
        }
      }
    }
    try frames.finish()
    try terms.finish()
  }

  /// Deletes the kept comparisons that new figures for `years` (every year with `allYears`)
  /// make stale: those of each of those years, and those that compare a year with one of them.
  static func deleteComparisons(ofYears years: Set<Int>, allYears: Bool, in db: Database) throws {
    for table in ["yearComparison", "trendTerm"] {
      if allYears {
        try db.execute(sql: "DELETE FROM \(table)")
        continue
      }
      let statement = try db.cachedStatement(
        sql: "DELETE FROM \(table) WHERE year = ? OR reference = ?")
      for year in years.sorted() { try statement.execute(arguments: [year, year]) }
    }
  }
}
