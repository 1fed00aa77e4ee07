/// Finds the score that the `keep`-th best item reaches.
enum Selection {
  /// The `keep`-th largest of `scores` (−∞ when there are fewer, or when `keep` is 0 the
  /// largest plus one, so nothing is kept).
  static func threshold(_ scores: some Sequence<Double>, keep: Int) -> Double {
    guard keep > 0 else { return .infinity }
    var heap = MinHeap(capacity: keep)
    for score in scores { heap.offer(score) }
    return heap.isFull ? heap.minimum : -.infinity
  }

  /// A fixed-capacity min-heap of the largest values offered.
  struct MinHeap {
    private var values: [Double] = []
    let capacity: Int
    init(capacity: Int) {
      self.capacity = capacity
      values.reserveCapacity(capacity)
    }
    var isFull: Bool { values.count == capacity }
    var minimum: Double { values[0] }

    mutating func offer(_ value: Double) {
      if values.count < capacity {
        values.append(value)
        var child = values.count - 1
        while child > 0 {
          let parent = (child - 1) / 2
          guard values[child] < values[parent] else { break }
          values.swapAt(child, parent)
          child = parent
        }
      } else if value > values[0] {
        values[0] = value
        var parent = 0
        while true {
          let left = 2 * parent + 1
          let right = left + 1
          var smallest = parent
          if left < values.count && values[left] < values[smallest] { smallest = left }
          if right < values.count && values[right] < values[smallest] { smallest = right }
          if smallest == parent { break }
          values.swapAt(parent, smallest)
          parent = smallest
        }
      }
    }
  }
}
