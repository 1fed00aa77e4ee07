public import Corpus

extension EvidenceGatherer {
  /// An accepted document that can be read again: the file at its place in a list of files
  /// scanned, and its date.
  ///
  /// A run lists every accepted document while it builds its report as ``Sources``, 8 bytes
  /// each, and makes a source of one only as it is looked at.
  public struct Source: Sendable {
    /// The list of files the document is in.
    private let files: [CorpusFile]
    /// Its place there.
    private let index: Int32
    /// The article date.
    public var date: CalendarDate

    /// The file as scanned.
    public var file: CorpusFile { files[Int(index)] }
    /// The path relative to the corpus folder.
    public var path: String { files[Int(index)].path }
    /// The path as opened on disk.
    public var fullPath: String { file.fullPath }
    /// The size in bytes when the folder was scanned.
    var size: Int { files[Int(index)].size }

    /// Creates a source.
    public init(file: CorpusFile, date: CalendarDate) {
      self.init(files: [file], index: 0, date: date)
    }

    /// The document `files[index]`, dated `date`.
    public init(files: [CorpusFile], index: Int, date: CalendarDate) {
      precondition(files.indices.contains(index), "no file \(index) of \(files.count)")
      self.files = files
      self.index = Int32(index)
      self.date = date
    }

    /// Creates a source for the file at `fullPath`.
    public init(path: String, fullPath: String, date: CalendarDate) {
      self.init(file: CorpusFile(path: path, fullPath: fullPath, size: 0), date: date)
    }
  }

  /// Accepted documents that can be read again, in the order they were listed: each a place
  /// in one list of files scanned and a date, 8 bytes.
  ///
  /// A run lists every accepted document beside the last pass of its report; as ``Source``s,
  /// each holding the list, they took 16 bytes each (48 MB at three million documents, and as
  /// much again while the array grew).
  public struct Sources: RandomAccessCollection, Sendable {
    /// The list of files every document is in.
    private let files: [CorpusFile]
    /// Each document's place in `files` (the high 32 bits) and its date's bits (the low).
    private var places: [UInt64] = []

    /// No documents yet, of `files`, with room for `capacity` of them.
    init(of files: [CorpusFile], capacity: Int = 0) {
      precondition(files.count <= Int(UInt32.max), "\(files.count) files")
      self.files = files
      places.reserveCapacity(capacity)
    }

    /// The documents `sources`, in their order.
    public init(_ sources: [Source]) {
      self.init(of: sources.map(\.file), capacity: sources.count)
      for (index, source) in sources.enumerated() { append(index, date: source.date) }
    }

    /// Adds the document `files[index]`, dated `date`.
    mutating func append(_ index: Int, date: CalendarDate) {
      precondition(files.indices.contains(index), "no file \(index) of \(files.count)")
      places.append(UInt64(index) << 32 | UInt64(date.bits))
    }

    /// The place of the first document.
    public var startIndex: Int { 0 }
    /// The place after the last document.
    public var endIndex: Int { places.count }

    /// The document at `position`.
    public subscript(position: Int) -> Source { source(places[position]) }

    /// The documents `isIncluded` accepts, in their order, held as these are.
    public func filter(_ isIncluded: (Source) throws -> Bool) rethrows -> Sources {
      var kept = Sources(of: files)
      kept.places = try places.filter { try isIncluded(source($0)) }
      return kept
    }

    private func source(_ place: UInt64) -> Source {
      Source(
        files: files, index: Int(place >> 32),
        date: CalendarDate(bits: UInt32(truncatingIfNeeded: place)))
    }
  }
}
