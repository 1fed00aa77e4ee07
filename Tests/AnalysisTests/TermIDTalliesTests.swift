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

  /// Documents added as a ``DocumentTally`` adds them: each key's occurrences, and one document,
  /// including a document whose keys lie far past the table's end.
  @Test func documentsAddOneDocumentPerKey() {
    var random = Random(state: 9)
    var table = TermIDTallies()
    var reference: [UInt64: TermTally] = [:]
    for document in 0..<300 {
      let spread = document == 150 ? 500_000 : 2_000
      var counts: [UInt64: UInt32] = [:]
      for _ in 0..<(1 + random.next(80)) {
        counts[UInt64(random.next(spread)), default: 0] += 1
      }
      let keys = Array(counts.keys)
      let occurrences = keys.map { counts[$0]! }
      let slots = (0..<Int32(keys.count)).reversed().map { $0 }
      keys.withUnsafeBufferPointer { keys in
        occurrences.withUnsafeBufferPointer { occurrences in
          slots.withUnsafeBufferPointer { slots in
            table.addDocument(
              keys: keys.baseAddress!, counts: occurrences.baseAddress!, slots: slots)
          }
        }
      }
      for (key, count) in counts {
        reference[key, default: TermTally()].add(TermTally(count: Int(count), documents: 1))
      }
    }
    #expect(table.count == reference.count)
    #expect(Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.value) }) == reference)
  }
}
