import TestSupport
import Testing

@testable import Corpus

/// Entries whose paths are kept end to end in their folder's ``FolderPaths``: each reads back
/// what it was made with, however the bytes were split between objects.
@Suite struct CorpusFileTests {
  /// Paths of every kind a scan can show: ASCII, Cyrillic, escaped, at the root, long, short.
  static let paths = [
    "2021/a.txt", "2021/Отчёт о встрече в Минске.txt", "2021/new\\nline.txt", "r.txt",
    "2022/deeper/still/a-long-name-of-more-than-fifteen-bytes.txt", "2021/back\\\\slash.txt",
  ]

  /// What an entry was made with.
  struct Made: Equatable {
    var path: String
    var name: String
    var size: Int
    var modified: Int64
  }

  /// `count` entries drawn from `seed`: a name on disk that is the path's last part, or one
  /// spelled otherwise (as an escaped one is).
  static func made(_ count: Int, seed: UInt64) -> [Made] {
    var random = SplitMix(seed: seed)
    return (0..<count).map { index in
      let path = paths.randomElement(using: &random)! + (index % 3 == 0 ? "" : "\(index)")
      let last = String(path.split(separator: "/", omittingEmptySubsequences: false).last!)
      let name = Bool.random(using: &random) ? last : "on-disk-\(index)"
      return Made(
        path: path, name: name, size: Int.random(in: 0...1 << 40, using: &random),
        modified: Int64.random(in: -1...Int64.max, using: &random))
    }
  }

  func read(_ file: CorpusFile) -> Made {
    Made(path: file.path, name: file.name, size: file.size, modified: file.modified)
  }

  @Test(arguments: [Int.max, 64, 20, 1])
  func everyEntryReadsBackWhatItWasMadeWith(limit: Int) {
    let made = Self.made(300, seed: UInt64(limit & 0xffff))
    var builder = FolderPaths.Builder(folder: "/corpus/2021", limit: limit)
    for entry in made {
      builder.add(path: entry.path, name: entry.name, size: entry.size, modified: entry.modified)
    }
    let files = builder.finish()
    #expect(files.map(read) == made)
    #expect(files.map(\.fullPath) == made.map { "/corpus/2021/" + $0.name })
    for (file, entry) in zip(files, made) {
      #expect(file.withPathBytes { Array($0) } == Array(entry.path.utf8))
    }
  }

  /// Past its limit a builder starts another object: none holds more than the limit's bytes (for
  /// paths no longer than it), and each holds only the paths of its own entries.
  @Test(arguments: [64, 200])
  func aFolderPastItsLimitSharesMoreObjects(limit: Int) {
    let made = Self.made(300, seed: 3).filter { $0.path.utf8.count <= limit }
    var builder = FolderPaths.Builder(folder: "/c", limit: limit)
    for entry in made {
      builder.add(path: entry.path, name: entry.name, size: 0, modified: 0)
    }
    let files = builder.finish()
    var objects: [ObjectIdentifier: (paths: FolderPaths, bytes: Int)] = [:]
    for file in files {
      objects[ObjectIdentifier(file.paths), default: (file.paths, 0)].bytes += file.path.utf8.count
    }
    #expect(objects.count > 1)
    for (paths, bytes) in objects.values {
      #expect(paths.bytes.count <= limit)
      #expect(paths.bytes.count == bytes)
    }
  }

  /// An entry made from a path alone is opened by the path given, whatever the path shown;
  /// empty paths (two of them start at the same place) keep their own names.
  @Test func anEntryMadeFromAPathIsOpenedByIt() {
    let file = CorpusFile(path: "2021/a.txt", fullPath: "/elsewhere/b.txt", size: 3, modified: 4)
    #expect(file.path == "2021/a.txt")
    #expect(file.fullPath == "/elsewhere/b.txt")
    var builder = FolderPaths.Builder(folder: "")
    builder.add(path: "", name: "/one.txt", size: 1, modified: 1)
    builder.add(path: "", name: "/two.txt", size: 2, modified: 2)
    builder.add(path: "x", name: "/three.txt", size: 3, modified: 3)
    #expect(builder.finish().map(\.fullPath) == ["/one.txt", "/two.txt", "/three.txt"])
  }

  /// What a scan holds for each file: the entry, and its path's bytes apart.
  @Test func anEntryTakes24Bytes() {
    #expect(MemoryLayout<CorpusFile>.stride == 24)
  }

  /// Lengths and sizes too large for an entry's fields read back whole, on either side of
  /// where they stop fitting, empty paths (which start where the next path does) among them.
  @Test func longPathsAndLargeSizesReadBackWhole() {
    let sizes = [0, 1 << 32 - 2, 1 << 32 - 1, 1 << 32, 1 << 40, Int.max]
    let lengths = [0, 254, 255, 256, 4096, 0, 0]
    var made: [Made] = []
    for (index, length) in lengths.enumerated() {
      for (other, size) in sizes.enumerated() {
        let path = String(repeating: "ж", count: length / 2) + (length % 2 == 0 ? "" : "a")
        let last = String(path.split(separator: "/", omittingEmptySubsequences: false).last!)
        made.append(
          Made(
            path: path, name: (index + other) % 3 == 0 ? "own-\(made.count)" : last, size: size,
            modified: Int64(made.count)))
      }
    }
    for limit in [Int.max, 300] {
      var builder = FolderPaths.Builder(folder: "/c", limit: limit)
      for entry in made {
        builder.add(path: entry.path, name: entry.name, size: entry.size, modified: entry.modified)
      }
      let files = builder.finish()
      #expect(files.map(read) == made)
      #expect(files.map { $0.path.utf8.count } == made.map { $0.path.utf8.count })
    }
  }

  /// A folder whose paths fill an object's 16 MB of offsets to the byte goes on in another:
  /// the next path, even an empty one, starts there.
  @Test func pathsFillingAnObjectGoOnInAnother() {
    let path = String(repeating: "p", count: 255) + "/"
    var builder = FolderPaths.Builder(folder: "/c")
    for _ in 0..<(1 << 16) { builder.add(path: path, name: "", size: 7, modified: 1) }
    builder.add(path: "", name: "empty", size: 1 << 33, modified: 2)
    builder.add(path: "x", name: "x", size: 3, modified: 3)
    let files = builder.finish()
    #expect(files.count == 1 << 16 + 2)
    #expect(files[0].paths.bytes.count == 1 << 24)
    let last = files.suffix(2).map(read)
    #expect(
      last == [
        Made(path: "", name: "empty", size: 1 << 33, modified: 2),
        Made(path: "x", name: "x", size: 3, modified: 3),
      ])
    #expect(files[(1 << 16) - 1].path == path)
    #expect(files[1 << 16].paths !== files[0].paths)
  }

  /// A folder's part of its files' paths, kept once, is still part of each: they read back,
  /// compare and hash as the same paths kept whole, in folders whose paths start alike.
  @Test func aFoldersPartOfItsPathsIsKeptOnce() {
    let folders = ["2021/", "2021/deeper/", "2021-old/", "2021.d/", "Отчёты/", "a/b/"]
    let names = ["a.txt", "b.txt", "Встреча.txt", "z", "-.txt", "/x"]
    var kept: [CorpusFile] = []
    var whole: [CorpusFile] = []
    for (index, folder) in folders.enumerated() {
      var prefixed = FolderPaths.Builder(folder: "/c/" + folder, prefix: folder)
      var plain = FolderPaths.Builder(folder: "/c/" + folder)
      for (other, name) in names.enumerated() where name != "/x" || index == 0 {
        let path = folder + name
        let onDisk = other == 2 ? "own" : String(path.split(separator: "/").last!)
        prefixed.add(path: path, name: onDisk, size: other << 33, modified: Int64(index))
        plain.add(path: path, name: onDisk, size: other << 33, modified: Int64(index))
      }
      kept += prefixed.finish()
      whole += plain.finish()
    }
    #expect(kept.map(read) == whole.map(read))
    #expect(kept.map(\.fullPath) == whole.map(\.fullPath))
    #expect(kept == whole)
    #expect(kept.map(\.hashValue) == whole.map(\.hashValue))
    #expect(kept[0].paths.bytes.count == names.joined().utf8.count)
    for (first, second) in zip(kept, whole) {
      #expect(first.withPathBytes { Array($0) } == second.withPathBytes { Array($0) })
    }
    for (a, first) in kept.enumerated() {
      for (b, second) in kept.enumerated() {
        let expected = whole[a].comparedPath(with: whole[b]).signum()
        #expect(first.comparedPath(with: second).signum() == expected)
        #expect(first.comparedPath(with: whole[b]).signum() == expected)
        #expect(first.comparedPath(with: whole[b].path).signum() == expected)
      }
    }
  }

  /// Paths compare in place as their strings' UTF-8 bytes do, one by one.
  @Test func pathsCompareInByteOrder() {
    let made = Self.made(120, seed: 7)
    var builder = FolderPaths.Builder(folder: "/c", limit: 100)
    for entry in made {
      builder.add(path: entry.path, name: entry.name, size: 0, modified: 0)
    }
    let files = builder.finish()
    for (a, first) in files.enumerated() {
      for (b, second) in files.enumerated() {
        let (lhs, rhs) = (made[a].path.utf8, made[b].path.utf8)
        let expected = lhs.elementsEqual(rhs) ? 0 : lhs.lexicographicallyPrecedes(rhs) ? -1 : 1
        #expect(first.comparedPath(with: second).signum() == expected)
        #expect(first.comparedPath(with: made[b].path).signum() == expected)
        #expect(first.pathPrecedes(second) == (expected < 0))
      }
    }
  }

  /// Equal entries are equal, and hash alike, wherever their bytes are kept.
  @Test func equalityIsThatOfWhatTheEntriesSay() {
    func entry(_ path: String, size: Int = 5, after others: [String] = []) -> CorpusFile {
      var builder = FolderPaths.Builder(folder: "/c/2021")
      for other in others { builder.add(path: other, name: "n", size: 0, modified: 0) }
      builder.add(path: path, name: "a.txt", size: size, modified: 9)
      return builder.finish().last!
    }
    let one = entry("2021/a.txt")
    let same = entry("2021/a.txt", after: ["2021/z.txt", "2021/y.txt"])
    #expect(one == same)
    #expect(one.hashValue == same.hashValue)
    #expect(Set([one, same]).count == 1)
    #expect(one != entry("2021/a.txt", size: 6))
    #expect(one != entry("2021/b.txt"))
    #expect(one != CorpusFile(path: "2021/a.txt", fullPath: "/c/2021/a.txt", size: 5, modified: 9))
  }
}
