public import Corpus

extension ChangeSet {
  /// The files read and found as stored (touched, not changed), each with what the state
  /// holds of it (``Reconciliation/refreshed``): their positions among the files read, beside
  /// the lists of those files and of what the state held of each, shared rather than copied.
  ///
  /// As a list of pairs (40 bytes each), a run that found three million files touched held
  /// 120 MB beside the comparison's own list of what the state held, and peaked at 329 MB as it
  /// was made; as positions, 4 bytes each.
  public struct Refreshed: RandomAccessCollection, Sendable {
    /// The files read, in order: the outcomes' own list.
    private let files: [CorpusFile]
    /// What the state held of each file read, in the same order (``ChangeSet/known``).
    private let known: [Known?]
    /// The positions of the touched ones, ascending.
    private var positions: [Int32] = []

    /// None.
    public init() {
      files = []
      known = []
    }

    /// Room for the touched ones among `files`, whose stored records `known` holds.
    init(files: [CorpusFile], known: [Known?]) {
      precondition(files.count == known.count, "one stored record or nil per file read")
      self.files = files
      self.known = known
      // Room for every file, as any can be touched: grown by doubling, the list of three
      // million was copied, twice its size, at each step. Room no file takes is never touched,
      // so it is not resident.
      positions.reserveCapacity(files.count)
    }

    /// Notes the file at `position` as touched; the state must hold it.
    mutating func append(_ position: Int) {
      positions.append(Int32(position))  // (two thousand million files: 48 GB of scan)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }

    /// The touched file at `index`, with what the state holds of it.
    public subscript(index: Int) -> (file: CorpusFile, known: Known) {
      let position = Int(positions[index])
      return (files[position], known[position]!)
    }
  }
}
