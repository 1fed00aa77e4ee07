import Analysis
import TestSupport
import Testing

/// The heap keeps the largest values offered, as a plain sort finds them.
@Suite struct BoundedMinHeapTests {
  @Test(arguments: [0, 1, 2, 7, 100, 500])
  func keepsTheLargestAsASortDoes(capacity: Int) {
    var generator = SplitMix(seed: UInt64(capacity) + 3)
    // Few distinct values, so that ties at the cut are common.
    let values = (0..<300).map { _ in generator.int(40) }
    var heap = BoundedMinHeap<Int>(capacity: capacity)
    for value in values { heap.offer(value) }
    let expected = Array(values.sorted(by: >).prefix(capacity))
    #expect(heap.elements.sorted(by: >) == expected)
    #expect(heap.isFull == (values.count >= capacity))
    if let smallest = expected.last { #expect(heap.minimum == smallest) }
  }
}
