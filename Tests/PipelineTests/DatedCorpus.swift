import Foundation

/// A scratch corpus whose files are written and touched at ever later modification times, as
/// they would be between nightly runs, so that a run can tell every change by size and time.
struct DatedCorpus {
  /// The corpus folder.
  let root: URL
  private var clock = Date(timeIntervalSince1970: 1_700_000_000)

  /// A corpus in `root`, created when the first file is written.
  init(root: URL) { self.root = root }

  /// Writes `text` to `name` (folders included), a minute after the last change.
  mutating func write(_ name: String, _ text: String) throws {
    let url = root.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    try touch(name)
  }

  /// Gives `name` a modification time a minute after the last change, its content unchanged.
  mutating func touch(_ name: String) throws {
    clock += 61
    try FileManager.default.setAttributes(
      [.modificationDate: clock], ofItemAtPath: root.appendingPathComponent(name).path)
  }
}
