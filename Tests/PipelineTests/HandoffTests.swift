import Corpus
import Dispatch
import Glibc
import Testing

@testable import Pipeline

@Suite struct HandoffTests {
  @Test func valuesArriveInOrderFromAnotherThread() throws {
    let handoff = Handoff<Int>()
    let producer = BackgroundTask {
      for value in 0..<500 { #expect(handoff.put(value)) }
    }
    let taken = (0..<500).map { _ in handoff.take() }
    try producer.wait()
    #expect(taken == Array(0..<500))
  }

  @Test func aSecondPutWaitsUntilTheFirstValueIsTaken() throws {
    let handoff = Handoff<String>()
    #expect(handoff.put("first"))
    let putting = DispatchSemaphore(value: 0)
    let second = Shared(false)
    let producer = BackgroundTask {
      putting.signal()
      #expect(handoff.put("second"))
      second.withLock { $0 = true }
    }
    putting.wait()
    // The slot is full until something is taken, however long the producer has had.
    for _ in 0..<20 {
      #expect(second.value == false)
      usleep(2_000)
    }
    #expect(handoff.take() == "first")
    try producer.wait()
    #expect(second.value == true)
    #expect(handoff.take() == "second")
  }

  @Test func closingReleasesAWaitingPutAndRefusesLaterOnes() throws {
    let handoff = Handoff<Int>()
    #expect(handoff.put(1))
    let putting = DispatchSemaphore(value: 0)
    let producer = BackgroundTask { () -> [Bool] in
      putting.signal()
      // Waits on the full slot until the taker stops.
      return [handoff.put(2), handoff.put(3)]
    }
    putting.wait()
    handoff.close()
    #expect(try producer.wait() == [false, false])
    #expect(handoff.put(4) == false)
  }
}
