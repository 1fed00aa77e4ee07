import Corpus
import TestSupport
import Testing

@testable import Pipeline

/// Years kept as runs read back as the list they were made from, one run a change of year.
@Suite struct YearRunsTests {
  /// `count` years (some nil) in runs of random lengths, short and long.
  static func years(_ count: Int, seed: UInt64) -> [Int?] {
    var generator = SplitMix(seed: seed)
    var years: [Int?] = []
    while years.count < count {
      let year: Int? = generator.int(6) == 0 ? nil : 1995 + generator.int(8)
      let length = generator.int(4) == 0 ? 1 + generator.int(200) : 1 + generator.int(3)
      years += repeatElement(year, count: min(length, count - years.count))
    }
    return years
  }

  /// How many times the year changes from one element to the next, plus one (none if empty).
  static func changes(_ years: [Int?]) -> Int {
    years.indices.filter { $0 == 0 || years[$0] != years[$0 - 1] }.count
  }

  @Test(arguments: [0, 1, 2, 17, 1000, 5000])
  func runsReadBackAsTheYearsTheyWereMadeFrom(count: Int) {
    for seed in UInt64(1)...20 {
      let years = Self.years(count, seed: seed)
      let runs = YearRuns(years)
      #expect(runs.count == years.count)
      #expect(Array(runs) == years)
      #expect(runs.indices.allSatisfy { runs[$0] == years[$0] })
      // The runs cover the files in order, each of one year, and two runs side by side differ.
      let listed = Array(runs.runs)
      #expect(listed.count == Self.changes(years))
      #expect(
        listed.map(\.positions.lowerBound)
          == listed.indices.map { $0 == 0 ? 0 : listed[$0 - 1].positions.upperBound })
      #expect(listed.last?.positions.upperBound ?? 0 == years.count)
      #expect(listed.allSatisfy { run in run.positions.allSatisfy { years[$0] == run.year } })
      #expect(zip(listed, listed.dropFirst()).allSatisfy { $0.year != $1.year })
    }
  }

  @Test func filesAddedManyAtOnceAreTheSameAsOneByOne() {
    let years = Self.years(3000, seed: 7)
    var many = YearRuns()
    var start = 0
    for index in years.indices where index + 1 == years.count || years[index + 1] != years[index] {
      many.append(years[index], count: index + 1 - start)
      start = index + 1
    }
    many.append(2001, count: 0)
    #expect(many == YearRuns(years))
    #expect(Array(many) == years)
  }

  @Test func aYearBeyondThirtyTwoBitsIsNoneExpected() {
    let runs = YearRuns([2001, Int(Int32.max) + 1, Int(Int32.min), nil, 2001, -44])
    #expect(Array(runs) == [2001, nil, nil, nil, 2001, -44])
    #expect(Array(runs.runs).map(\.year) == [2001, nil, 2001, -44])
  }

  /// A corpus kept in year folders takes a run a folder, and the years are those `of` lists.
  @Test func yearFoldersTakeARunEach() {
    let files = (0..<3000).map { index in
      let path = "\(2000 + index / 1000)/\(index).txt"
      return CorpusFile(path: path, fullPath: "/nowhere/" + path, size: 10)
    }
    let peek = { (files: [CorpusFile]) in files.map { ExpectedYears.folderYear($0.path) } }
    let runs = ExpectedYears.runs(of: files, peek: peek)
    #expect(Array(runs.runs).map(\.year) == [2000, 2001, 2002])
    #expect(Array(runs) == ExpectedYears.of(files, peek: peek))
    #expect(Array(runs) == files.map { ExpectedYears.folderYear($0.path) })
  }
}
