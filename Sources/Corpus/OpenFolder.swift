#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder whose files a worker is opening, kept open so that each of its files is opened
/// by name in it (`openat`) rather than by its whole path, which the kernel walks a folder at a
/// time for every file: at 1 GB, opening 248,091 files by path was 2.6 % of a run's samples,
/// a third of them looking up the path's folders.
///
/// One per worker, used from one thread. Files come a folder at a time (a year's files are
/// counted together, and each year's are in a folder of their own in the house layout), so the
/// folder changes seldom; when it does, the previous one is closed. A folder that cannot be
/// opened leaves its files to be opened by path, so that their errors are those of a plain
/// `open`.
public final class OpenFolder {
  /// The folder open now, as ``CorpusFile`` gives it.
  private var folder = ""
  /// Its descriptor, or -1.
  private var descriptor: Int32 = -1

  /// Creates a holder with no folder open.
  public init() {}

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Opens `file` (see ``FileReader/Opened``) in its folder, opening that folder first when it
  /// is not the one open.
  public func opening(_ file: CorpusFile, prefetch: Bool) -> FileReader.Opened {
    guard !file.folder.isEmpty else { return FileReader.Opened(file.name, prefetch: prefetch) }
    if file.folder != folder {
      if descriptor >= 0 { close(descriptor) }
      descriptor = open(file.folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      folder = file.folder
    }
    guard descriptor >= 0 else { return FileReader.Opened(file.fullPath, prefetch: prefetch) }
    return FileReader.Opened(file.name, in: descriptor, prefetch: prefetch)
  }
}
