import Corpus

/// The files one worker takes from a counter shared with the other workers, each opened a few
/// files before it is read, with the kernel asked to fetch it (``FileReader/Opened``): a corpus
/// the page cache has not kept is read from the disk while the files before it are counted,
/// rather than a file at a time while a core waits.
///
/// At 500 MB with the page cache dropped, reading and counting took 21-23 s one file at a time
/// and 15-17 s eight files ahead (32 ahead gained nothing more); with the corpus in the cache,
/// the time is the same either way.
struct FilesAhead {
  /// How many files a worker has open ahead of the one it reads.
  static let depth = 8

  private let counter: Shared<Int>
  private let count: Int
  private let path: (Int) -> String
  /// The files taken and opened, oldest first.
  private var opened: [(index: Int, file: FileReader.Opened)] = []
  private var taking = true

  /// Takes indices below `count` from `counter`, opening the file at `path(index)` for each.
  init(taking counter: Shared<Int>, below count: Int, path: @escaping (Int) -> String) {
    self.counter = counter
    self.count = count
    self.path = path
  }

  /// The next file this worker took, opened, or nil when every index has been taken and read.
  /// Every file returned must be read with ``FileReader/Opened/readAndClose()``.
  mutating func next() -> (index: Int, file: FileReader.Opened)? {
    while taking && opened.count < Self.depth {
      let index = counter.takeNext()
      guard index < count else {
        taking = false
        break
      }
      opened.append((index, FileReader.Opened(path(index), prefetch: true)))
    }
    return opened.isEmpty ? nil : opened.removeFirst()
  }
}
