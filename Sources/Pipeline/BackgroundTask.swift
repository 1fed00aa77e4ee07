import Corpus
import Dispatch
import Foundation

/// One piece of work run on a thread of its own while the caller goes on, joined by ``wait()``.
///
/// For a short serial step that would otherwise leave a core idle between two parallel ones:
/// packing a counted year runs while the next year is counted on every core.
final class BackgroundTask: Sendable {
  private let finished = DispatchSemaphore(value: 0)
  /// What `body` threw, set before `finished` is signalled.
  private let failure = Shared<(any Error)?>(nil)

  /// Starts `body` on a new thread.
  init(_ body: @escaping @Sendable () throws -> Void) {
    Thread { [finished, failure] in
      do { try body() } catch { failure.withLock { $0 = error } }
      finished.signal()
    }.start()
  }

  /// Waits until the work is done; returns at once when it was waited for before.
  ///
  /// - Throws: What the work threw (again on each call).
  func wait() throws {
    finished.wait()
    // Signalled again for the next call.
    finished.signal()
    if let error = failure.value { throw error }
  }
}
