import Analysis

/// Finds the score that the `keep`-th best item reaches.
enum Selection {
  /// The `keep`-th largest of `scores` (−∞ when there are fewer, or when `keep` is 0 the
  /// largest plus one, so nothing is kept).
  static func threshold(_ scores: some Sequence<Double>, keep: Int) -> Double {
    guard keep > 0 else { return .infinity }
    var heap = BoundedMinHeap<Double>(capacity: keep)
    for score in scores { heap.offer(score) }
    return heap.isFull ? heap.minimum : -.infinity
  }
}
