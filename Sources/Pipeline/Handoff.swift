import Corpus
import Dispatch

/// Values passed one at a time from one thread to another, in order: ``put(_:)`` waits while
/// the one slot is full, ``take()`` while it is empty.
///
/// A run's store reads each counted year back from the scratch file on the core that works out
/// the report's seeds, and hands it to the core that writes the state, so each year is read and
/// checked once and the writing core does nothing else. The slot holds one value, so the reader
/// runs at most one year ahead of the writer.
final class Handoff<Value: Sendable>: Sendable {
  /// Signalled when the slot is free (or the taker has stopped).
  private let free = DispatchSemaphore(value: 1)
  /// Signalled when the slot holds a value.
  private let filled = DispatchSemaphore(value: 0)
  private let slot = Shared<Value?>(nil)
  private let closed = Shared(false)

  /// Creates an empty handoff.
  init() {}

  /// Waits until the slot is free, then puts `value` in it.
  ///
  /// - Returns: False, without putting anything, when the taker has stopped (``close()``): the
  ///   putting thread should stop too.
  func put(_ value: Value) -> Bool {
    free.wait()
    guard !closed.value else {
      // Let any other wait end as well.
      free.signal()
      return false
    }
    slot.withLock { $0 = value }
    filled.signal()
    return true
  }

  /// Waits for the next value and takes it.
  func take() -> Value {
    filled.wait()
    let value = slot.withLock { slot in
      defer { slot = nil }
      return slot!
    }
    free.signal()
    return value
  }

  /// Says that nothing more will be taken: a ``put(_:)`` waiting now, or made later, returns
  /// false at once.
  func close() {
    closed.withLock { $0 = true }
    free.signal()
  }
}
