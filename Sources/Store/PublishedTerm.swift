/// A term's rate in the last published report, kept to tell rising terms from settled ones.
public struct PublishedTerm: Sendable, Equatable, Hashable {
  /// 1 or 2.
  public var n: Int
  /// The folded term; a bigram's words are joined by one space.
  public var text: String
  /// Occurrences per ten thousand tokens.
  public var perTenThousand: Double

  /// Creates a published rate.
  public init(n: Int, text: String, perTenThousand: Double) {
    self.n = n
    self.text = text
    self.perTenThousand = perTenThousand
  }
}
