import Corpus

/// The year each file is expected to be dated, so that ``CountedYears`` can count one year at a
/// time: taken from the folders of a corpus kept in year folders (`2019/0088180.txt`), else read
/// ahead from the file's header.
///
/// Reading every header ahead opens each file twice (1.7 s of a 46 s run over 248,091 files).
/// Folder names cost nothing, but are only trusted once a sample of the files agrees with them:
/// one file in ``sampleInterval`` of those with a year folder has its header read, and if any
/// header names another year, every file's header is read after all. A wrong guess costs memory
/// only: a file is always counted under the year its header names when it is read.
enum ExpectedYears {
  /// How many bytes of a file are read ahead to find its year.
  static let headerBytes = 512

  /// How many files are read ahead at once: more than the cores, since on a cold page cache
  /// each read waits for the disk (248,091 headers: 16.9 s with 2 readers, 10.3 s with 8).
  static let peekThreads = 8

  /// One file in this many of those with a year folder has its header read to check the folders.
  static let sampleInterval = 64

  /// The year each file is expected to be dated, or nil where neither its folders nor the first
  /// ``headerBytes`` bytes of the file tell: ``runs(of:peek:)`` one year a file.
  static func of(_ files: [CorpusFile], peek: ([CorpusFile]) -> [Int?] = peek) -> [Int?] {
    Array(runs(of: files, peek: peek))
  }

  /// The year each file is expected to be dated, or nil where neither its folders nor the first
  /// ``headerBytes`` bytes of the file tell, as runs of files in the same year: a corpus kept in
  /// year folders takes a run a folder, not a number a file.
  ///
  /// - Parameter peek: Reads the headers of some files, one year (or nil) per file; by default
  ///   ``peek(_:)``.
  static func runs(of files: [CorpusFile], peek: ([CorpusFile]) -> [Int?] = peek) -> YearRuns {
    var years = YearRuns()
    for file in files { years.append(file.withPathBytes(folderYear)) }
    // One in `sampleInterval` of the files with a year folder, from the first of them.
    var sample: [Int] = []
    var withFolder = 0
    for (year, positions) in years.runs where year != nil {
      let skip = (sampleInterval - withFolder % sampleInterval) % sampleInterval
      sample += stride(
        from: positions.lowerBound + skip, to: positions.upperBound, by: sampleInterval)
      withFolder += positions.count
    }
    let sampled = peek(sample.map { files[$0] })
    // A header that cannot be read is no evidence either way: the file is rejected when read.
    let agree = zip(sample, sampled).allSatisfy { index, year in
      year == nil || year == years[index]
    }
    // The files whose headers are read: those without a year folder, or all of them. Each
    // keeps its folder's year if no header is given back for it.
    let unknown =
      agree ? years.runs.filter { $0.year == nil }.flatMap(\.positions) : Array(files.indices)
    guard !unknown.isEmpty else { return years }
    var peeked = peek(unknown.map { files[$0] }).makeIterator()
    var merged = YearRuns()
    for (year, positions) in years.runs {
      if agree, let year {
        merged.append(year, count: positions.count)
      } else {
        for _ in positions { merged.append(peeked.next() ?? year) }
      }
    }
    return merged
  }

  /// The innermost folder of `path` named with four digits, as a year (nil when there is none).
  ///
  /// Read from the path's bytes in place: it is asked of every file of the corpus on one core
  /// before counting starts (through `String.utf8`'s iterator, 27 ms at 1 GB).
  static func folderYear(_ path: String) -> Int? {
    var path = path
    return path.withUTF8(folderYear)
  }

  /// ``folderYear(_:)`` of a path's UTF-8 bytes.
  static func folderYear(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var year: Int?
    var value = 0
    var digits = 0
    for byte in bytes {
      if byte == UInt8(ascii: "/") {
        if digits == 4 { year = value }
        value = 0
        digits = 0
      } else if digits >= 0 && byte &- UInt8(ascii: "0") < 10 {
        value = value * 10 + Int(byte &- UInt8(ascii: "0"))
        digits += 1
      } else {
        // Not a run of digits: the rest of this part of the path cannot make it one.
        digits = -1
      }
    }
    return year
  }

  /// The year each file's header names, read ahead on ``peekThreads`` threads (nil where the
  /// first ``headerBytes`` bytes hold no readable header).
  static func peek(_ files: [CorpusFile]) -> [Int?] {
    let chunk = 256
    let parts = Concurrent().map((files.count + chunk - 1) / chunk, threads: peekThreads) {
      part in
      files[part * chunk..<min(files.count, (part + 1) * chunk)].map { file in
        FileReader.prefix(file.fullPath, count: headerBytes).flatMap {
          HeaderParser.date(inPrefix: $0)?.year
        }
      }
    }
    return parts.flatMap { $0 }
  }
}
