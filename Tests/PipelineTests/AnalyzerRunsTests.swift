import Corpus
import Foundation
import TestSupport
import Testing

@testable import Pipeline

/// Counting some runs of a list of files, in place, counts and records those files as counting
/// a list of them alone does, and leaves the others as they were.
@Suite struct AnalyzerRunsTests {
  /// Runs over `0..<count` in a shuffled order, some empty, covering part of it.
  static func runs(over count: Int, seed: UInt64) -> [Range<Int>] {
    var generator = SplitMix(seed: seed)
    var runs: [Range<Int>] = []
    var start = 0
    while start < count {
      let length = min(count - start, generator.int(9))
      if generator.int(3) != 0 { runs.append(start..<start + length) }
      start += length + (generator.int(4) == 0 ? 1 : 0)
    }
    runs.shuffle(using: &generator)
    return runs
  }

  @Test(arguments: [1, 2, 3, 4, 5])
  func placesAreThePositionsOfTheRunsInOrder(seed: UInt64) {
    let runs = Self.runs(over: 200, seed: seed)
    let places = CorpusAnalyzer.Places(runs)
    let expected = runs.flatMap { Array($0) }
    #expect(places.count == expected.count)
    #expect((0..<places.count).map { places[$0] } == expected)
  }

  @Test(arguments: [11, 12, 13])
  func runsAreCountedInPlaceAsAListOfTheirFiles(seed: UInt64) throws {
    let (root, files) = try CountedYearsTests.corpus(70, seed: seed)
    defer { try? FileManager.default.removeItem(at: root) }
    let analyzer = CountedYearsTests.analyzer
    let runs = Self.runs(over: files.count, seed: seed)
    let chosen = runs.flatMap { Array($0) }
    #expect(chosen.count > 20 && chosen.count < files.count)
    let reference = analyzer.analyze(chosen.map { files[$0] })

    // Every file's outcome says something the analyzer never says, before the runs are counted.
    let untouched = Rejection.unreadable(errno: 0, detail: "not counted by this test")
    var outcomes = CorpusAnalyzer.FileOutcomes(files: files)
    for index in files.indices {
      outcomes.record(CorpusAnalyzer.Verdict(digest: nil, rejection: untouched), at: index)
    }
    let parts = analyzer.analyzeParts(
      files, runs: runs, counted: CountedDigests(), into: &outcomes)
    let statistics = analyzer.merge(parts)

    #expect(outcomes.files == files)
    for (position, index) in chosen.enumerated() {
      #expect(
        FileOutcomesTests.fields(outcomes[index])
          == FileOutcomesTests.fields(reference.outcomes[position]))
    }
    let others = Set(files.indices).subtracting(chosen)
    #expect(others.allSatisfy { outcomes[$0].rejection == untouched && outcomes[$0].digest == nil })
    #expect(statistics.years.keys.sorted() == reference.statistics.years.keys.sorted())
    for year in statistics.years.keys {
      let mine = CountedYearsTests.comparable(statistics.slice(year: year)!)
      let theirs = CountedYearsTests.comparable(reference.statistics.slice(year: year)!)
      #expect(mine.0 == theirs.0, "\(year)")
      #expect(mine.1 == theirs.1, "\(year)")
    }
  }
}
