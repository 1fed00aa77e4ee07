extension SortedTerms {
  /// How many parts ``sortByWords(_:words:)`` cuts bigrams into before sorting each.
  static let sortingParts = 8

  /// Sorts `bigrams` by first and then second word (word indices are below `words`): cut in
  /// place into ``sortingParts`` runs by first word (each moved to its run by swaps, an American
  /// flag sort), then each run sorted by ``RadixSort`` through a scratch buffer as long as the
  /// longest run.
  ///
  /// Cut in parts because a year's bigrams come as counted (``BigramTallies``): each once per
  /// document that has it, up to 1.39 million entries (22 MB) per core and year at 1 GB. A radix
  /// sort of the whole through a second array as long held both, and the 1 GB run peaked at
  /// 276-280 MB instead of 233 MB; sorting all in place by swaps took more time than the counting
  /// saved.
  static func sortByWords(_ bigrams: inout [Bigram], words: Int) {
    guard bigrams.count > 1, words > 0 else { return }
    let parts = min(sortingParts, words)
    let width = UInt64(Int.bitWidth - max(1, words - 1).leadingZeroBitCount)
    func part(_ bigram: Bigram) -> Int { Int(bigram.first) * parts / words }
    // Where each part starts, and at `parts` the end.
    var starts = [Int](repeating: 0, count: parts + 1)
    for bigram in bigrams { starts[part(bigram) + 1] += 1 }
    for index in 0..<parts { starts[index + 1] += starts[index] }
    var next = starts
    var longest = 0
    for index in 0..<parts { longest = max(longest, starts[index + 1] - starts[index]) }
    var scratch = [Bigram](unsafeUninitializedCapacity: longest) { _, initialized in
      initialized = longest
    }
    bigrams.withUnsafeMutableBufferPointer { bigrams in
      for index in 0..<parts {
        while next[index] < starts[index + 1] {
          // Carried along the cycle of places it starts, until one of this part's turns up.
          var carried = bigrams[next[index]]
          while part(carried) != index {
            let home = part(carried)
            swap(&carried, &bigrams[next[home]])
            next[home] += 1
          }
          bigrams[next[index]] = carried
          next[index] += 1
        }
      }
      scratch.withUnsafeMutableBufferPointer { scratch in
        for index in 0..<parts {
          RadixSort.sort(
            UnsafeMutableBufferPointer(rebasing: bigrams[starts[index]..<starts[index + 1]]),
            scratch: scratch, bits: Int(2 * width)
          ) { bigram in
            UInt64(UInt32(bitPattern: bigram.first)) << width
              | UInt64(UInt32(bitPattern: bigram.second))
          }
        }
      }
    }
  }

  /// Adds together bigrams of the same words, which `bigrams` (sorted by words) holds side by
  /// side, keeping one of each.
  static func addEqualTogether(_ bigrams: inout [Bigram]) {
    var kept = 0
    bigrams.withUnsafeMutableBufferPointer { bigrams in
      for index in bigrams.indices {
        let bigram = bigrams[index]
        if kept > 0 && bigrams[kept - 1].first == bigram.first
          && bigrams[kept - 1].second == bigram.second
        {
          bigrams[kept - 1].count &+= bigram.count
          bigrams[kept - 1].documents &+= bigram.documents
        } else {
          bigrams[kept] = bigram
          kept += 1
        }
      }
    }
    bigrams.removeLast(bigrams.count - kept)
  }
}
