import Analysis
import Corpus
import Glibc

/// A file for bytes a run writes once and reads back later, so they need not stay in memory.
///
/// It is created in a given folder and unlinked at once: nothing is left behind however the
/// process ends, and the space is returned when the last descriptor closes. Writes append;
/// both may come from any thread.
final class ScratchFile: WritableShelf, Sendable {
  /// Why the scratch file could not be used.
  struct Failure: Error, Sendable, CustomStringConvertible {
    /// The folder the file is in.
    var folder: String
    /// What the file holds, for the message.
    var purpose: String
    /// What failed.
    var detail: String
    /// A message for the user.
    var description: String {
      "could not use a scratch file in \(folder) (it holds \(purpose)): \(detail)"
    }
  }

  private let descriptor: Int32
  private let folder: String
  private let purpose: String
  /// The length written so far.
  private let end = Shared(0)

  /// A new, already unlinked, empty file in `folder` for `purpose` (what it holds, said in
  /// messages).
  init(folder: String, holding purpose: String = "counted figures until they are stored")
    throws(Failure)
  {
    var template = Array("\(folder)/.almanac-scratch-XXXXXX".utf8CString)
    descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw Failure(folder: folder, purpose: purpose, detail: String(cString: strerror(errno)))
    }
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
    self.folder = folder
    self.purpose = purpose
  }

  deinit { close(descriptor) }

  /// Appends `bytes`, returning where they are. Threads appending at once each get a range of
  /// their own: it is taken before the bytes are written (a write that fails leaves a hole).
  func append(_ bytes: [UInt8]) throws(Failure) -> Range<Int> {
    let range = try reserve(bytes.count)
    try write(bytes[...], at: range.lowerBound)
    return range
  }

  /// Room for `count` bytes after those written or reserved before.
  func reserve(_ count: Int) throws(Failure) -> Range<Int> {
    end.withLock { end in
      defer { end += count }
      return end..<end + count
    }
  }

  /// Writes `bytes` at `offset`, within room ``reserve(_:)`` made.
  func write(_ bytes: ArraySlice<UInt8>, at offset: Int) throws(Failure) {
    // `withUnsafeBytes` rethrows untyped: the failure is handed out instead.
    let problem = bytes.withUnsafeBytes { raw -> Failure? in
      var written = 0
      while written < raw.count {
        let got = pwrite(
          descriptor, raw.baseAddress! + written, raw.count - written, off_t(offset + written))
        if got < 0 && errno == EINTR { continue }
        guard got > 0 else { return failure("write", got) }
        written += got
      }
      return nil
    }
    if let problem { throw problem }
  }

  /// The bytes at `range`, as ``append(_:)`` returned it.
  func read(_ range: Range<Int>) throws(Failure) -> [UInt8] {
    var problem: Failure?
    // Read straight into the array's storage, not zeroed first: what is not read is not kept.
    let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
      var filled = 0
      while filled < range.count {
        let got = pread(
          descriptor, buffer.baseAddress! + filled, range.count - filled,
          off_t(range.lowerBound + filled))
        if got < 0 && errno == EINTR { continue }
        guard got > 0 else {
          problem = failure("read", got)
          break
        }
        filled += got
      }
      initialized = problem == nil ? filled : 0
    }
    if let problem { throw problem }
    return bytes
  }

  /// The failure of a `pread` or `pwrite` that returned `result` (0: nothing moved).
  private func failure(_ operation: String, _ result: Int) -> Failure {
    Failure(
      folder: folder, purpose: purpose,
      detail:
        "\(operation) failed: \(result < 0 ? String(cString: strerror(errno)) : "end of file")")
  }
}

/// A ``ScratchFile`` as the shelf of a year source whose failures are `Failure`
/// (``ReportModel/YearSource/makeShelf()``): what a span of years pooled puts aside stays on
/// disk, out of memory.
struct ScratchShelf<Failure: Error>: ByteShelf {
  private let file: ScratchFile
  private let failure: @Sendable (ScratchFile.Failure) -> Failure

  /// A new scratch file in `folder`, its failures turned into the source's by `failure`.
  init(folder: String, failure: @escaping @Sendable (ScratchFile.Failure) -> Failure)
    throws(Failure)
  {
    do {
      file = try ScratchFile(folder: folder, holding: "the years pooled by --compare")
    } catch { throw failure(error) }
    self.failure = failure
  }

  func append(_ bytes: [UInt8]) throws(Failure) -> Range<Int> {
    do { return try file.append(bytes) } catch { throw failure(error) }
  }

  func read(_ range: Range<Int>) throws(Failure) -> [UInt8] {
    do { return try file.read(range) } catch { throw failure(error) }
  }
}
