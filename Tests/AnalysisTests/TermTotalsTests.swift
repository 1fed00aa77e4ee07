import Analysis
import TestSupport
import Testing

/// Adding terms up in parts gives every term's total once: the largest of each part, merged,
/// are the largest of a plain sum over every year, whatever the number of parts and whichever
/// way the years' blobs are written.
@Suite struct TermTotalsTests {
  /// Random years of a small even vocabulary, Cyrillic and a word that is a prefix of another
  /// included: counts of 1 to 4, so that many terms tie on both numbers.
  static func randomYears(seed: UInt64) -> [[YearSlice.Term]] {
    var generator = SplitMix(seed: seed)
    let words = ["a", "ab", "b", "слово", "слова", "w1", "w10", "ёж", "z"]
    return (0..<6).map { _ in
      var terms: [YearSlice.Term] = []
      var seen = Set<String>()
      for _ in 0..<40 {
        let first = words[Int(generator.next() % UInt64(words.count))]
        let second = words[Int(generator.next() % UInt64(words.count))]
        let n = generator.next() % 3 == 0 ? 1 : 2
        let text = n == 1 ? first : first + " " + second
        guard seen.insert(text).inserted else { continue }
        let count = Int(generator.next() % 4) + 1
        let documents = count - Int(generator.next() % UInt64(count))
        terms.append(YearSlice.Term(n: n, text: text, count: count, documents: documents))
      }
      return terms
    }
  }

  /// Every term of size `n` summed over `years` by its text, ranked by count, documents and
  /// then bytes.
  static func reference(_ years: [[YearSlice.Term]], n: Int) -> [TermTotals.Total] {
    var totals: [String: (count: Int, documents: Int)] = [:]
    for terms in years {
      for term in terms where term.n == n {
        let old = totals[term.text] ?? (0, 0)
        totals[term.text] = (old.count + term.count, old.documents + term.documents)
      }
    }
    return totals.map {
      TermTotals.Total(
        text: Array($0.key.utf8), count: $0.value.count, documents: $0.value.documents)
    }.sorted { lhs, rhs in
      if lhs.count != rhs.count { return lhs.count > rhs.count }
      if lhs.documents != rhs.documents { return lhs.documents > rhs.documents }
      return lhs.text.lexicographicallyPrecedes(rhs.text)
    }
  }

  @Test(arguments: [1, 2, 5, 13])
  func partsTogetherAddUpToThePlainSum(parts: Int) {
    for seed in 0..<20 {
      let years = Self.randomYears(seed: UInt64(seed))
      for sorted in [false, true] {
        // As counted (version 2) or as stored (sorted, version 4).
        let blobs = years.map { sorted ? SortedTerms(TermBlob($0)).blob : TermBlob($0) }
        for n in 1...2 {
          let reference = Self.reference(years, n: n)
          var kept = 0
          var merged: [TermTotals.Total] = []
          for part in 0..<parts {
            var totals = TermTotals(n: n, part: part, of: parts)
            for blob in blobs { totals.add(blob) }
            kept += totals.count
            let all = totals.largest(limit: .max)
            #expect(all.count == totals.count)
            // The largest few of a part are the first of all of it.
            #expect(totals.largest(limit: 3) == Array(all.prefix(3)))
            merged += all
          }
          // Each term is in one part exactly.
          #expect(kept == reference.count, "seed \(seed), n \(n)")
          #expect(merged.sorted(by: >) == reference, "seed \(seed), n \(n), sorted \(sorted)")
        }
      }
    }
  }

  /// A total ranks above another with more occurrences, then more documents, then a text
  /// earlier in byte order.
  @Test func totalsRankByCountThenDocumentsThenBytes() {
    let ranked = [
      TermTotals.Total(text: Array("b".utf8), count: 5, documents: 1),
      TermTotals.Total(text: Array("z".utf8), count: 4, documents: 4),
      TermTotals.Total(text: Array("a".utf8), count: 4, documents: 3),
      TermTotals.Total(text: Array("ab".utf8), count: 4, documents: 3),
      TermTotals.Total(text: Array("ё".utf8), count: 4, documents: 3),
    ]
    #expect(ranked.shuffled().sorted(by: >) == ranked)
  }
}
