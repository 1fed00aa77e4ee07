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
}
