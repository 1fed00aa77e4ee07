extension Tokenizer {
  /// The term a user's `typed` words count as (`--term "Wheat harvest"`): the words
  /// case-folded as a document's are, joined by one space, one word a unigram and two a
  /// bigram; nil when `typed` is not one or two words that the counting would make one term
  /// of (a number or an overlong word is no term, and punctuation between two words keeps them
  /// from being a bigram).
  ///
  /// Whether the term is a stopword, never counted, is not asked: it is then found in no year.
  public func term(of typed: String) -> (n: Int, text: String)? {
    var stream = TokenStream()
    tokenize(Array(typed.utf8), into: &stream)
    let tokens = stream.tokens
    guard (1...2).contains(tokens.count), tokens.allSatisfy({ $0.flags.isDisjoint(with: .removed) })
    else { return nil }
    if tokens.count == 2 && !tokens[1].continuesPhrase { return nil }
    return (tokens.count, tokens.map(stream.foldedString).joined(separator: " "))
  }
}
