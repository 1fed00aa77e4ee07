/// Whether the files the workers open ahead are worth asking the kernel for
/// (`POSIX_FADV_WILLNEED`, ``FilesAhead``): yes while reads find files that the page cache does
/// not hold, no once a run of reads has found every file there.
///
/// Asking for a file the cache holds already costs a system call that walks its pages and
/// fetches nothing: at 1 GB with the corpus cached, 2 % of a run's CPU and 0.5-0.8 s of its
/// system time (four alternating runs with and without). Asking for files that are only on the
/// disk is what lets a cold corpus be read while the cores count (at 1 GB after `drop_caches`,
/// 42.3 s of reading and counting without, 31.5 s with). So the workers ask until
/// ``stopAfter`` files in a row were all in the cache, and start again at the first one that
/// was not (asking then for the files opened ahead without it). When that comes within
/// ``quickRelapse`` files of stopping, among the first few that were not asked for, the files
/// were likely in the cache only because they had been asked for, and it takes twice as many to
/// stop again: a corpus read from the disk is soon always asked for, while one the cache holds
/// but for a page here and there (this machine evicts some: 26 of the 29,700 files of a run at
/// 100 MB were not all there, a few hundred files apart) stops asking again after
/// ``firstRun``.
/// A system that cannot tell (``FileReader/Opened/readAndClose(sizeHint:cached:)`` gives nil)
/// never stops asking, as every run did before.
struct PrefetchPolicy: Sendable {
  /// How many files in a row the cache must hold before asking stops, at first.
  static let firstRun = 64
  /// The most it takes.
  static let longestRun = 1 << 16
  /// How many files after asking stopped a miss shows that the corpus is not in the cache: the
  /// files opened ahead while asking were asked for, so the first not asked for comes up to
  /// ``FilesAhead/largestDepth`` files later.
  static let quickRelapse = 2 * FilesAhead.largestDepth

  /// Whether files opened now should be asked for.
  private(set) var prefetching = true
  /// How many files in a row the cache must hold before asking stops.
  private(set) var stopAfter = Self.firstRun
  /// Files in a row that the cache held, since the last one it did not. Asking stops when this
  /// reaches ``stopAfter``, so while it is stopped, the files read since are the ones past that.
  private var cachedInARow = 0

  /// Starts asking, as for a corpus not yet known to be cached.
  init() {}

  /// Notes whether a file read was all in the page cache (nil: not known); returns true when
  /// this starts asking again, so that the files opened ahead without it can be asked for.
  mutating func note(cached: Bool?) -> Bool {
    // An unreadable file, or a system that cannot tell: nothing learnt about the cache.
    guard let cached else { return false }
    guard cached else {
      // This file, and those the cache held since asking stopped.
      let readSinceStop = cachedInARow - stopAfter + 1
      cachedInARow = 0
      guard !prefetching else { return false }
      prefetching = true
      if readSinceStop <= Self.quickRelapse { stopAfter = min(Self.longestRun, stopAfter * 2) }
      return true
    }
    cachedInARow += 1
    if cachedInARow == stopAfter { prefetching = false }
    return false
  }
}
