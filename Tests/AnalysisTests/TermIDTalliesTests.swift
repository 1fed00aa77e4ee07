import Testing

@testable import Analysis

/// The per-year unigram tallies indexed by term id, against a dictionary.
@Suite struct TermIDTalliesTests {
  typealias Random = BigramTalliesTests.Random

  @Test func behavesLikeADictionaryInKeyOrder() {
    var random = Random(state: 3)
    var table = TermIDTallies()
    var reference: [UInt64: TermTally] = [:]
    #expect(table[0] == nil)
    #expect(Array(table).isEmpty)
    for round in 0..<40_000 {
      // Keys reach further as the rounds go on, so that the table grows many times.
      let key = UInt64(random.next(100 + round * 5))
      let tally = TermTally(count: 1 + random.next(3), documents: random.next(2))
      table.add(key, tally)
      reference[key, default: TermTally()].add(tally)
    }
    #expect(table.count == reference.count)
    let listed = Array(table)
    #expect(listed.map(\.key) == reference.keys.sorted())
    #expect(Dictionary(uniqueKeysWithValues: listed.map { ($0.key, $0.value) }) == reference)
    for (key, tally) in reference { #expect(table[key] == tally) }
    let unused = (0..<UInt64(300_000)).first { reference[$0] == nil }!
    #expect(table[unused] == nil)
    #expect(table[UInt64(10_000_000)] == nil)
  }

  /// Documents counted token by token: each key's occurrences, and one document per key it
  /// holds however often, including a document whose keys lie far past the table's end, with
  /// tallies of other documents added in between (as merging does) and the document numbers
  /// starting just before they wrap.
  /// Each document's terms once, whether it is counted at once or in parts.
  @Test(arguments: [0, UInt32.max - 150] as [UInt32])
  func documentsCountOneDocumentPerKey(firstStamp: UInt32) {
    var random = Random(state: 9)
    var table = TermIDTallies()
    table.stamp = firstStamp
    var reference: [UInt64: TermTally] = [:]
    for document in 0..<300 {
      let spread = document == 150 ? 500_000 : 2_000
      let tokens = (0..<(1 + random.next(80))).map { _ in Int32(random.next(spread)) }
      // A document is counted in one to three parts, the later ones continuing it.
      let cuts = [0] + (0..<random.next(3)).map { _ in random.next(tokens.count) }.sorted()
      for (part, start) in cuts.enumerated() {
        let end = part + 1 < cuts.count ? cuts[part + 1] : tokens.count
        let ids = tokens[start..<end]
        table.countingDocument(below: Int(ids.max() ?? 0) + 1, continuing: part > 0) { counter in
          for id in ids { counter.count(id) }
        }
      }
      for id in Set(tokens) {
        let count = tokens.count { $0 == id }
        reference[UInt64(id), default: TermTally()].add(TermTally(count: count, documents: 1))
      }
      if document % 7 == 0 {
        let key = UInt64(random.next(spread))
        let tally = TermTally(count: 1 + random.next(5), documents: 1 + random.next(3))
        table.add(key, tally)
        reference[key, default: TermTally()].add(tally)
      }
    }
    #expect(table.count == reference.count)
    #expect(table.map(\.key) == reference.keys.sorted())
    let wrong = reference.filter { table[$0.key] != $0.value }
    #expect(
      wrong.isEmpty, "\(wrong.count) keys differ, e.g. \(wrong.first.map { ($0, table[$0.key]) })")
  }
}
