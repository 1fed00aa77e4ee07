import Analysis
import Corpus
import Foundation
import TestSupport
import Testing

@testable import Pipeline

/// Counting a year at a time gives the figures of counting everything at once, whatever the
/// years read ahead say: missing, wrong, or one year split over several groups.
@Suite struct CountedYearsTests {
  static let words = ["trade", "grain", "союз", "торговля", "summit", "well-known", "it's"]
  static let organizations = ["the EAEU", "ЕАЭС", "the Eurasian Economic Union", "NATO", "the UN"]

  /// A corpus of `count` articles over 2001-2005 (or the first `years` of them), some of them
  /// not articles at all.
  static func corpus(_ count: Int, seed: UInt64, years: Int = 5) throws -> (URL, [CorpusFile]) {
    var generator = SplitMix(seed: seed)
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-counted-\(seed)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    var files: [CorpusFile] = []
    for index in 0..<count {
      var text =
        " date \(2001 + generator.int(years))-0\(1 + generator.int(9))-1\(generator.int(9)) "
      for _ in 0..<(5 + generator.int(20)) {
        text +=
          (generator.int(6) == 0
            ? generator.pick(organizations) : generator.pick(words))
          + (generator.int(7) == 0 ? ". " : " ")
      }
      if index % 11 == 0 { text = "no header" }
      if index % 13 == 0 { text = String(repeating: " ", count: 600) + text }
      let url = root.appendingPathComponent("\(index).txt")
      try text.write(to: url, atomically: false, encoding: .utf8)
      files.append(CorpusFile(path: "\(index).txt", fullPath: url.path, size: text.utf8.count))
    }
    return (root, files)
  }

  static let analyzer = CorpusAnalyzer(
    stopwords: StopwordList.builtin(),
    matcher: OrganizationMatcher(registry: OrganizationRegistry.builtin()), workers: 2)

  /// A slice with its terms as a set, so that term order (which depends on ids) does not count,
  /// and the latest documents of its organizations named by `originals` (a copy's path → the
  /// path of the document it copies) where a copy was counted in their place.
  static func comparable(_ slice: YearSlice, originals: [String: String] = [:]) -> (
    YearSlice, Set<YearSlice.Term>
  ) {
    var bare = slice
    bare.terms = []
    for index in bare.organizations.indices {
      bare.organizations[index].latest = LatestDocuments(
        bare.organizations[index].latest.documents.map {
          var document = $0
          document.path = originals[$0.path] ?? $0.path
          return document
        })
    }
    return (bare, Set(slice.terms))
  }

  /// Expects `counted` to hold the years of `reference`, each with the same figures and terms
  /// (and the same latest documents, `originals` naming the copies counted in their place).
  static func expectSameYears(
    _ counted: CountedYears, _ reference: CorpusAnalyzer.Result, originals: [String: String] = [:]
  ) throws {
    #expect(counted.years == reference.statistics.years.keys.sorted())
    for year in counted.years {
      let mine = comparable(try counted.slice(year), originals: originals)
      let theirs = comparable(reference.statistics.slice(year: year)!)
      #expect(mine.0 == theirs.0, "\(year)")
      #expect(mine.1 == theirs.1, "\(year)")
    }
  }

  @Test(arguments: ["read ahead", "unknown", "wrong", "split"])
  func yearByYearEqualsAllAtOnce(expectation: String) throws {
    let (root, files) = try Self.corpus(120, seed: 7)
    defer { try? FileManager.default.removeItem(at: root) }
    let reference = Self.analyzer.analyze(files)
    let counted = try CountedYears(analyzer: Self.analyzer, folder: root.path)
    let ahead = ExpectedYears.peek(files)
    // Files with 600 spaces before the header cannot be placed ahead; the others can.
    #expect(
      ahead.enumerated().allSatisfy {
        ($0.element == nil) == ($0.offset % 11 == 0 || $0.offset % 13 == 0)
      })
    let years: [Int?] =
      switch expectation {
      case "read ahead": ahead
      case "unknown": files.map { _ in nil }
      case "wrong": ahead.map { $0.map { 2006 - ($0 - 2000) } }
      default: files.indices.map { $0 % 3 == 0 ? nil : 2000 + $0 % 7 }
      }
    let outcomes = try counted.count(files, years: years)
    #expect(outcomes.map(\.file) == files)
    #expect(outcomes.map(\.hash) == reference.outcomes.map(\.hash))
    #expect(outcomes.map(\.date) == reference.outcomes.map(\.date))
    try Self.expectSameYears(counted, reference)
  }

  @Test func aYearCountedInTwoPassesIsMerged() throws {
    let (root, files) = try Self.corpus(60, seed: 8)
    defer { try? FileManager.default.removeItem(at: root) }
    let reference = Self.analyzer.analyze(files)
    let counted = try CountedYears(analyzer: Self.analyzer, folder: root.path)
    _ = try counted.count(Array(files[..<25]), years: ExpectedYears.peek(Array(files[..<25])))
    _ = try counted.count(Array(files[25...]), years: ExpectedYears.peek(Array(files[25...])))
    #expect(counted.years == reference.statistics.years.keys.sorted())
    for year in counted.years {
      #expect(
        Self.comparable(try counted.slice(year)).1
          == Self.comparable(reference.statistics.slice(year: year)!).1)
    }
  }

  /// A year read back between two passes is read again once the second pass counts more of
  /// it, not handed out as it was (the last year read is kept, ``CountedYears/terms(_:)``).
  @Test func aYearReadBetweenPassesIsReadAgainOnceRecounted() throws {
    let (root, files) = try Self.corpus(60, seed: 9)
    defer { try? FileManager.default.removeItem(at: root) }
    let counted = try CountedYears(analyzer: Self.analyzer, folder: root.path)
    _ = try counted.count(Array(files[..<25]), years: ExpectedYears.peek(Array(files[..<25])))
    let first = Self.analyzer.analyze(Array(files[..<25]))
    for year in counted.years {
      #expect(try counted.terms(year) == counted.terms(year))
      #expect(
        Self.comparable(try counted.slice(year)).1
          == Self.comparable(first.statistics.slice(year: year)!).1)
    }
    _ = try counted.count(Array(files[25...]), years: ExpectedYears.peek(Array(files[25...])))
    try Self.expectSameYears(counted, Self.analyzer.analyze(files))
  }

  /// Copies of accepted articles (the same bytes under other names) are accepted and not
  /// counted, whether read in the same pass as their original or in a later one, before it or
  /// after it: each year's figures are those of the originals alone.
  @Test(arguments: ["same pass", "copies later", "copies first"])
  func copiesAreCountedOnce(order: String) throws {
    let (root, originals) = try Self.corpus(40, seed: 9)
    defer { try? FileManager.default.removeItem(at: root) }
    let reference = Self.analyzer.analyze(originals)
    let accepted = reference.outcomes.filter { $0.rejection == nil }
    // Nothing among the originals is a copy, so the reference counts every one of them.
    #expect(Set(accepted.map(\.hash)).count == accepted.count)
    #expect(reference.outcomes.allSatisfy { !$0.isCopy })
    var copies: [CorpusFile] = []
    var originalOf: [String: CorpusAnalyzer.FileOutcome] = [:]
    for (index, outcome) in reference.outcomes.enumerated() where index % 3 == 1 {
      let url = root.appendingPathComponent("copy-\(index).txt")
      try FileManager.default.copyItem(atPath: outcome.file.fullPath, toPath: url.path)
      copies.append(
        CorpusFile(path: url.lastPathComponent, fullPath: url.path, size: outcome.file.size))
      originalOf[url.lastPathComponent] = outcome
    }
    let counted = try CountedYears(analyzer: Self.analyzer, folder: root.path)
    var outcomes: [CorpusAnalyzer.FileOutcome] = []
    switch order {
    case "same pass":
      let files = originals + copies
      outcomes = try counted.count(files, years: ExpectedYears.peek(files))
    case "copies later":
      outcomes = try counted.count(originals, years: ExpectedYears.peek(originals))
      outcomes += try counted.count(copies, years: ExpectedYears.peek(copies))
    default:
      outcomes = try counted.count(copies, years: ExpectedYears.peek(copies))
      outcomes += try counted.count(originals, years: ExpectedYears.peek(originals))
    }
    try Self.expectSameYears(
      counted, reference, originals: originalOf.mapValues(\.file.path))
    // One of each pair is the copy: the one read later, but either in the same pass. A copy of
    // a rejected file is rejected, not a copy.
    for copy in copies {
      let original = originalOf[copy.path]!
      let pair = outcomes.filter { $0.file == copy || $0.file == original.file }
      #expect(pair.count == 2)
      if original.rejection != nil {
        #expect(pair.allSatisfy { $0.rejection != nil && !$0.isCopy })
      } else {
        #expect(pair.filter(\.isCopy).count == 1, "\(copy.path)")
        #expect(pair.allSatisfy { $0.rejection == nil && $0.date == original.date })
        if order == "copies later" { #expect(pair.first { $0.file == copy }!.isCopy) }
        if order == "copies first" { #expect(pair.first { $0.file == original.file }!.isCopy) }
      }
    }
  }

  /// Copies read in another year's group than their originals, in one pass: a copy read after
  /// its year's group, once that year is closed and its digests let go, is told apart all the
  /// same (the year is reopened from the outcomes), and so is an original read after its copy.
  @Test(arguments: ["a year later", "a year earlier", "no year"])
  func copiesReadInAnotherYearsGroupAreCountedOnce(expected: String) throws {
    let (root, originals) = try Self.corpus(40, seed: 12)
    defer { try? FileManager.default.removeItem(at: root) }
    let reference = Self.analyzer.analyze(originals)
    #expect(reference.outcomes.allSatisfy { !$0.isCopy })
    let peeked = ExpectedYears.peek(originals)
    var copies: [CorpusFile] = []
    var originalOf: [String: CorpusAnalyzer.FileOutcome] = [:]
    // Of originals whose year is read ahead: the others are counted first, with the copies in
    // no year.
    for (index, outcome) in reference.outcomes.enumerated()
    where index % 2 == 0 && outcome.rejection == nil && peeked[index] != nil {
      let url = root.appendingPathComponent("copy-\(index).txt")
      try FileManager.default.copyItem(atPath: outcome.file.fullPath, toPath: url.path)
      copies.append(
        CorpusFile(path: url.lastPathComponent, fullPath: url.path, size: outcome.file.size))
      originalOf[url.lastPathComponent] = outcome
    }
    #expect(copies.count > 10)
    // The originals where they belong; each copy a year after or before its original's, or in
    // no year (counted first).
    let shift = expected == "a year later" ? 1 : -1
    let years =
      peeked
      + copies.map { copy in
        expected == "no year" ? nil : originalOf[copy.path]!.date!.year + shift
      }
    let counted = try CountedYears(analyzer: Self.analyzer, folder: root.path)
    let outcomes =
      try counted.count(originals + copies, years: years) as [CorpusAnalyzer.FileOutcome]
    try Self.expectSameYears(counted, reference, originals: originalOf.mapValues(\.file.path))
    // The one of each pair read in the later group is the copy.
    let copyIsLater = expected == "a year later"
    for copy in copies {
      let original = originalOf[copy.path]!
      let copyOutcome = outcomes.first { $0.file == copy }!
      let originalOutcome = outcomes.first { $0.file == original.file }!
      #expect(copyOutcome.isCopy == copyIsLater, "\(copy.path)")
      #expect(originalOutcome.isCopy == !copyIsLater, "\(copy.path)")
      #expect(copyOutcome.date == original.date && originalOutcome.date == original.date)
    }
  }

  @Test func theScratchFileReadsBackWhatWasWrittenAndLeavesNothingBehind() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("almanac-scratch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let scratch = try ScratchFile(folder: root.path)
    var generator = SplitMix(seed: 3)
    let chunks = (0..<20).map { _ in
      (0..<generator.int(70_000)).map { _ in UInt8(generator.int(256)) }
    }
    let ranges = try chunks.map { try scratch.append($0) }
    for (chunk, range) in zip(chunks, ranges).reversed() {
      #expect(try scratch.read(range) == chunk)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    #expect(throws: ScratchFile.Failure.self) {
      try scratch.read(ranges.last!.upperBound..<ranges.last!.upperBound + 1)
    }
    #expect(throws: ScratchFile.Failure.self) { try ScratchFile(folder: root.path + "/missing") }
  }
}
