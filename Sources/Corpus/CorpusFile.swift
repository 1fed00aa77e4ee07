/// A `.txt` file found below the corpus folder.
///
/// A scan keeps one for every file of the corpus until the run ends, so it is kept small: 32
/// bytes, and its path's bytes beside those of the other files of its folder
/// (``FolderPaths``). Held as a `String`, a path of more than 15 bytes took 64 bytes or more on
/// the heap, and the entry 64 bytes: at a million files, 128 MB.
public struct CorpusFile: Sendable, Hashable {
  /// Its folder's paths, where its own lies.
  let paths: FolderPaths
  /// Where its path lies in ``FolderPaths/bytes``.
  private let start: UInt32
  private let count: UInt32
  /// The size in bytes when the folder was scanned.
  public let size: Int
  /// The modification time when the folder was scanned, in nanoseconds since 1970.
  public let modified: Int64

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
    return withPathBytes { String(decoding: Self.lastPart(of: $0), as: UTF8.self) }
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

  /// Creates an entry whose path is the `count` bytes at `start` in `paths`.
  init(paths: FolderPaths, start: UInt32, count: UInt32, size: Int, modified: Int64) {
    self.paths = paths
    self.start = start
    self.count = count
    self.size = size
    self.modified = modified
  }

  /// Calls `body` with the UTF-8 bytes of ``path``, without making the string.
  package func withPathBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result)
    rethrows -> Result
  {
    try paths.bytes.withUnsafeBufferPointer { all in
      try body(UnsafeBufferPointer(rebasing: all[Int(start)..<Int(start) + Int(count)]))
    }
  }

  /// The order of ``path``'s bytes and `other`'s (see `String.comparedInByteOrder(with:)`).
  package func comparedPath(with other: CorpusFile) -> Int {
    withPathBytes { lhs in other.withPathBytes { rhs in lhs.comparedInByteOrder(with: rhs) } }
  }

  /// The order of ``path``'s bytes and those of `other`.
  package func comparedPath(with other: String) -> Int {
    withPathBytes { lhs in
      var other = other
      return other.withUTF8 { rhs in lhs.comparedInByteOrder(with: rhs) }
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
/// are opened in: one object shared by the folder's ``CorpusFile`` entries.
final class FolderPaths: Sendable {
  /// The folder as opened on disk, or empty when the entries' names are whole paths.
  let folder: String
  /// Every path, end to end.
  let bytes: [UInt8]
  /// The names on disk that are not the last part of their path, by where the path starts.
  let ownNames: [UInt32: String]

  private init(folder: String, bytes: [UInt8], ownNames: [UInt32: String]) {
    self.folder = folder
    self.bytes = bytes
    self.ownNames = ownNames
  }

  /// Gathers the entries of a folder's files, their paths end to end, and makes them share one
  /// ``FolderPaths`` once they are all in.
  struct Builder {
    let folder: String
    private var bytes: [UInt8] = []
    private var ownNames: [UInt32: String] = [:]
    /// The entries added since the last ``FolderPaths`` was made: their paths are in ``bytes``.
    private var pending: [(start: UInt32, count: UInt32, size: Int, modified: Int64)] = []
    /// The entries whose ``FolderPaths`` is made.
    private var finished: [CorpusFile] = []

    /// How many bytes of paths one ``FolderPaths`` holds at most: its offsets are 32 bits.
    private let limit: Int

    /// Starts a folder's entries; `folder` is empty when the names given are whole paths.
    /// `limit` is for tests: a folder whose paths take more bytes gets more objects.
    init(folder: String, limit: Int = Int(UInt32.max)) {
      self.folder = folder
      self.limit = min(limit, Int(UInt32.max))
    }

    /// Adds the entry of the file `name` in the folder, shown as `path`.
    mutating func add(path: String, name: String, size: Int, modified: Int64) {
      var path = path
      path.withUTF8 { path in
        // Offsets are 32 bits: a folder whose paths take more than 4 GB gets more objects.
        if bytes.count + path.count > limit { makeObject() }
        var name = name
        if !name.withUTF8({ $0.elementsEqual(CorpusFile.lastPart(of: path)) }) {
          // Two empty paths would start at the same place.
          if ownNames[UInt32(bytes.count)] != nil { makeObject() }
          ownNames[UInt32(bytes.count)] = name
        }
        pending.append((UInt32(bytes.count), UInt32(path.count), size, modified))
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
        folder: folder, bytes: bytes.withUnsafeBufferPointer(Array.init), ownNames: ownNames)
      finished.reserveCapacity(finished.count + pending.count)
      for entry in pending {
        finished.append(
          CorpusFile(
            paths: paths, start: entry.start, count: entry.count, size: entry.size,
            modified: entry.modified))
      }
      (bytes, ownNames, pending) = ([], [:], [])
    }
  }
}
