import Testing

@testable import Pipeline

/// Files opened ahead of reading stay within the limit on open files.
@Suite struct FilesAheadTests {
  @Test func filesOpenedAheadStayWithinAQuarterOfTheLimit() {
    #expect(FilesAhead.depth(workers: 2, openFileLimit: 1024) == FilesAhead.largestDepth)
    #expect(FilesAhead.depth(workers: 2, openFileLimit: .max) == FilesAhead.largestDepth)
    #expect(FilesAhead.depth(workers: 256, openFileLimit: 1024) == 1)
    #expect(FilesAhead.depth(workers: 2, openFileLimit: 8) == 1)
    for workers in [1, 2, 3, 8, 32, 100, 256] {
      for limit in [16, 20, 64, 256, 1024, 4096] {
        let depth = FilesAhead.depth(workers: workers, openFileLimit: limit)
        #expect((1...FilesAhead.largestDepth).contains(depth))
        #expect(depth == 1 || depth * workers <= limit / 4, "\(workers) workers, limit \(limit)")
      }
    }
  }
}
