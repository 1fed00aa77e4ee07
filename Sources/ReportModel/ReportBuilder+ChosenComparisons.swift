extension ReportBuilder {
  /// The comparisons of `chosen` whose year and reference both have data in `source`, worked
  /// out with `limit` rising and falling terms each, in the order asked, and those left out
  /// because their year, or every year of their reference, has none. Two requests that come to
  /// the same years (`2025:2015` and `2025:2015-2015`, or spans whose years with data are the
  /// same) are worked out once.
  ///
  /// Each is worked out from the years' stored terms as a year and the year before it are
  /// (``YearComparison``): the same years compared either way give the same figures. A span of
  /// years is pooled (``PooledYears``): its years' terms are added up as they are read.
  static func chosenComparisons<Source: YearSource>(
    _ chosen: [ChosenComparison], source: Source, limit: Int, parallel: any Parallel
  ) throws(Source.Failure) -> (comparisons: [TrendComparison], leftOut: [ChosenComparison]) {
    let years = Set(source.years)
    var seen = Set<ChosenComparison>()
    var resolved = Set<[Int]>()
    var single: [(year: Int, reference: Int)] = []
    var pooled: [(year: Int, references: [Int])] = []
    var order: [(pooled: Bool, index: Int)] = []
    var leftOut: [ChosenComparison] = []
    for asked in chosen where seen.insert(asked).inserted {
      let references = asked.references.filter { $0 != asked.year && years.contains($0) }
      guard years.contains(asked.year), !references.isEmpty else {
        leftOut.append(asked)
        continue
      }
      guard resolved.insert([asked.year] + references).inserted else { continue }
      if references.count == 1 {
        order.append((false, single.count))
        single.append((asked.year, references[0]))
      } else {
        order.append((true, pooled.count))
        pooled.append((asked.year, references))
      }
    }

    // Comparisons of two years run side by side, one per core.
    let pairs = try map(single.count, parallel) { [single] index throws(Source.Failure) in
      // The packed terms are let go as soon as they are unpacked.
      let target = YearTerms(try source.slice(single[index].year))
      let reference = YearTerms(try source.slice(single[index].reference))
      return YearComparison(target: target, reference: reference).trends(limit: limit)
    }
    // A pooled reference reads the bigrams of all its years side by side: one at a time.
    var spans: [TrendComparison] = []
    for (year, references) in pooled {
      let target = YearTerms(try source.slice(year))
      let reference = try PooledYears(years: references, source: source)
      spans.append(
        try shelfReading(source) {
          try YearComparison(target: target, reference: reference).trends(limit: limit)
        })
    }
    let comparisons = order.map { $0.pooled ? spans[$0.index] : pairs[$0.index] }
    return (comparisons, leftOut)
  }

  /// What `body` gives, reading bytes from shelves of `source`'s (``YearSource/makeShelf()``):
  /// what it throws is what those shelves throw, the source's failure (``YearSource/Shelf``),
  /// though their readers hold them as `any ByteShelf` and throw it untyped.
  static func shelfReading<Source: YearSource, Result>(
    _ source: Source, _ body: () throws -> Result
  ) throws(Source.Failure) -> Result {
    do { return try body() } catch let failure as Source.Failure { throw failure } catch {
      preconditionFailure("a year source's shelf threw \(error), not the source's failure")
    }
  }
}
