import Corpus
import Pipeline
import Store

extension ChangeSet {
  /// The comparison with the documents of `stored`, handed over in byte order of their paths as
  /// the state lists them.
  init(
    files: [CorpusFile], skipped: [String], stored: [String: StoredDocument],
    readingAll: Bool = false
  ) {
    let ordered = stored.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    self.init(files: files, skipped: skipped, readingAll: readingAll) { ordered.forEach($0) }
  }
}
