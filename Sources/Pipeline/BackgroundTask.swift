import Corpus
import Dispatch
import Foundation

/// One piece of work run on a thread of its own while the caller goes on, joined by ``wait()``.
///
/// For a serial step that would otherwise leave a core idle beside another: packing a counted
/// year runs while the next year is counted on every core, and the report's seeds are worked
/// out while the years are stored.
final class BackgroundTask<Value: Sendable>: Sendable {
  private let finished = DispatchSemaphore(value: 0)
  /// What `body` returned or threw, set before `finished` is signalled.
  private let outcome = Shared<Result<Value, any Error>?>(nil)

  /// Starts `body` on a new thread.
  init(_ body: @escaping @Sendable () throws -> Value) {
    Thread { [finished, outcome] in
      let result = Result { try body() }
      outcome.withLock { $0 = result }
      finished.signal()
    }.start()
  }

  /// Waits until the work is done; returns at once when it was waited for before.
  ///
  /// - Returns: What the work returned (again on each call).
  /// - Throws: What the work threw (again on each call).
  @discardableResult
  func wait() throws -> Value {
    finished.wait()
    // Signalled again for the next call.
    finished.signal()
    return try outcome.value!.get()
  }
}
