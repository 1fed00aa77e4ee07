import Corpus
import Glibc

/// The renames a publish has committed to, kept in its folder while they are made, so that a
/// run stopped between two of them (killed, or the machine lost power) is finished by the next
/// run rather than leaving some reports new and the others old.
///
/// The journal is written, flushed and renamed into place only once every file of the batch is
/// completely written and flushed under its temporary name, and it is removed once every rename
/// is made. A journal found in a folder therefore always describes a whole batch that was being
/// put in place: making its remaining renames publishes that batch as a whole.
enum PublishJournal {
  /// The journal's name in the folder it describes.
  static let name = ".almanac-publishing"

  /// One file of a batch, by its names in the folder.
  struct Rename: Equatable, Sendable {
    /// The name it was written under.
    let temporary: String
    /// The name it is published under.
    let final: String
    /// The name the version it replaces was kept under.
    let second: String
  }

  /// Writes the journal of `renames` into `folder` and flushes it and the folder.
  static func write(_ renames: [Rename], in folder: String) throws(PublishError) {
    let text = renames.map { "\($0.temporary)/\($0.final)/\($0.second)\n" }.joined()
    let staged = folder + "/" + name + ".tmp-\(getpid())"
    try Publisher.write(Array(text.utf8), to: staged)
    guard rename(staged, folder + "/" + name) == 0 else {
      let code = errno
      unlink(staged)
      throw .writeFailed(path: folder + "/" + name, errno: code)
    }
    Publisher.syncFolder(folder)
  }

  /// Removes the journal of `folder`: its batch is in place, or was put back.
  static func remove(in folder: String) {
    unlink(folder + "/" + name)
  }

  /// Finishes a batch that a stopped run left half in place in `folder`, if there is one:
  /// renames the files it had not yet renamed and removes the versions it had kept.
  ///
  /// - Returns: The published names that were put in place now (empty when there was no
  ///   journal, or when only the tidying up was left).
  /// - Throws: ``PublishError`` when a rename fails, the journal is not one Almanac wrote, or
  ///   it cannot be read (``PublishError/journalReadFailed(path:errno:)``, with the reason: a
  ///   journal that may not exist is not called foreign); the journal is then left for the next
  ///   attempt.
  @discardableResult
  static func finish(in folder: String) throws(PublishError) -> [String] {
    let path = folder + "/" + name
    let bytes: [UInt8]
    do { bytes = try FileReader.read(path) } catch {
      guard case .unreadable(let code, _) = error, code != EFBIG else {
        throw .unreadableJournal(path: path)
      }
      if code == ENOENT || code == ENOTDIR { return [] }
      throw .journalReadFailed(path: path, errno: code)
    }
    let renames = try parse(bytes, path: path)
    var finished: [String] = []
    for entry in renames where access(folder + "/" + entry.temporary, F_OK) == 0 {
      guard rename(folder + "/" + entry.temporary, folder + "/" + entry.final) == 0 else {
        throw .writeFailed(path: folder + "/" + entry.final, errno: errno)
      }
      finished.append(entry.final)
    }
    Publisher.syncFolder(folder)
    for entry in renames { unlink(folder + "/" + entry.second) }
    remove(in: folder)
    return finished
  }

  /// The renames of a journal: one line each, the three names separated by `/`, which no name
  /// in a folder holds.
  static func parse(_ bytes: [UInt8], path: String) throws(PublishError) -> [Rename] {
    var renames: [Rename] = []
    for line in bytes.split(separator: UInt8(ascii: "\n")) {
      let names = line.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
      guard names.count == 3, names.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
      else { throw .unreadableJournal(path: path) }
      renames.append(Rename(temporary: names[0], final: names[1], second: names[2]))
    }
    return renames
  }
}
