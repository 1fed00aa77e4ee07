import Dispatch
import ReportModel

/// Runs the pieces of work on every core (`DispatchQueue.concurrentPerform`), results kept in
/// order behind a ``Shared`` lock.
struct Concurrent: Parallel {
  func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let results = Shared([T?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
      let result = body(index)
      results.withLock { $0[index] = result }
    }
    return results.value.map { $0! }
  }
}
