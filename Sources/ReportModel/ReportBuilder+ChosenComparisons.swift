extension ReportBuilder {
  /// The comparisons of `chosen` whose two years both have data in `source`, worked out with
  /// `limit` rising and falling terms each (one comparison per core of `parallel`), in the order
  /// asked, and those left out because a year of theirs has none. A comparison asked twice is
  /// worked out once.
  ///
  /// Each is worked out from the two years' stored terms as a year and the year before it are
  /// (``YearComparison``): the same years compared either way give the same figures.
  static func chosenComparisons<Source: YearSource>(
    _ chosen: [ChosenComparison], source: Source, limit: Int, parallel: any Parallel
  ) throws(Source.Failure) -> (comparisons: [TrendComparison], leftOut: [ChosenComparison]) {
    var seen = Set<ChosenComparison>()
    let asked = chosen.filter { seen.insert($0).inserted }
    let years = Set(source.years)
    let hasData = { (asked: ChosenComparison) in
      years.contains(asked.year) && years.contains(asked.reference)
    }
    let available = asked.filter(hasData)
    let comparisons = try map(available.count, parallel) { index throws(Source.Failure) in
      // The packed terms are let go as soon as they are unpacked.
      let target = YearTerms(try source.slice(available[index].year))
      let reference = YearTerms(try source.slice(available[index].reference))
      return YearComparison(target: target, reference: reference).trends(limit: limit)
    }
    return (comparisons, asked.filter { !hasData($0) })
  }
}
