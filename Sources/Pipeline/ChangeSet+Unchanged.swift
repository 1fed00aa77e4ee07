extension ChangeSet {
  /// The files still on disk with the size and modification time stored
  /// (``ChangeSet/unchanged``), each as its index among the files compared with what the state
  /// holds of it: the two kept apart, 16 bytes a file (4 and 12), where a list of pairs took 24.
  ///
  /// A run keeps it through both passes, for the recount of the years the first changes: with
  /// 1 % of three million files new, 72 MB of pairs were held beside a year's count, and the run
  /// peaked at 308 MB.
  public struct Unchanged: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    /// The files' indices among those compared, ascending once the comparison is done.
    private var files: [Int32] = []
    /// What the state holds of each, in the same order.
    private var known: [Known] = []

    /// The files given, in their order.
    public init(arrayLiteral elements: (file: Int, known: Known)...) {
      for element in elements { append(element) }
    }

    /// Room for `count` files: room no file takes is never touched, so it is not resident.
    mutating func reserveCapacity(_ count: Int) {
      files.reserveCapacity(count)
      known.reserveCapacity(count)
    }

    /// Adds a file (its index fits 32 bits: two thousand million files would take 48 GB of
    /// scan).
    mutating func append(_ element: (file: Int, known: Known)) {
      files.append(Int32(element.file))
      known.append(element.known)
    }

    /// Puts the files in the order of their indices.
    mutating func sortByFile() { ChangeSet.sort(&files, carrying: &known) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { files.count }

    /// The file at `index`: its index among the files compared, and what the state holds of it.
    public subscript(index: Int) -> (file: Int, known: Known) {
      (Int(files[index]), known[index])
    }
  }

  /// Sorts `indices` ascending, and `values` (one for each) with them.
  static func sort<Value>(_ indices: inout [Int32], carrying values: inout [Value]) {
    let order = indices.indices.sorted { indices[$0] < indices[$1] }
    (indices, values) = (order.map { indices[$0] }, order.map { values[$0] })
  }
}
