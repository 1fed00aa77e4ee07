import Dispatch
import Glibc

/// A value that the workers of `DispatchQueue.concurrentPerform` share, behind a lock (here so
/// that the corpus scan and the pipeline use the same one).
///
/// The lock is a `pthread_mutex_t`, which ThreadSanitizer understands. The standard library's
/// `Mutex` is built on futexes on Linux, which ThreadSanitizer does not see, so every access
/// it guards is reported as a race (and `scripts/sanitizers` runs in CI).
package final class Shared<Value>: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  /// Only touched with `mutex` held.
  private var stored: Value

  /// Creates the shared value.
  package init(_ value: Value) {
    stored = value
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Runs `body` with the value, holding the lock.
  package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body(&stored)
  }

  /// A copy of the value.
  package var value: Value { withLock { $0 } }
}

extension Shared where Value == Int {
  /// The counter's value, counted up: each caller gets the next index, none twice (how workers
  /// take the next piece of work).
  package func takeNext() -> Int {
    withLock { next in
      defer { next += 1 }
      return next
    }
  }
}

/// `body(0)`, …, `body(count - 1)` run on every core (`DispatchQueue.concurrentPerform`), the
/// results in index order.
package func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  let results = Shared([T?](repeating: nil, count: count))
  DispatchQueue.concurrentPerform(iterations: count) { index in
    let result = body(index)
    results.withLock { $0[index] = result }
  }
  return unwrappedAll(
    results.withLock { results in
      defer { results = [] }
      return results
    })
}

/// The values of `optionals`, every one of which is set, moved out rather than copied (an
/// element holding strings is retained once more by each copy and released again, which for
/// a quarter of a million file records came to a few tenths of a percent of a run).
@inlinable
package func unwrappedAll<T>(_ optionals: consuming [T?]) -> [T] {
  let count = optionals.count
  // An empty array made as a filled one would set the count of the storage every empty array
  // shares: a write other threads' reads race with.
  guard count > 0 else { return [] }
  // From the end, each taken out of the array and put in its place (a `reverse()` would swap
  // by copying).
  return [T](unsafeUninitializedCapacity: count) { values, initialized in
    var index = count
    while let last = optionals.popLast() {
      index -= 1
      (values.baseAddress! + index).initialize(to: last!)
    }
    initialized = count
  }
}
