/// A file accepted but not counted: it holds the same bytes as another file of the corpus (an
/// article saved twice), so counting it would count that article twice.
///
/// Equal bytes mean an equal date and text. Of the files that hold the same bytes, the first in
/// byte order of their paths is the one the report names as counted, and the others are listed
/// as its duplicates, whichever of them the run happened to count.
public struct DuplicateFile: Sendable, Equatable {
  /// The file's path relative to the corpus folder.
  public var path: String
  /// The path of the file it duplicates: the first of its copies in byte order of their paths.
  public var original: String

  /// Creates a duplicate-file entry.
  public init(path: String, original: String) {
    self.path = path
    self.original = original
  }

  /// The duplicates among `documents`, the accepted documents with the digest of their bytes,
  /// in byte order of their paths: every one whose digest an earlier one has, with the first
  /// that has it.
  ///
  /// - Returns: The duplicates, in the order of `documents`.
  public static func listed(_ documents: some Sequence<(path: String, digest: String)>)
    -> [DuplicateFile]
  {
    var first: [String: String] = [:]
    var duplicates: [DuplicateFile] = []
    for (path, digest) in documents {
      if let original = first[digest] {
        duplicates.append(DuplicateFile(path: path, original: original))
      } else {
        first[digest] = path
      }
    }
    return duplicates
  }
}

extension Report {
  /// The report with `duplicates` listed, and counted in its corpus summary.
  public func listing(duplicates: [DuplicateFile]) -> Report {
    var report = self
    report.duplicates = duplicates
    report.corpus.duplicates = duplicates.count
    return report
  }
}
