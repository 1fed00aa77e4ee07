import Dispatch
import Glibc
import ReportModel

/// Runs the pieces of work on every core (`DispatchQueue.concurrentPerform`), results kept in
/// order behind a ``Shared`` lock.
struct Concurrent: Parallel {
  /// The cores online.
  var width: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

  func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let results = Shared([T?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
      let result = body(index)
      results.withLock { $0[index] = result }
    }
    return results.value.map { $0! }
  }
}
