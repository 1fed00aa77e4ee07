import Pipeline
import TestSupport
import Testing

/// ``CountedDigests`` tells a digest seen before in its year, whether it was inserted since the
/// last seal or before it.
@Suite struct CountedDigestsTests {
  /// Digests drawn from a small range (so that many repeat), of a few years, inserted in groups
  /// with a seal after each: each insertion says what a set of (year, digest) pairs says.
  @Test(arguments: [1, 5, 77])
  func aDigestIsNewOnceInItsYearAcrossSeals(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let digests = CountedDigests()
    var seen: Set<[UInt64]> = []
    var repeats = 0
    for group in 0..<12 {
      for _ in 0..<random.int(400) {
        // Mostly the group's own year, as files kept in year folders are.
        let year = random.int(5) == 0 ? 2000 + random.int(6) : 2000 + group % 6
        let digest = UInt64(random.int(300)) &* 0x9E37_79B9_7F4A_7C15
        let new = seen.insert([UInt64(year), digest]).inserted
        if !new { repeats += 1 }
        #expect(digests.insert(digest, year: year) == new, "\(digest) of \(year), group \(group)")
      }
      if group % 4 != 3 { digests.seal() }
    }
    #expect(repeats > 100)
    digests.removeAll()
    #expect(digests.insert(0, year: 2000))
  }

  /// Groups of one year each, ascending, with some documents dated in other years, each group's
  /// year and those before it closed once it is counted: each insertion still says what a set
  /// of (year, digest) pairs says, a closed year being reopened with the digests counted in it,
  /// once; and only the digests of years not closed are held.
  @Test(arguments: [2, 9, 40])
  func aClosedYearIsReopenedWithTheDigestsCountedInIt(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let digests = CountedDigests()
    // What was counted in each year, as outcomes would list it.
    var counted: [Int: [UInt64]] = [:]
    var closed: Set<Int> = []
    var reopened: [Int] = []
    var repeats = 0
    for group in 0..<8 {
      for _ in 0..<random.int(300) {
        // Mostly the group's own year; now and then an earlier one (reopened) or a later one.
        let year = random.int(6) == 0 ? 2000 + random.int(8) : 2000 + group
        let digest = UInt64(random.int(200)) &* 0x9E37_79B9_7F4A_7C15
        let new = !counted[year, default: []].contains(digest)
        if !new { repeats += 1 }
        let calls = reopened.count
        let inserted = digests.insert(digest, year: year) { asked in
          reopened.append(asked)
          return counted[asked] ?? []
        }
        #expect(inserted == new, "\(digest) of \(year), group \(group)")
        // Reopened, with its own year, when it was closed, and only then.
        #expect(reopened.dropFirst(calls) == (closed.contains(year) ? [year] : []))
        if new { counted[year, default: []].append(digest) }
        closed.remove(year)
      }
      digests.close(through: 2000 + group)
      closed.formUnion(counted.keys.filter { $0 <= 2000 + group })
      digests.seal()
      let held = counted.filter { !closed.contains($0.key) }.values.reduce(0) { $0 + $1.count }
      #expect(digests.heldCount == held, "group \(group)")
    }
    #expect(repeats > 50)
    #expect(reopened.count > 3)
    digests.close(through: .max)
    #expect(digests.heldCount == 0)
  }
}
