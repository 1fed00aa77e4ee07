public import Analysis

/// One year's most frequent unigrams and bigrams, from which ``ReportBuilder`` bounds the ranked
/// lists (step 1 of ``TopTerms``).
///
/// The builder works them out in a first pass over the years. A caller that holds a year's terms
/// anyway can work them out ahead, on a core that would otherwise wait, and hand them to
/// ``ReportBuilder/build(source:rejected:settings:parallel:seeds:)``: a run does so while the
/// counted years are being stored, and the builder then reads only the years it has no seeds for.
public struct TermSeeds: Sendable {
  /// The most frequent unigrams (`[0]`) and bigrams (`[1]`).
  let lists: [[TopTerms.Counted]]
  /// How many of each were kept: seeds serve a report listing exactly that many terms.
  public let limit: Int
  /// What checking the terms they were worked out from found: a run that stored those terms
  /// reads them back without checking them again (``Analysis/TermBlob/Checked``).
  public let checked: TermBlob.Checked

  /// The `limit` most frequent unigrams and bigrams of a year's `terms`.
  public init(_ terms: TermBlob, limit: Int) {
    lists = TopTerms.seeds(in: terms, limit: limit)
    self.limit = limit
    checked = terms.checked
  }
}
