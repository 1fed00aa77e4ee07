/// The `capacity` largest elements offered, in a min-heap: the smallest kept is on top, so an
/// element that does not beat it is turned away with one comparison.
///
/// Used for each year's most frequent terms (``TermBlob/largest(limit:)``) and by the report's
/// rankings. Inlinable, so that each user gets a copy specialized to its element type.
public struct BoundedMinHeap<Element: Comparable> {
  /// The elements kept, in heap order (not sorted).
  @inlinable
  public var elements: [Element] { storage }
  @usableFromInline var storage: [Element] = []
  /// How many elements are kept at most.
  public let capacity: Int

  /// An empty heap keeping at most `capacity` elements.
  @inlinable
  public init(capacity: Int) {
    self.capacity = max(0, capacity)
    storage.reserveCapacity(self.capacity)
  }

  /// Whether `capacity` elements are kept.
  @inlinable
  public var isFull: Bool { storage.count == capacity }

  /// The smallest element kept (the heap must not be empty).
  @inlinable
  public var minimum: Element { storage[0] }

  /// Keeps `element` if fewer than `capacity` are kept or it is larger than the smallest kept,
  /// which then goes.
  @inlinable
  public mutating func offer(_ element: Element) {
    if storage.count < capacity {
      storage.append(element)
      var child = storage.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard storage[child] < storage[parent] else { break }
        storage.swapAt(child, parent)
        child = parent
      }
    } else if capacity > 0 && storage[0] < element {
      storage[0] = element
      var parent = 0
      while true {
        let left = 2 * parent + 1
        var smallest = parent
        if left < storage.count && storage[left] < storage[smallest] { smallest = left }
        if left + 1 < storage.count && storage[left + 1] < storage[smallest] {
          smallest = left + 1
        }
        if smallest == parent { break }
        storage.swapAt(parent, smallest)
        parent = smallest
      }
    }
  }
}
