import Corpus
import Dispatch
import Foundation
import Glibc
import ReportModel

/// Runs the pieces of work on every core (`DispatchQueue.concurrentPerform`), results kept in
/// order behind a ``Shared`` lock.
struct Concurrent: Parallel {
  /// The cores online.
  var width: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

  func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    concurrentMap(count, body)
  }

  /// Like ``map(_:_:)``, on `threads` threads whatever the number of cores: for work that mostly
  /// waits for the disk (reading files not in the page cache), where more requests in flight
  /// finish sooner and idle threads cost nothing.
  func map<T: Sendable>(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> T)
    -> [T]
  {
    let results = Shared([T?](repeating: nil, count: count))
    let next = Shared(0)
    let done = DispatchGroup()
    for _ in 0..<min(max(1, threads), count) {
      done.enter()
      Thread {
        while true {
          let index = next.takeNext()
          guard index < count else { break }
          let result = body(index)
          results.withLock { $0[index] = result }
        }
        done.leave()
      }.start()
    }
    done.wait()
    return results.value.map { $0! }
  }
}
