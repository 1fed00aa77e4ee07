import Corpus
import Glibc
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

  /// A map of no pieces writes nothing shared: every empty array shares one storage, which
  /// making an empty array as a filled one is made (its count set) wrote to, a race
  /// ThreadSanitizer found with other threads reading an empty array (`scripts/sanitizers`).
  @Test func anEmptyMapWritesNothingOtherThreadsRead() {
    let results = Concurrent().map(8) { index in
      var found = 0
      for _ in 0..<200 {
        let none: [String] = Concurrent().map(0) { _ in "never" }
        let empty: [Int] = []
        found += none.count + empty.withUnsafeBufferPointer { $0.count } + index * 0
      }
      return found
    }
    #expect(results == Array(repeating: 0, count: 8))
  }

  /// The same on a fixed number of threads (more or fewer than the pieces), with the pieces
  /// running at once: at most `threads` of them, and more than one when there are several.
  @Test(arguments: [(0, 8), (1, 8), (3, 8), (25, 8), (1000, 8), (1000, 1)])
  func onThreadsResultsComeBackInIndexOrder(count: Int, threads: Int) {
    let runs = Shared([Int](repeating: 0, count: count))
    let running = Shared((now: 0, most: 0))
    let results = Concurrent().map(count, threads: threads) { index in
      running.withLock {
        $0.now += 1
        $0.most = max($0.most, $0.now)
      }
      usleep(200)
      running.withLock { $0.now -= 1 }
      runs.withLock { $0[index] += 1 }
      return "piece \(index)"
    }
    #expect(results == (0..<count).map { "piece \($0)" })
    #expect(runs.value.allSatisfy { $0 == 1 })
    #expect(running.value.most <= min(threads, count))
    if count >= 25 && threads > 1 { #expect(running.value.most > 1) }
  }
}
