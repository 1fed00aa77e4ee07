import Analysis
import Testing

/// Expected values were computed separately with SciPy (`chi2_contingency(...,
/// lambda_="log-likelihood", correction=False)`) and by hand from the formulas' definitions.
@Suite struct AssociationTests {
  @Test func npmiOfAHandTable() {
    // N = 10, first in 4, second in 5, both in 3: ln(3·10/(4·5)) / −ln(0.3)
    let value = Association.npmi(both: 3, first: 4, second: 5, documents: 10)
    #expect(abs(value - 0.3367726469) < 1e-9)
  }

  @Test func npmiBounds() {
    #expect(Association.npmi(both: 0, first: 4, second: 5, documents: 10) == -1)
    #expect(Association.npmi(both: 5, first: 5, second: 5, documents: 5) == 1)
    // Independent: p(ab) = p(a)p(b) → 0.
    #expect(abs(Association.npmi(both: 1, first: 3, second: 1, documents: 3)) < 1e-12)
  }

  @Test func logLikelihoodMatchesSciPy() {
    let value = Association.logLikelihood(both: 3, first: 4, second: 5, documents: 10)
    #expect(abs(value - 1.7260924347) < 1e-9)
    #expect(Association.gSquared([[5, 5], [5, 5]]) == 0)
  }

  @Test func keynessLogLikelihoodAndLogRatio() {
    let g2 = Keyness.logLikelihood(
      count: 10, tokens: 1000, referenceCount: 20, referenceTokens: 1000)
    #expect(abs(g2 - 3.3979807359) < 1e-9)
    #expect(
      Keyness.logRatio(count: 10, tokens: 1000, referenceCount: 20, referenceTokens: 1000) == -1)
    // A term absent from the reference year: G² from the target cell alone, zero taken as 0.5.
    let absent = Keyness.logLikelihood(
      count: 4, tokens: 316, referenceCount: 0, referenceTokens: 295)
    #expect(abs(absent - 5.2748379647) < 1e-9)
    let ratio = Keyness.logRatio(count: 4, tokens: 316, referenceCount: 0, referenceTokens: 295)
    #expect(abs(ratio - 2.9007903961) < 1e-9)
  }

  @Test func keynessIsSymmetricInDirection() {
    let up = Keyness.logLikelihood(count: 30, tokens: 500, referenceCount: 10, referenceTokens: 700)
    let down = Keyness.logLikelihood(
      count: 10, tokens: 700, referenceCount: 30, referenceTokens: 500)
    #expect(abs(up - down) < 1e-12)
    #expect(
      Keyness.logLikelihood(count: 5, tokens: 100, referenceCount: 5, referenceTokens: 100) == 0)
  }

  /// The bound on G² holds for every split of a term's uses between the two corpora, and is
  /// reached when all of them are in the smaller one.
  @Test(arguments: [(500, 700), (700, 500), (1000, 1000), (3, 10_000_000)] as [(Int, Int)])
  func largestLogLikelihoodBoundsEverySplit(sizes: (Int, Int)) {
    let (c, d) = sizes
    for n in [1, 2, 7, 60, 500] {
      let bound = Keyness.largestLogLikelihood(uses: n, tokens: c, referenceTokens: d)
      var largest = 0.0
      for a in 0...n where a <= c && n - a <= d {
        let g2 = Keyness.logLikelihood(
          count: a, tokens: c, referenceCount: n - a, referenceTokens: d)
        #expect(g2 <= bound * (1 + 1e-12))
        largest = max(largest, g2)
      }
      if n <= min(c, d) { #expect(abs(largest - bound) <= bound * 1e-12) }
    }
    #expect(Keyness.largestLogLikelihood(uses: 0, tokens: c, referenceTokens: d) == 0)
  }
}
