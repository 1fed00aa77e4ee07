import Testing

@testable import Pipeline

/// When the files opened ahead are asked for.
@Suite struct PrefetchPolicyTests {
  /// Notes `count` reads that found their files cached, expecting none to start asking.
  func cachedReads(_ count: Int, _ policy: inout PrefetchPolicy) {
    for _ in 0..<count { #expect(policy.note(cached: true) == false) }
  }

  @Test func asksUntilARunOfFilesWasCachedAndAgainAtTheFirstThatWasNot() {
    var policy = PrefetchPolicy()
    #expect(policy.prefetching)
    cachedReads(PrefetchPolicy.firstRun - 1, &policy)
    #expect(policy.prefetching)
    // A miss while asking starts nothing new, and the run starts over.
    #expect(policy.note(cached: false) == false)
    cachedReads(PrefetchPolicy.firstRun - 1, &policy)
    #expect(policy.prefetching)
    cachedReads(1, &policy)
    #expect(!policy.prefetching)
    // Long after stopping: asking starts again (true: ask for the files opened meanwhile), and
    // stops after as many cached files as before.
    cachedReads(PrefetchPolicy.quickRelapse + 5, &policy)
    #expect(!policy.prefetching)
    #expect(policy.note(cached: false) == true)
    #expect(policy.prefetching)
    #expect(policy.stopAfter == PrefetchPolicy.firstRun)
    cachedReads(PrefetchPolicy.firstRun, &policy)
    #expect(!policy.prefetching)
  }

  @Test func aMissSoonAfterStoppingDoublesTheRunItTakesToStop() {
    var policy = PrefetchPolicy()
    var expected = PrefetchPolicy.firstRun
    // A corpus read from the disk: cached only while asked for.
    for _ in 0..<30 {
      cachedReads(policy.stopAfter, &policy)
      #expect(!policy.prefetching)
      cachedReads(FilesAhead.largestDepth - 1, &policy)
      #expect(policy.note(cached: false) == true)
      expected = min(PrefetchPolicy.longestRun, expected * 2)
      #expect(policy.stopAfter == expected)
    }
    #expect(policy.stopAfter == PrefetchPolicy.longestRun)
  }

  @Test func readsThatCannotTellChangeNothing() {
    var policy = PrefetchPolicy()
    for _ in 0..<(2 * PrefetchPolicy.firstRun) { #expect(policy.note(cached: nil) == false) }
    #expect(policy.prefetching)
    cachedReads(PrefetchPolicy.firstRun, &policy)
    #expect(!policy.prefetching)
    for _ in 0..<10 { #expect(policy.note(cached: nil) == false) }
    #expect(!policy.prefetching)
  }
}
