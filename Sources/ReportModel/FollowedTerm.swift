/// A term the user follows (`--term`): its figures per year are reported whether or not it is
/// among the most frequent, as Voyant's Trends or the Google Books Ngram Viewer chart the words
/// a reader types.
public struct FollowedTerm: Sendable, Hashable {
  /// 1 for a unigram, 2 for a bigram.
  public var n: Int
  /// The term case-folded as the counting folds it (``Analysis/Tokenizer/term(of:)``), a
  /// bigram's two words joined by one space.
  public var text: String

  /// Creates a followed term.
  public init(n: Int, text: String) {
    self.n = n
    self.text = text
  }

  /// Whether the term is one a report can follow: a unigram without a space, or a bigram of
  /// two words joined by one. Others are left out of the report.
  public var isWellFormed: Bool {
    let words = text.split(separator: " ", omittingEmptySubsequences: false)
    return (n == 1 || n == 2) && words.count == n && words.allSatisfy { !$0.isEmpty }
  }
}
