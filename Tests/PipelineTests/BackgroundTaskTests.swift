import Corpus
import Dispatch
import Testing

@testable import Pipeline

@Suite struct BackgroundTaskTests {
  struct Boom: Error, Equatable {}

  @Test func theCallerGoesOnWhileTheWorkRunsAndWaitJoinsIt() throws {
    let started = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let done = Shared(false)
    let task = BackgroundTask {
      started.signal()
      // Blocks until the caller, which has gone on, lets it finish.
      release.wait()
      done.withLock { $0 = true }
    }
    started.wait()
    #expect(done.value == false, "the work waits for the caller, so it cannot be done yet")
    release.signal()
    try task.wait()
    #expect(done.value == true)
    // A second wait returns at once.
    try task.wait()
  }

  @Test func waitReturnsWhatTheWorkReturnedEachTime() throws {
    let task = BackgroundTask { (1...100).reduce(0, +) }
    #expect(try task.wait() == 5050)
    #expect(try task.wait() == 5050)
  }

  @Test func waitRethrowsWhatTheWorkThrewEachTime() {
    let task = BackgroundTask { () throws -> Int in throw Boom() }
    #expect(throws: Boom()) { try task.wait() }
    #expect(throws: Boom()) { try task.wait() }
  }
}
