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
  ///
  /// A bigram's part is worked out with a multiply and a shift, not a division (which the
  /// processor waited on twice for every bigram), and within a part its key is its first word
  /// less the part's first: a part spans an eighth of the words, so its keys need three bits
  /// fewer, one pass of the radix sort fewer for a year of up to about 250,000 words.
  static func sortByWords(_ bigrams: inout [Bigram], words: Int) {
    guard bigrams.count > 1, words > 0 else { return }
    let cuts = PartCuts(parts: min(sortingParts, words), words: words)
    let parts = cuts.parts
    let width = UInt64(bitWidth(below: words))
    // Where each part starts, and at `parts` the end.
    var starts = [Int](repeating: 0, count: parts + 1)
    for bigram in bigrams { starts[cuts.part(bigram.first) + 1] += 1 }
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
          var home = cuts.part(carried.first)
          while home != index {
            swap(&carried, &bigrams[next[home]])
            next[home] += 1
            home = cuts.part(carried.first)
          }
          bigrams[next[index]] = carried
          next[index] += 1
        }
      }
      scratch.withUnsafeMutableBufferPointer { scratch in
        for index in 0..<parts {
          let first = cuts.first(of: index)
          let span = cuts.first(of: index + 1) - first
          RadixSort.sort(
            UnsafeMutableBufferPointer(rebasing: bigrams[starts[index]..<starts[index + 1]]),
            scratch: scratch, bits: bitWidth(below: Int(span)) + Int(width)
          ) { bigram in
            UInt64(UInt32(bitPattern: bigram.first &- first)) << width
              | UInt64(UInt32(bitPattern: bigram.second))
          }
        }
      }
    }
  }

  /// The bits that hold every number below `count` (at least 1).
  private static func bitWidth(below count: Int) -> Int {
    Int.bitWidth - max(1, count - 1).leadingZeroBitCount
  }

  /// Which of `parts` runs a word index below `words` falls in: `index * parts / words`
  /// rounded down, nearly, as a multiply and a shift. Parts grow with the index and are all
  /// below `parts`, which is all ``sortByWords(_:words:)`` needs.
  struct PartCuts {
    let parts: Int
    let words: Int
    /// `parts * 2^32 / words`, rounded down.
    private let multiplier: UInt64

    init(parts: Int, words: Int) {
      precondition(parts >= 1 && words >= parts && words <= Int(Int32.max))
      self.parts = parts
      self.words = words
      multiplier = (UInt64(parts) << 32) / UInt64(words)
    }

    /// The part of word index `first` (`0..<words`): the product stays below `parts << 32`.
    @inline(__always)
    func part(_ first: Int32) -> Int {
      Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: first)) &* multiplier) >> 32)
    }

    /// The smallest word index in part `part` or a later one (`words` past the last).
    func first(of part: Int) -> Int32 {
      var (low, high) = (0, words)
      while low < high {
        let middle = (low + high) / 2
        if self.part(Int32(middle)) >= part { high = middle } else { low = middle + 1 }
      }
      return Int32(low)
    }
  }

  /// Adds together bigrams of the same words, which `bigrams` (sorted by words) holds side by
  /// side, keeping one of each.
  ///
  /// Without a branch on whether a bigram is the one before it again (a year's log holds 1.75
  /// entries per distinct bigram, so the processor could not foresee it): the run being added
  /// up is stored at its place after every entry, and the next entry starts a new run or adds
  /// to it through a mask.
  static func addEqualTogether(_ bigrams: inout [Bigram]) {
    guard bigrams.count > 1 else { return }
    var kept = 0
    bigrams.withUnsafeMutableBufferPointer { bigrams in
      let base = bigrams.baseAddress!
      var run = base[0]
      for index in 1..<bigrams.count {
        let bigram = base[index]
        let same = (bigram.first == run.first) && (bigram.second == run.second)
        // All ones when the run goes on, zero when this bigram begins the next one.
        let mask = UInt32(0) &- UInt32(same ? 1 : 0)
        // At most `index - 1`: never a place not read yet.
        base[kept] = run
        kept &+= same ? 0 : 1
        run = Bigram(
          first: bigram.first, second: bigram.second, count: (run.count & mask) &+ bigram.count,
          documents: (run.documents & mask) &+ bigram.documents)
      }
      base[kept] = run
      kept += 1
    }
    bigrams.removeLast(bigrams.count - kept)
  }
}
