import Corpus

#if canImport(Glibc)
  import Glibc
#endif

/// The files one worker takes from a counter shared with the other workers, each opened a few
/// files before it is read, with the kernel asked to fetch it (``FileReader/Opened``): a corpus
/// the page cache has not kept is read from the disk while the files before it are counted,
/// rather than a file at a time while a core waits. Files are asked for only while reads find
/// some that the cache does not hold (``PrefetchPolicy``).
///
/// At 500 MB with the page cache dropped, reading and counting took 21-23 s one file at a time
/// and 15-17 s eight files ahead (32 ahead gained nothing more); with the corpus in the cache,
/// the time is the same either way.
struct FilesAhead {
  /// The most files a worker has open, counting the one it reads.
  static let largestDepth = 8

  /// How many files each of `workers` may have open, counting the one it reads: at most
  /// ``largestDepth``, and all of them together at most a quarter of the process's limit on
  /// open files, so that many workers (`--workers` goes up to 256) under a low limit open each
  /// file only when they read it, as they did before files were opened ahead, rather than
  /// fail to open files.
  static func depth(workers: Int, openFileLimit: Int = OpenFileLimit.current) -> Int {
    max(1, min(largestDepth, openFileLimit / 4 / max(1, workers)))
  }

  private var depth: Int
  private let counter: Shared<Int>
  private let count: Int
  /// Opens file `index` in `folder` (``Corpus/OpenFolder/opening(_:prefetch:)``), asking for it
  /// with `prefetch`: the caller's closure passes the file where it lies, where one returning the
  /// file copied it out, retaining and releasing its three strings (the folder's shared by every
  /// file in it and by both cores) for every file of the corpus.
  private let open: (_ index: Int, _ folder: OpenFolder, _ prefetch: Bool) -> FileReader.Opened
  /// The folder of the files opened last, kept open to open the next ones by name.
  private let folder = OpenFolder()
  /// The files taken and opened, oldest first.
  private var opened: [(index: Int, file: FileReader.Opened)] = []
  private var taking = true
  /// Whether the files opened now are asked for, learnt by all the workers of a run.
  private let policy: Shared<PrefetchPolicy>

  /// Takes indices below `count` from `counter`, opening each with `open`, as one of `workers`
  /// doing the same, asking the kernel for the files as `policy` says.
  init(
    taking counter: Shared<Int>, below count: Int, workers: Int,
    policy: Shared<PrefetchPolicy>,
    open: @escaping (_ index: Int, _ folder: OpenFolder, _ prefetch: Bool) -> FileReader.Opened
  ) {
    depth = Self.depth(workers: workers)
    self.policy = policy
    self.counter = counter
    self.count = count
    self.open = open
  }

  /// The next file this worker took, opened, or nil when every index has been taken and read.
  /// Every file returned must be read with ``read(_:sizeHint:)``.
  ///
  /// A file that could not be opened for want of descriptors (the limit on open files counts
  /// the state's, the locks' and the other workers' too) is not given up: this worker stops
  /// opening files ahead, reads those it has open first, and then opens it again.
  mutating func next() -> (index: Int, file: FileReader.Opened)? {
    let prefetch = opened.count < depth && policy.withLock { $0.prefetching }
    while taking && opened.count < depth {
      let index = counter.takeNext()
      guard index < count else {
        taking = false
        break
      }
      let file = open(index, folder, prefetch)
      if file.ranOutOfDescriptors { depth = 1 }
      opened.append((index, file))
    }
    if let ready = opened.firstIndex(where: { !$0.file.ranOutOfDescriptors }) {
      return opened.remove(at: ready)
    }
    guard !opened.isEmpty else { return nil }
    // This worker holds no file now; the others close theirs as they read them.
    let index = opened.removeFirst().index
    var file = open(index, folder, false)
    var attempts = 0
    while file.ranOutOfDescriptors && attempts < reopenAttempts {
      usleep(2_000)
      file = open(index, folder, false)
      attempts += 1
    }
    // Descriptors are not coming back (the limit is below what the run needs beside its
    // files): the next files are rejected at once, not each after the wait.
    if file.ranOutOfDescriptors { reopenAttempts = 0 }
    return (index, file)
  }

  /// How many times, 2 ms apart, a file that could not be opened for want of descriptors is
  /// opened again while this worker holds no other file, before it is rejected as unreadable.
  private var reopenAttempts = 50

  /// Reads and closes `file`, which ``next()`` returned (see
  /// ``FileReader/Opened/readAndClose(sizeHint:)``), noting whether the page cache held it
  /// (``PrefetchPolicy``).
  func read(_ file: FileReader.Opened, sizeHint: Int?) -> Result<[UInt8], Rejection> {
    var cached: Bool? = nil
    let result = Result { () throws(Rejection) in
      try file.readAndClose(sizeHint: sizeHint, cached: &cached)
    }
    if policy.withLock({ $0.note(cached: cached) }) {
      for ahead in opened { ahead.file.prefetch() }
    }
    return result
  }
}
