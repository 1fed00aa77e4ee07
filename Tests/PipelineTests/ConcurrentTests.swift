import Testing

@testable import Pipeline

/// Work run on every core comes back in the order of the indices, each piece run once.
@Suite struct ConcurrentTests {
  @Test(arguments: [0, 1, 2, 25, 1000])
  func resultsComeBackInIndexOrder(count: Int) {
    let runs = Shared([Int](repeating: 0, count: count))
    let results = Concurrent().map(count) { index in
      runs.withLock { $0[index] += 1 }
      return "piece \(index)"
    }
    #expect(results == (0..<count).map { "piece \($0)" })
    #expect(runs.value.allSatisfy { $0 == 1 })
  }
}
