#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Association measures for two organizations over documents.
///
/// With `N` documents, `a` naming the first, `b` naming the second and `ab` naming both:
/// - NPMI = ln(p(ab) / (p(a) p(b))) / −ln p(ab), with p(x) = x / N; 1 when both appear in every
///   document (−ln 1 = 0), and −1 when they never co-occur.
/// - G² = 2 Σ O ln(O / E) over the 2×2 table of documents (both, only first, only second,
///   neither), with E = row total × column total / N and 0 ln 0 = 0.
public enum Association {
  /// Normalised pointwise mutual information, in [−1, 1].
  public static func npmi(both: Int, first: Int, second: Int, documents: Int) -> Double {
    guard both > 0, documents > 0 else { return -1 }
    let n = Double(documents)
    let pBoth = Double(both) / n
    if pBoth >= 1 { return 1 }
    let pmi = (Double(both) * n / (Double(first) * Double(second))).logarithm
    return min(1, max(-1, pmi / -pBoth.logarithm))
  }

  /// Dunning's log-likelihood G² of the 2×2 table of documents.
  public static func logLikelihood(both: Int, first: Int, second: Int, documents: Int) -> Double {
    let observed = [
      [both, first - both],
      [second - both, documents - first - second + both],
    ]
    return gSquared(observed)
  }

  /// G² = 2 Σ O ln(O/E) for a contingency table of non-negative counts.
  public static func gSquared(_ table: [[Int]]) -> Double {
    let total = Double(table.joined().reduce(0, +))
    guard total > 0 else { return 0 }
    let rows = table.map { Double($0.reduce(0, +)) }
    let columns = (0..<table[0].count).map { column in
      Double(table.reduce(0) { $0 + $1[column] })
    }
    var sum = 0.0
    for (r, row) in table.enumerated() {
      for (c, count) in row.enumerated() where count > 0 {
        let expected = rows[r] * columns[c] / total
        sum += Double(count) * (Double(count) / expected).logarithm
      }
    }
    return max(0, 2 * sum)
  }
}

/// Keyness of a term in a target year against a reference year.
///
/// G² follows Rayson and Garside: with `a` occurrences among `c` tokens in the target and `b`
/// among `d` in the reference, E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d) and
/// G² = 2(a ln(a/E1) + b ln(b/E2)). Log ratio is Hardie's: log2((a/c)/(b/d)), with a zero count
/// replaced by 0.5 so that a term absent from one year still gets a finite effect size.
public enum Keyness {
  /// The log-likelihood G² of a term's counts in two corpora.
  public static func logLikelihood(
    count a: Int, tokens c: Int, referenceCount b: Int, referenceTokens d: Int
  ) -> Double {
    guard c > 0, d > 0, a + b > 0 else { return 0 }
    let total = Double(c + d)
    let expectedTarget = Double(c) * Double(a + b) / total
    let expectedReference = Double(d) * Double(a + b) / total
    var sum = 0.0
    if a > 0 { sum += Double(a) * (Double(a) / expectedTarget).logarithm }
    if b > 0 { sum += Double(b) * (Double(b) / expectedReference).logarithm }
    return max(0, 2 * sum)
  }

  /// The largest G² that ``logLikelihood(count:tokens:referenceCount:referenceTokens:)`` can
  /// give a term used `uses` times in both corpora together: all of them in the smaller corpus.
  /// G² is convex in how the uses are split, so its largest value is at one end:
  /// 2n ln((c + d) / min(c, d)).
  public static func largestLogLikelihood(uses n: Int, tokens c: Int, referenceTokens d: Int)
    -> Double
  {
    guard c > 0, d > 0, n > 0 else { return 0 }
    return 2 * Double(n) * (Double(c + d) / Double(min(c, d))).logarithm
  }

  /// Hardie's log ratio (binary logarithm of the ratio of relative frequencies).
  public static func logRatio(
    count a: Int, tokens c: Int, referenceCount b: Int, referenceTokens d: Int
  ) -> Double {
    guard c > 0, d > 0 else { return 0 }
    let target = (a == 0 ? 0.5 : Double(a)) / Double(c)
    let reference = (b == 0 ? 0.5 : Double(b)) / Double(d)
    return (target / reference).logarithm / 2.0.logarithm
  }
}

extension Double {
  /// The natural logarithm, computed without Foundation.
  var logarithm: Double { Double.naturalLog(self) }

  private static func naturalLog(_ x: Double) -> Double {
    #if canImport(Glibc)
      return Glibc.log(x)
    #else
      return Darwin.log(x)
    #endif
  }
}
