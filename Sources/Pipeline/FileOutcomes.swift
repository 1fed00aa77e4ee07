public import Corpus

extension CorpusAnalyzer {
  /// What became of each of a list of files, in its order: a collection of ``FileOutcome``
  /// values made when read, from the files and 16 bytes a file.
  ///
  /// A run holds one outcome per file it read until it has recorded them. Held as
  /// ``FileOutcome`` values they took 120 bytes a file, 64 of them a copy of the file's entry
  /// that the list of files holds anyway: at a million short articles 120 MB, and twice that
  /// while they were put in the files' order.
  public struct FileOutcomes: RandomAccessCollection, Sendable {
    /// The files, in order.
    public let files: [CorpusFile]
    /// One per file, in the same order.
    private var records: [Record]
    /// Why files were rejected, by index in ``files``: few files are, and a reason takes
    /// 25 bytes.
    private var rejections: [Int: Rejection] = [:]

    /// What is kept of an outcome but for its file and its reason for a rejection.
    private struct Record {
      /// ``FileOutcome/digest``, when ``Flags/read``.
      var digest: UInt64 = 0
      var date: CalendarDate?
      var flags: Flags = []
    }

    /// The outcome's flags, with whether it was recorded at all.
    private struct Flags: OptionSet {
      let rawValue: UInt8
      static let recorded = Flags(rawValue: 1)
      /// The file was read: ``Record/digest`` is its digest.
      static let read = Flags(rawValue: 2)
      static let rejected = Flags(rawValue: 4)
      static let repaired = Flags(rawValue: 8)
      static let sameAsStored = Flags(rawValue: 16)
      static let isCopy = Flags(rawValue: 32)
    }

    /// Room for the outcomes of `files`, none recorded yet (reading one not recorded stops the
    /// program: every file has an outcome before they are read).
    public init(files: [CorpusFile]) {
      self.files = files
      records = [Record](repeating: Record(), count: files.count)
    }

    /// The outcomes given, in their order.
    public init(_ outcomes: some Collection<FileOutcome>) {
      self.init(files: outcomes.map(\.file))
      for (index, outcome) in outcomes.enumerated() { record(outcome, at: index) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    /// The outcome of `files[index]`.
    public subscript(index: Int) -> FileOutcome {
      FileOutcome(file: files[index], verdict: verdict(at: index))
    }

    /// What became of `files[index]`.
    func verdict(at index: Int) -> Verdict {
      let record = records[index]
      precondition(
        record.flags.contains(.recorded), "no outcome recorded for \(files[index].path)")
      return Verdict(
        digest: record.flags.contains(.read) ? record.digest : nil, date: record.date,
        rejection: record.flags.contains(.rejected) ? rejections[index] : nil,
        repaired: record.flags.contains(.repaired),
        sameAsStored: record.flags.contains(.sameAsStored),
        isCopy: record.flags.contains(.isCopy))
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
      } else if records[index].flags.contains(.rejected) {
        // Looked up only for a file rejected before: this runs for every file, under a lock.
        rejections[index] = nil
      }
      records[index] = Record(digest: verdict.digest ?? 0, date: verdict.date, flags: flags)
    }

    /// Records `outcome` as what became of `files[index]`, whose file it must be.
    public mutating func record(_ outcome: FileOutcome, at index: Int) {
      precondition(outcome.file == files[index], "\(outcome.file.path) recorded as another file's")
      record(Verdict(outcome), at: index)
    }
  }

  /// What became of one file, the file aside: what ``process(_:_:stored:counted:into:)`` finds
  /// and ``FileOutcomes`` keeps, so that a file's entry (32 bytes, and a reference to its
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
