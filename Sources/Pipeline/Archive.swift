import Corpus
import Glibc
import Logging

/// Dated copies of published reports under `<output>/archive/YYYY-MM-DD/`.
enum Archive {
  /// Copies `names` from `folder` into today's archive folder and keeps the `keep` newest dated
  /// folders. Archiving never fails a run: problems are logged as warnings.
  static func store(_ names: [String], from folder: String, date: String, keep: Int, log: Logger) {
    let archive = folder + "/archive"
    let target = archive + "/" + date
    do {
      try Publisher.makeFolder(target)
      var files: [(name: String, bytes: [UInt8])] = []
      for name in names { files.append((name, try readAll(folder + "/" + name))) }
      try Publisher.publish(files, in: target)
    } catch {
      log.warning("could not archive the reports in \(target): \(error)")
      return
    }
    prune(archive, keep: keep, log: log)
  }

  /// Removes all but the `keep` newest `YYYY-MM-DD` folders of `archive`.
  static func prune(_ archive: String, keep: Int, log: Logger) {
    let dated = Publisher.names(in: archive).filter(isDate)
    for name in dated.sorted().dropLast(max(0, keep)) {
      removeFolder(archive + "/" + name)
      log.debug("pruned archive \(name)")
    }
  }

  static func isDate(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return false
    }
    return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { (0x30...0x39).contains(bytes[$0]) }
  }

  private static func removeFolder(_ path: String) {
    for name in Publisher.names(in: path) { unlink(path + "/" + name) }
    rmdir(path)
  }

  private static func readAll(_ path: String) throws(PublishError) -> [UInt8] {
    do { return try FileReader.read(path) } catch {
      throw .writeFailed(path: path, errno: EIO)
    }
  }
}
