import GRDB

extension StateStore {
  /// A stored setting.
  ///
  /// - Parameter key: The setting's name.
  /// - Returns: Its value, nil when never set.
  /// - Throws: ``StoreError`` when the database cannot be read.
  public func setting(_ key: String) throws(StoreError) -> String? {
    try reading { db in
      try String.fetchOne(
        db.cachedStatement(sql: "SELECT value FROM setting WHERE key = ?"), arguments: [key])
    }
  }

  /// Every key of a kind marked as seen by an earlier commit.
  ///
  /// - Parameter kind: `organization`, `pair`, or any other kind a caller uses.
  /// - Returns: The keys.
  /// - Throws: ``StoreError`` when the database cannot be read.
  public func seen(kind: String) throws(StoreError) -> Set<String> {
    try reading { db in
      try String.fetchSet(
        db.cachedStatement(sql: "SELECT key FROM seen WHERE kind = ?"), arguments: [kind])
    }
  }

  /// The term rates of the last published report, sorted by n then text bytes.
  ///
  /// - Returns: The rates; empty before the first publication.
  /// - Throws: ``StoreError`` when the database cannot be read.
  public func publishedTerms() throws(StoreError) -> [PublishedTerm] {
    try reading { db in
      var terms: [PublishedTerm] = []
      let rows = try Row.fetchCursor(
        db.cachedStatement(
          sql: "SELECT n, text, perTenThousand FROM publishedTerm ORDER BY n, text"))
      while let row = try rows.next() {
        terms.append(PublishedTerm(n: row[0], text: row[1], perTenThousand: row[2]))
      }
      return terms
    }
  }
}
