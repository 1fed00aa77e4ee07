import Foundation
import Pipeline

/// A corpus of dated articles that a test writes (through a ``DatedCorpus``, so that each
/// write is seen as a change), in a folder of its own beside the output folders of the runs
/// over it; ``remove()`` takes them all away.
final class ArticleCorpus {
  /// The folder that holds the corpus and the output folders.
  let root: URL
  /// The corpus.
  var folder: URL { root.appendingPathComponent("corpus") }
  private var dated: DatedCorpus

  /// A new, empty corpus, its folder named after `label`.
  init(_ label: String) {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-\(label)-\(UUID().uuidString)")
    dated = DatedCorpus(root: root.appendingPathComponent("corpus"))
  }

  /// Writes the article `name` (a path in the corpus), dated `date`, with `text`.
  func write(_ name: String, date: String, _ text: String) throws {
    try dated.write(name, " date \(date) " + text)
  }

  /// The options of a run over the corpus that publishes in `out`, a folder beside it, and
  /// keeps its state there; `full` recounts every figure.
  func options(out: String, full: Bool = false) -> RunOptions {
    .test(corpus: folder, output: root.appendingPathComponent(out), full: full)
  }

  /// The options of a run that stores its figures in the state of the runs that publish in
  /// `out` and then fails to publish: its own output folder lies below a plain file.
  func failingToPublish(stateOf out: String) throws -> RunOptions {
    let blocked = root.appendingPathComponent("blocked")
    try Data("a file, not a folder".utf8).write(to: blocked)
    var options = options(out: "blocked/out")
    options.statePath = self.options(out: out).resolvedStatePath
    return options
  }

  /// Removes the corpus and every output folder.
  func remove() { try? FileManager.default.removeItem(at: root) }
}
