import Corpus
import Glibc

/// The process's memory between the steps of a run.
enum Memory {
  /// The process's resident memory now (`/proc/self/statm`), or 0 where it cannot be read.
  static var residentMegabytes: Int {
    guard let file = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(file) }
    var size = 0
    var resident = 0
    let read = withUnsafeMutablePointer(to: &size) { size in
      withUnsafeMutablePointer(to: &resident) { resident in
        withVaList([size, resident]) { vfscanf(file, "%ld %ld", $0) }
      }
    }
    guard read == 2 else { return 0 }
    return resident * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
  }

  /// The highest resident memory of the process so far (`VmHWM` in `/proc/self/status`), or 0
  /// where it cannot be read.
  static var peakMegabytes: Int {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
      let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
      guard text.hasPrefix("VmHWM:") else { continue }
      let kilobytes =
        text.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap {
          Int($0)
        } ?? 0
      return kilobytes / 1024
    }
    return 0
  }

  /// Sets glibc's allocator up for a run: large blocks mapped on their own
  /// (``mapLargeBlocks()``), small ones merged as they are freed (``mergeFreedSmallBlocks()``),
  /// and free room at the top of a heap kept up to ``keptTopBytes`` (``keepFreedTopOfHeaps()``).
  static func configure() {
    mapLargeBlocks()
    mergeFreedSmallBlocks()
    keepFreedTopOfHeaps()
  }

  /// `mallopt`, which `malloc.h` declares (not part of Swift's Glibc module).
  private typealias Option = @convention(c) (Int32, Int32) -> Int32

  /// The size from which glibc gives a block a mapping of its own (``mapLargeBlocks()``).
  static let mappedBlockBytes = 1 << 23

  /// Has every block of ``mappedBlockBytes`` (8 MB) or more allocated in a mapping of its own,
  /// which goes back to the system the moment the block is freed (glibc's `M_MMAP_THRESHOLD`).
  ///
  /// glibc otherwise raises that threshold to the largest mapped block freed so far (up to
  /// 32 MB), so once a year's largest arrays (a core's bigram log, 22 MB for a large year at
  /// 1 GB) have been freed, the next ones come from a thread's heap, where freed room stays
  /// resident: at 1 GB the report step then peaked anywhere from 265 to 315 MB, depending on
  /// which years the two cores had in hand together, and a fixed 32 MB threshold peaked at
  /// 267-286 MB. Below the threshold, blocks freed are reused from the heap rather than mapped,
  /// faulted in and zeroed again; a 1 MB threshold did that for every year's vocabulary, sorted
  /// terms and packed terms, and whole 1 GB runs took 815,000 page faults instead of 670,000
  /// and 3-4 % more CPU (five alternating runs each: 21.9 s of CPU and 12.1 s of wall time
  /// against 21.1 and 11.6 s), for a peak 3 MB lower (236 MB against 239 MB; 139 MB against
  /// 157 MB at 500 MB).
  /// (Only a `realloc` could grow a mapped block in place, with `mremap`: a Swift array that
  /// grows allocates a new block and copies into it, each page faulted in anew.)
  /// Does nothing where the C library has no `mallopt`.
  static func mapLargeBlocks() {
    // `M_MMAP_THRESHOLD` is -3 in `malloc.h`.
    _ = CLibrary.function("mallopt", as: Option.self)?(-3, Int32(mappedBlockBytes))
  }

  /// Has small blocks merged with the free room around them as soon as they are freed, rather
  /// than kept apart for reuse in glibc's fast bins (`M_MXFAST` 0); each thread's cache of
  /// recently freed blocks (`tcache`) still hands the commonest sizes back at once.
  ///
  /// Whenever a block of a kilobyte or more is asked for, glibc first merges every block in
  /// the fast bins (`malloc_consolidate`). After libxml2 frees a document's many small nodes,
  /// that came to 15 % of rendering, validating and publishing the reports (`perf`, a 100 MB
  /// run): with this, that step took 146-155 ms instead of 171-184 ms at 100 MB, and 217-226 ms
  /// instead of 262-271 ms at 1 GB, the rest of the run no slower (three alternating runs each,
  /// with glibc's `glibc.malloc.mxfast=0` tunable).
  /// Does nothing where the C library has no `mallopt`.
  static func mergeFreedSmallBlocks() {
    // `M_MXFAST` is 1 in `malloc.h`.
    _ = CLibrary.function("mallopt", as: Option.self)?(1, 0)
  }

  /// How much free room at the top of a heap glibc keeps rather than hands back
  /// (``keepFreedTopOfHeaps()``).
  static let keptTopBytes = 1 << 24

  /// Has glibc keep up to ``keptTopBytes`` (16 MB) of free room at the top of each heap
  /// instead of handing all but 128 KB of it back to the system whenever a block there is
  /// freed (`M_TRIM_THRESHOLD`); ``release()`` still hands everything back where a run calls it.
  ///
  /// The blocks below ``mappedBlockBytes`` that a run allocates and frees over and over (a
  /// document's bytes and tokens, a year's tables, each year's terms unpacked for the report)
  /// were handed back as soon as they were freed, and faulted in and zeroed again the next time:
  /// at 1 GB, three alternating runs each took 403,000-430,000 page faults instead of
  /// 674,000-685,000, 20.0 s of CPU instead of 20.8 s and 10.9-11.2 s instead of 11.2-11.6 s,
  /// for a peak of 249-256 MB instead of 234-236 MB (500 MB: 5.9 s instead of 6.0 s, 180 MB
  /// instead of 152-158 MB). Keeping 8 MB took 473,000-529,000 faults (peak 241-246 MB); 32 MB
  /// was no faster than 16 MB (peak 262-270 MB), 64 MB went past 300 MB (301-324 MB).
  /// Does nothing where the C library has no `mallopt`.
  static func keepFreedTopOfHeaps() {
    // `M_TRIM_THRESHOLD` is -1 in `malloc.h`.
    _ = CLibrary.function("mallopt", as: Option.self)?(-1, Int32(keptTopBytes))
  }

  /// Hands memory that was freed back to the system (glibc's `malloc_trim`).
  ///
  /// glibc keeps freed blocks for reuse, and once the counts of a large corpus are released the
  /// heap is full of holes it would otherwise keep for the rest of the run.
  /// Does nothing where the C library has no `malloc_trim`.
  static func release() {
    // `malloc.h` is not part of Swift's Glibc module.
    typealias Trim = @convention(c) (Int) -> Int32
    _ = CLibrary.function("malloc_trim", as: Trim.self)?(0)
  }
}
