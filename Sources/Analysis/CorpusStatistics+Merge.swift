extension CorpusStatistics {
  /// Adds the statistics of other documents, counted by another worker with the same settings.
  public mutating func merge(_ other: CorpusStatistics) {
    var other = other
    absorb(&other)
  }

  /// Like ``merge(_:)``, emptying `other` one year at a time as it goes, so that the memory of
  /// each of its years is released as soon as that year is merged (when nothing else holds
  /// `other`'s tables).
  public mutating func absorb(_ other: inout CorpusStatistics) {
    // Their term ids → ours.
    var remap = [Int32](repeating: 0, count: other.vocabulary.count)
    for id in 0..<other.vocabulary.count {
      remap[id] = other.vocabulary.bytes(Int32(id)).withUnsafeBufferPointer { intern($0) }
    }
    for year in other.years.keys.sorted() {
      let theirs = other.removeYear(year)!
      var ours = removeYear(year) ?? YearTally()
      ours.addTotals(of: theirs)
      for (key, tally) in theirs.unigrams {
        ours.unigrams.add(UnigramKey.packed(remap[Int(UnigramKey.id(key))]), tally)
      }
      theirs.bigrams.forEachEntry { key, tally in
        ours.bigrams.add(BigramKey(remap[Int(key.first)], remap[Int(key.second)]), tally)
      }
      replaceYear(year, with: ours)
    }
    other = CorpusStatistics(
      stopwords: other.stopwords, matcher: other.matcher, windowBytes: other.windowBytes)
  }
}
