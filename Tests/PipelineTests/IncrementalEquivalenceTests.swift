import Foundation
import Pipeline
import TestSupport
import Testing

/// Whatever sequence of adds, edits, deletes, renames, touches and copies a corpus goes through,
/// an incremental run must publish what a full rebuild publishes, apart from run metadata.
@Suite(.serialized) struct IncrementalEquivalenceTests {
  static let words = [
    "trade", "summit", "integration", "security", "energy", "grain", "border", "treaty",
    "Russia’s", "Russia's", "well-known", "союз", "торговля", "Bishkek", "Astana", "visit",
  ]
  static let organizations = [
    "the EAEU", "the Eurasian Economic Union", "ЕАЭС", "the CSTO", "NATO", "the UN",
    "the Information Policy Department", "the SCO",
  ]

  static func article(_ generator: inout SplitMix) -> String {
    let year = 2016 + generator.int(5)
    var text = " date \(year)-0\(1 + generator.int(9))-1\(generator.int(9)) "
    for _ in 0..<(3 + generator.int(6)) {
      var sentence: [String] = []
      for _ in 0..<(4 + generator.int(8)) {
        sentence.append(
          generator.int(5) == 0 ? pick(organizations, &generator) : pick(words, &generator))
      }
      text += sentence.joined(separator: generator.int(4) == 0 ? ", " : " ") + ". "
    }
    if generator.int(15) == 0 { return "no header here, rejected" }
    return text
  }

  static func pick(_ items: [String], _ generator: inout SplitMix) -> String {
    generator.pick(items)
  }

  func normalized(_ folder: URL) throws -> String { try PublishedXML.read(in: folder) }

  func run(corpus: URL, out: URL, full: Bool) throws {
    _ = try ReportJob.run(.test(corpus: corpus, output: out, full: full))
  }

  /// A run hands the report builder the seeds it worked out while storing (`TermSeeds`); the
  /// report must be the one `almanac report` builds from the state alone, without them.
  @Test(arguments: [1, 2, 3, 5] as [Int])
  func aRunsReportIsTheOneTheStateGives(top: Int) throws {
    var generator = SplitMix(seed: UInt64(top) + 40)
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-seeds-\(top)-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let corpus = root.appendingPathComponent("corpus")
    try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
    for index in 0..<40 {
      try Data(Self.article(&generator).utf8).write(
        to: corpus.appendingPathComponent("doc\(index).txt"))
    }
    var options = RunOptions()
    options.corpus = corpus.path
    options.output = root.appendingPathComponent("run").path
    options.top = top
    options.keep = 1
    _ = try ReportJob.run(options)
    let state = options.resolvedStatePath
    options.output = root.appendingPathComponent("report").path
    options.statePath = state
    _ = try ReportJob.report(options)
    #expect(
      try normalized(root.appendingPathComponent("report"))
        == normalized(root.appendingPathComponent("run")))
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func randomSequencesMatchAFullRebuild(seed: UInt64) throws {
    var generator = SplitMix(seed: seed)
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-incremental-\(seed)-\(UUID().uuidString)")
    let corpus = root.appendingPathComponent("corpus")
    let incremental = root.appendingPathComponent("incremental")
    let manager = FileManager.default
    try manager.createDirectory(at: corpus, withIntermediateDirectories: true)
    defer { try? manager.removeItem(at: root) }

    var dated = DatedCorpus(root: corpus)
    func write(_ name: String, _ text: String) throws { try dated.write(name, text) }
    var names: [String] = []
    for index in 0..<12 {
      let name = "y\(index % 3)/doc\(index).txt"
      try write(name, Self.article(&generator))
      names.append(name)
    }
    try run(corpus: corpus, out: incremental, full: false)

    // Steps whose reports list a copy of another file: each seed must have some.
    var stepsWithCopies = 0
    for step in 0..<8 {
      for _ in 0..<(1 + generator.int(4)) {
        switch generator.int(6) {
        case 0:  // add
          let name = "y\(generator.int(3))/new\(step)-\(generator.int(1000)).txt"
          try write(name, Self.article(&generator))
          names.append(name)
        case 1 where !names.isEmpty:  // edit (possibly into another year)
          try write(generator.pick(names), Self.article(&generator))
        case 2 where names.count > 1:  // delete
          let name = names.remove(at: generator.int(names.count))
          try manager.removeItem(at: corpus.appendingPathComponent(name))
        case 3 where !names.isEmpty:  // rename
          let index = generator.int(names.count)
          let renamed =
            "moved/\(step)-\(generator.int(1000))-" + (names[index] as NSString).lastPathComponent
          try manager.createDirectory(
            at: corpus.appendingPathComponent("moved"), withIntermediateDirectories: true)
          try manager.moveItem(
            at: corpus.appendingPathComponent(names[index]),
            to: corpus.appendingPathComponent(renamed))
          names[index] = renamed
        case 4 where !names.isEmpty:  // touch
          try dated.touch(generator.pick(names))
        case 5 where !names.isEmpty:  // copy, before or after the original in path order
          let original = generator.pick(names)
          let name = "y\(generator.int(3))/copy\(step)-\(generator.int(1000)).txt"
          try write(
            name,
            try String(contentsOf: corpus.appendingPathComponent(original), encoding: .utf8))
          names.append(name)
        default:
          break
        }
      }
      try run(corpus: corpus, out: incremental, full: false)
      let fresh = root.appendingPathComponent("full-\(step)")
      try run(corpus: corpus, out: fresh, full: true)
      let updated = try normalized(incremental)
      let rebuilt = try normalized(fresh)
      if rebuilt.contains("<duplicates>") { stepsWithCopies += 1 }
      if updated != rebuilt {
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent(
          "almanac-mismatch-\(seed)")
        try? updated.write(
          to: stem.appendingPathExtension("incremental.xml"), atomically: true, encoding: .utf8)
        try? rebuilt.write(
          to: stem.appendingPathExtension("full.xml"), atomically: true, encoding: .utf8)
      }
      #expect(
        updated == rebuilt,
        "seed \(seed), step \(step): see \(FileManager.default.temporaryDirectory.path)/almanac-mismatch-\(seed).*.xml"
      )
      if updated != rebuilt { return }
    }
    #expect(stepsWithCopies > 0, "seed \(seed) made no copy")
  }
}
