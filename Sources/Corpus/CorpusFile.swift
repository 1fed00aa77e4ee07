/// A `.txt` file found below the corpus folder.
///
/// A scan keeps one for every file of the corpus until the run ends, so it is kept small: 24
/// bytes, and its path's own bytes beside those of the other files of its folder, whose part of
/// the path they share (``FolderPaths``). Held as a `String`, a path of more than 15 bytes took
/// 64 bytes or more on the heap, and the entry 64 bytes: at a million files, 128 MB. With the
/// path's start, its length and the size in fields of their own, an entry took 32 bytes: 96 MB
/// at three million files, where it takes 72 MB now.
public struct CorpusFile: Sendable, Hashable {
  /// Its folder's paths, where its own lies.
  let paths: FolderPaths
  /// Where its path lies in ``FolderPaths/bytes``: its start in the low 24 bits, its length in
  /// the high 8, or ``FolderPaths/longMark`` there for one of that many bytes or more (its
  /// length is in ``FolderPaths/longCounts``).
  private let place: UInt32
  /// The size, or ``FolderPaths/largeMark`` for a size of that many bytes or more (it is in
  /// ``FolderPaths/largeSizes``).
  private let smallSize: UInt32
  /// The modification time when the folder was scanned, in nanoseconds since 1970.
  public let modified: Int64

  /// Where its path starts in ``FolderPaths/bytes``.
  private var start: UInt32 { place & FolderPaths.startMask }

  /// How many bytes its path takes.
  private var count: Int {
    let count = place >> FolderPaths.startBits
    return count == FolderPaths.longMark ? paths.longCounts[start]! : Int(count)
  }

  /// The size in bytes when the folder was scanned.
  public var size: Int {
    smallSize == FolderPaths.largeMark ? paths.largeSizes[start]! : Int(smallSize)
  }

  /// The path relative to the corpus folder, with `/` separators: made when asked for.
  public var path: String { withPathBytes { String(decoding: $0, as: UTF8.self) } }

  /// The folder holding the file, as opened on disk (one string shared by its folder's files),
  /// or empty when ``name`` is the whole path.
  var folder: String { paths.folder }

  /// The file's name in ``folder``: the last part of ``path``, unless the scan found it
  /// spelled otherwise on disk (a name that reports show otherwise, see ``FileName``), or the
  /// entry was made from a path alone (``fullPath`` as given).
  var name: String {
    if !paths.ownNames.isEmpty, let own = paths.ownNames[start] { return own }
    // The last part of a path is in its own part: a folder's part ends with a `/`.
    return withPathParts { _, own in String(decoding: Self.lastPart(of: own), as: UTF8.self) }
  }

  /// What follows the last `/` of a path's bytes, or all of them.
  static func lastPart(of path: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    let start = path.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
    return UnsafeBufferPointer(rebasing: path[start...])
  }

  /// The path as opened on disk: made when asked for, so that a scan of many files keeps one
  /// copy of each folder's path rather than one per file.
  public var fullPath: String { folder.isEmpty ? name : folder + "/" + name }

  /// Creates a corpus file entry.
  public init(path: String, fullPath: String, size: Int, modified: Int64 = 0) {
    var builder = FolderPaths.Builder(folder: "")
    builder.add(path: path, name: fullPath, size: size, modified: modified)
    self = builder.finish()[0]
  }

  /// Creates an entry whose path is the `count` bytes at `start` in `paths`, which holds its
  /// length or size when they do not fit the entry's fields.
  init(paths: FolderPaths, start: UInt32, count: Int, size: Int, modified: Int64) {
    self.paths = paths
    place = start | UInt32(min(count, Int(FolderPaths.longMark))) << FolderPaths.startBits
    smallSize = UInt32(min(size, Int(FolderPaths.largeMark)))
    self.modified = modified
  }

  /// Calls `body` with the UTF-8 bytes of ``path``, without making the string (but for a copy
  /// of them end to end, on the stack as a rule, when its folder's part is kept apart).
  package func withPathBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result)
    rethrows -> Result
  {
    try withPathParts { head, tail in
      if head.isEmpty { return try body(tail) }
      return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: head.count + tail.count) {
        whole in
        _ = whole.initialize(fromContentsOf: head)
        _ = UnsafeMutableBufferPointer(rebasing: whole[head.count...]).initialize(
          fromContentsOf: tail)
        defer { whole.deinitialize() }
        return try body(UnsafeBufferPointer(whole))
      }
    }
  }

  /// Calls `body` with the bytes of ``path`` in two parts: its folder's
  /// (``FolderPaths/prefix``, shared by the folder's entries) and its own.
  private func withPathParts<Result>(
    _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    try paths.prefix.withUnsafeBufferPointer { head in
      try paths.bytes.withUnsafeBufferPointer { all in
        try body(head, UnsafeBufferPointer(rebasing: all[Int(start)..<Int(start) + count]))
      }
    }
  }

  /// The order of ``path``'s bytes and `other`'s (see `String.comparedInByteOrder(with:)`).
  package func comparedPath(with other: CorpusFile) -> Int {
    withPathParts { head, tail in
      other.withPathParts { otherHead, otherTail in
        // The files of one folder, as its listing is sorted, share their folder's part.
        paths === other.paths
          ? tail.comparedInByteOrder(with: otherTail)
          : comparedInByteOrder((head, tail), (otherHead, otherTail))
      }
    }
  }

  /// The order of ``path``'s bytes and those of `other`.
  package func comparedPath(with other: String) -> Int {
    withPathParts { head, tail in
      var other = other
      return other.withUTF8 { rhs in
        comparedInByteOrder((head, tail), (rhs, UnsafeBufferPointer(start: nil, count: 0)))
      }
    }
  }

  /// Whether ``path`` comes before `other`'s in byte order.
  package func pathPrecedes(_ other: CorpusFile) -> Bool { comparedPath(with: other) < 0 }

  /// Entries are equal when their paths have the same bytes, they are opened by the same path
  /// and their sizes and times are the same, wherever their bytes are kept.
  public static func == (lhs: CorpusFile, rhs: CorpusFile) -> Bool {
    lhs.size == rhs.size && lhs.modified == rhs.modified && lhs.comparedPath(with: rhs) == 0
      && lhs.folder == rhs.folder && lhs.name == rhs.name
  }

  public func hash(into hasher: inout Hasher) {
    withPathBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    hasher.combine(size)
    hasher.combine(modified)
  }
}

/// The paths of a scanned folder's files, their UTF-8 bytes end to end, and the folder they
/// are opened in: one object shared by the folder's ``CorpusFile`` entries, with what does not
/// fit in an entry.
final class FolderPaths: Sendable {
  /// The folder as opened on disk, or empty when the entries' names are whole paths.
  let folder: String
  /// The bytes every path starts with, kept once: the folder's path from the corpus folder
  /// and a `/` for a scanned folder's files (five bytes a file for `2021/`).
  let prefix: [UInt8]
  /// Every path but for ``prefix``, end to end: at most ``startMask`` + 1 bytes, but for a
  /// single longer path.
  let bytes: [UInt8]
  /// The names on disk that are not the last part of their path, by where the path starts.
  let ownNames: [UInt32: String]
  /// The lengths of the paths of ``longMark`` bytes or more, by where they start.
  let longCounts: [UInt32: Int]
  /// The sizes of ``largeMark`` bytes or more, by where their file's path starts.
  let largeSizes: [UInt32: Int]

  /// How many low bits of an entry's place give where its path starts.
  static let startBits: UInt32 = 24
  static let startMask: UInt32 = 1 << startBits - 1
  /// An entry's length bits for a path whose length is in ``longCounts``.
  static let longMark: UInt32 = 0xFF
  /// An entry's size for a file whose size is in ``largeSizes``.
  static let largeMark = UInt32.max

  private init(
    folder: String, prefix: [UInt8], bytes: [UInt8], ownNames: [UInt32: String],
    longCounts: [UInt32: Int], largeSizes: [UInt32: Int]
  ) {
    self.folder = folder
    self.prefix = prefix
    self.bytes = bytes
    self.ownNames = ownNames
    self.longCounts = longCounts
    self.largeSizes = largeSizes
  }

  /// Gathers the entries of a folder's files, their paths end to end, and makes them share one
  /// ``FolderPaths`` once they are all in.
  struct Builder {
    let folder: String
    let prefix: [UInt8]
    private var bytes: [UInt8] = []
    private var ownNames: [UInt32: String] = [:]
    private var longCounts: [UInt32: Int] = [:]
    private var largeSizes: [UInt32: Int] = [:]
    /// The entries added since the last ``FolderPaths`` was made: their paths are in ``bytes``.
    private var pending: [(start: UInt32, count: Int, size: Int, modified: Int64)] = []
    /// The entries whose ``FolderPaths`` is made.
    private var finished: [CorpusFile] = []

    /// How many bytes of paths one ``FolderPaths`` holds at most: its offsets are 24 bits.
    private let limit: Int

    /// Starts a folder's entries; `folder` is empty when the names given are whole paths.
    /// Every path added starts with `prefix`, empty or ending with a `/`, and goes on after
    /// it; the prefix is kept once.
    /// `limit` is for tests: a folder whose paths take more bytes gets more objects.
    init(folder: String, prefix: String = "", limit: Int = Int(FolderPaths.startMask) + 1) {
      self.folder = folder
      self.prefix = Array(prefix.utf8)
      precondition(self.prefix.last ?? UInt8(ascii: "/") == UInt8(ascii: "/"), "a folder's prefix")
      self.limit = min(limit, Int(FolderPaths.startMask) + 1)
    }

    /// Adds the entry of the file `name` in the folder, shown as `path`.
    mutating func add(path: String, name: String, size: Int, modified: Int64) {
      var path = path
      path.withUTF8 { whole in
        precondition(
          prefix.isEmpty || (whole.count > prefix.count && whole.starts(with: prefix)),
          "a path of the folder's files goes on after its prefix")
        let path = UnsafeBufferPointer(rebasing: whole[prefix.count...])
        // Offsets are 24 bits: a folder whose paths take more than 16 MB gets more objects
        // (an empty path too starts below the limit).
        if bytes.count + max(path.count, 1) > limit { makeObject() }
        var name = name
        let ownName = !name.withUTF8({ $0.elementsEqual(CorpusFile.lastPart(of: whole)) })
        let largeSize = size >= Int(FolderPaths.largeMark)
        // An empty path starts where the next path does, and what is kept by where a path
        // starts (never a length: an empty path's fits) would be taken for the other's: an
        // entry that would share its start with one that keeps something there, or that keeps
        // something itself, goes in another object.
        if let last = pending.last, last.start == UInt32(bytes.count),
          ownName || largeSize || ownNames[last.start] != nil || largeSizes[last.start] != nil
        {
          makeObject()
        }
        let start = UInt32(bytes.count)
        if ownName { ownNames[start] = name }
        if largeSize { largeSizes[start] = size }
        if path.count >= Int(FolderPaths.longMark) { longCounts[start] = path.count }
        pending.append((start, path.count, size, modified))
        bytes.append(contentsOf: path)
      }
    }

    /// Every entry added, in order.
    consuming func finish() -> [CorpusFile] {
      makeObject()
      return finished
    }

    /// Makes the object the pending entries share, and the entries.
    private mutating func makeObject() {
      guard !pending.isEmpty else { return }
      // Room for exactly the bytes: grown by doubling, they could take twice as much.
      let paths = FolderPaths(
        folder: folder, prefix: prefix, bytes: bytes.withUnsafeBufferPointer(Array.init),
        ownNames: ownNames, longCounts: longCounts, largeSizes: largeSizes)
      finished.reserveCapacity(finished.count + pending.count)
      for entry in pending {
        finished.append(
          CorpusFile(
            paths: paths, start: entry.start, count: entry.count, size: entry.size,
            modified: entry.modified))
      }
      (bytes, ownNames, longCounts, largeSizes, pending) = ([], [:], [:], [:], [])
    }
  }
}
