/// A comparison asked for with `--compare YEAR:REFERENCE`: the keyness of `year`'s terms
/// against those of another year, or of a span of years pooled (`YEAR:FROM-TO`), whatever years
/// lie between (quanteda's `textstat_keyness` with an explicit reference).
public struct ChosenComparison: Sendable, Hashable, CustomStringConvertible {
  /// The year described: its terms rise or fall against the reference.
  public var year: Int
  /// The years compared with: one year, or a span whose years with documents, other than
  /// `year`, are pooled.
  public var references: ClosedRange<Int>

  /// Creates a chosen comparison with one year.
  public init(year: Int, reference: Int) {
    self.init(year: year, references: reference...reference)
  }

  /// Creates a chosen comparison with the years of `references` pooled.
  public init(year: Int, references: ClosedRange<Int>) {
    self.year = year
    self.references = references
  }

  /// The first year of the reference.
  public var reference: Int { references.lowerBound }

  /// The years are the four-digit years an article's date can have.
  public static let years = 1...9999

  /// Parses `YEAR:REFERENCE` (`2025:2015`) or `YEAR:FROM-TO` (`2025:2000-2024`); nil when the
  /// years are not of ``years``, a span runs backwards, or the reference is `YEAR` alone.
  public init?(parsing text: String) {
    func year(_ part: Substring) -> Int? {
      guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(part),
        Self.years.contains(year)
      else { return nil }
      return year
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let target = year(parts[0]) else { return nil }
    let span = parts[1].split(separator: "-", omittingEmptySubsequences: false)
    guard span.count <= 2, let first = year(span[0]), let last = year(span.last!), first <= last,
      first...last != target...target
    else { return nil }
    self.init(year: target, references: first...last)
  }

  /// `YEAR:REFERENCE` or `YEAR:FROM-TO`, as the option takes it.
  public var description: String {
    "\(year):" + Self.span(references, separator: "-")
  }

  /// The reference as a reader sees it: `2015`, or `2000–2024` with an en dash, and
  /// `other than 2010` when the year lies within the span.
  public var referenceText: String { Self.referenceText(references, year: year) }

  static func span(_ years: ClosedRange<Int>, separator: String) -> String {
    years.count == 1
      ? String(years.lowerBound) : "\(years.lowerBound)\(separator)\(years.upperBound)"
  }

  /// `references` as a reader sees them beside `year` (``referenceText``): for a chosen
  /// comparison as asked, and for one worked out (``TrendComparison/referenceText``).
  static func referenceText(_ references: ClosedRange<Int>, year: Int) -> String {
    span(references, separator: "–")
      + (references.count > 1 && references.contains(year) ? " other than \(year)" : "")
  }
}

extension Report {
  /// What `asked` has no documents in, as a reader sees it: its year, its reference year, or its
  /// span of years ("2000–2010", "2009–2010 other than 2010"); why it is left out
  /// (``leftOutComparisons``). Empty when both have documents.
  public func yearsWithoutDocuments(_ asked: ChosenComparison) -> [String] {
    let corpusYears = Set(years.map(\.year))
    var missing = corpusYears.contains(asked.year) ? [] : [String(asked.year)]
    let referenceYears = asked.references.filter { $0 != asked.year }
    if !referenceYears.contains(where: corpusYears.contains) {
      missing.append(asked.referenceText)
    }
    return missing
  }
}
