public import Corpus

extension CorpusAnalyzer {
  /// What became of each of a list of files, in its order: a collection of ``FileOutcome``
  /// values made when read, from the files and 12 bytes a file.
  ///
  /// A run holds one outcome per file it read until it has recorded them. Held as
  /// ``FileOutcome`` values they took 120 bytes a file, 64 of them a copy of the file's entry
  /// that the list of files holds anyway: at a million short articles 120 MB, and twice that
  /// while they were put in the files' order. As one array of 16-byte records (a digest, an
  /// optional date and the flags), 48 MB at three million files; as the digests and the rest
  /// apart, 36 MB.
  public struct FileOutcomes: RandomAccessCollection, Sendable {
    /// The files, in order.
    public let files: [CorpusFile]
    /// ``FileOutcome/digest`` of each file, in the same order, when ``Flags/read``.
    private var digests: [UInt64]
    /// The rest of each file's outcome, in the same order: its date's bits
    /// (``Corpus/CalendarDate/bits``, all 0 for no date) below its ``Flags``.
    private var marks: [UInt32]
    /// Why files were rejected, by index in ``files``: few files are, and a reason takes
    /// 25 bytes.
    private var rejections: [Int: Rejection] = [:]

    /// The outcome's flags, with whether it was recorded at all: the bits of a mark above its
    /// date's.
    private struct Flags: OptionSet {
      let rawValue: UInt8
      static let recorded = Flags(rawValue: 1)
      /// The file was read: its place in ``FileOutcomes/digests`` holds its digest.
      static let read = Flags(rawValue: 2)
      static let rejected = Flags(rawValue: 4)
      static let repaired = Flags(rawValue: 8)
      static let sameAsStored = Flags(rawValue: 16)
      static let isCopy = Flags(rawValue: 32)

      /// Where the flags lie in a mark.
      static let shift = UInt32(CalendarDate.bitWidth)
      /// A mark's bits below the flags: its date's.
      static let dateMask: UInt32 = 1 << shift - 1

      /// The flags of `mark`.
      init(mark: UInt32) { rawValue = UInt8(truncatingIfNeeded: mark >> Self.shift) }

      init(rawValue: UInt8) { self.rawValue = rawValue }
    }

    /// Room for the outcomes of `files`, none recorded yet (reading one not recorded stops the
    /// program: every file has an outcome before they are read).
    public init(files: [CorpusFile]) {
      self.files = files
      digests = [UInt64](repeating: 0, count: files.count)
      marks = [UInt32](repeating: 0, count: files.count)
    }

    /// The outcomes given, in their order.
    public init(_ outcomes: some Collection<FileOutcome>) {
      self.init(files: outcomes.map(\.file))
      for (index, outcome) in outcomes.enumerated() { record(outcome, at: index) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { marks.count }

    /// The outcome of `files[index]`.
    public subscript(index: Int) -> FileOutcome {
      FileOutcome(file: files[index], verdict: verdict(at: index))
    }

    /// What became of `files[index]`.
    func verdict(at index: Int) -> Verdict {
      let mark = marks[index]
      let flags = Flags(mark: mark)
      precondition(flags.contains(.recorded), "no outcome recorded for \(files[index].path)")
      let date = mark & Flags.dateMask
      return Verdict(
        digest: flags.contains(.read) ? digests[index] : nil,
        date: date == 0 ? nil : CalendarDate(bits: date),
        rejection: flags.contains(.rejected) ? rejections[index] : nil,
        repaired: flags.contains(.repaired), sameAsStored: flags.contains(.sameAsStored),
        isCopy: flags.contains(.isCopy))
    }

    /// The digests of the documents counted in `year`: read, dated in it, and neither
    /// rejected, the same as stored nor a copy (``CountedDigests``). Outcomes not recorded
    /// yet are passed over.
    func countedDigests(in year: Int) -> [UInt64] { counted.digests(in: year) }

    /// What ``countedDigests(in:)`` reads, without the files: 12 bytes a file, shared with
    /// these outcomes (not copied) while they are held.
    var counted: Counted { Counted(digests: digests, marks: marks) }

    /// The digests and marks of some outcomes, for ``countedDigests(in:)``.
    struct Counted: Sendable {
      fileprivate let digests: [UInt64]
      fileprivate let marks: [UInt32]

      /// The digests of the documents counted in `year` (``countedDigests(in:)``).
      func digests(in year: Int) -> [UInt64] {
        // An outcome not recorded yet is not read.
        let passedOver: Flags = [.rejected, .sameAsStored, .isCopy]
        var found: [UInt64] = []
        for (index, mark) in marks.enumerated() {
          let flags = Flags(mark: mark)
          guard flags.contains(.read), flags.isDisjoint(with: passedOver),
            mark & Flags.dateMask != 0, CalendarDate(bits: mark & Flags.dateMask).year == year
          else { continue }
          found.append(digests[index])
        }
        return found
      }
    }

    /// Records `verdict` as what became of `files[index]`.
    mutating func record(_ verdict: Verdict, at index: Int) {
      var flags: Flags = [.recorded]
      if verdict.digest != nil { flags.insert(.read) }
      if verdict.repaired { flags.insert(.repaired) }
      if verdict.sameAsStored { flags.insert(.sameAsStored) }
      if verdict.isCopy { flags.insert(.isCopy) }
      if let rejection = verdict.rejection {
        flags.insert(.rejected)
        rejections[index] = rejection
      } else if Flags(mark: marks[index]).contains(.rejected) {
        // Looked up only for a file rejected before: this runs for every file, under a lock.
        rejections[index] = nil
      }
      digests[index] = verdict.digest ?? 0
      marks[index] = UInt32(flags.rawValue) << Flags.shift | (verdict.date?.bits ?? 0)
    }

    /// Records `outcome` as what became of `files[index]`, whose file it must be.
    public mutating func record(_ outcome: FileOutcome, at index: Int) {
      precondition(outcome.file == files[index], "\(outcome.file.path) recorded as another file's")
      record(Verdict(outcome), at: index)
    }
  }

  /// What became of one file, the file aside: what ``process(_:_:stored:counted:into:)`` finds
  /// and ``FileOutcomes`` keeps, so that a file's entry (24 bytes, and a reference to its
  /// folder's paths, shared by both cores) is not copied into each outcome.
  struct Verdict: Sendable {
    var digest: UInt64?
    var date: CalendarDate?
    var rejection: Rejection?
    var repaired = false
    var sameAsStored = false
    var isCopy = false
  }
}

extension CorpusAnalyzer.Verdict {
  /// What `outcome` says, its file aside. (In an extension, so that the memberwise initialiser,
  /// every field defaulted, stays.)
  init(_ outcome: CorpusAnalyzer.FileOutcome) {
    self.init(
      digest: outcome.digest, date: outcome.date, rejection: outcome.rejection,
      repaired: outcome.repaired, sameAsStored: outcome.sameAsStored, isCopy: outcome.isCopy)
  }
}

extension CorpusAnalyzer.FileOutcome {
  /// The outcome of `file` that `verdict` gives.
  init(file: CorpusFile, verdict: CorpusAnalyzer.Verdict) {
    self.init(
      file: file, digest: verdict.digest, date: verdict.date, rejection: verdict.rejection,
      repaired: verdict.repaired, sameAsStored: verdict.sameAsStored, isCopy: verdict.isCopy)
  }
}
