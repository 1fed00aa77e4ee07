import Analysis
import Testing

/// A term the user types (`--term`) is folded as a document's words are, so that it finds
/// what the counting counted.
@Suite struct TokenizerTermTests {
  func term(_ typed: String) -> String? {
    Tokenizer().term(of: typed).map { "\($0.n) \($0.text)" }
  }

  @Test func oneOrTwoWordsFoldedAsInADocument() {
    #expect(term("Wheat") == "1 wheat")
    #expect(term("  wheat harvest ") == "2 wheat harvest")
    #expect(term("ЕАЭС") == "1 еаэс")
    #expect(term("Ёлка") == "1 елка")
    #expect(term("Kyrgyz   Republic") == "2 kyrgyz republic")
    #expect(term("don’t") == term("don't"))
    #expect(term("Rostov-on-Don") == "1 rostov-on-don")
  }

  @Test func anythingElseIsNoTerm() {
    for typed in [
      "", "   ", "2019", "wheat 2019", "one two three", "wheat, harvest", "wheat. Harvest",
      String(repeating: "x", count: 500),
    ] {
      #expect(term(typed) == nil, "\(typed)")
    }
  }

  /// The folded term is the one a document's counting gives: the counted bigram of a sentence
  /// using the typed words is the term.
  @Test func theTermIsWhatADocumentCounts() {
    var stream = TokenStream()
    Tokenizer().tokenize(Array("The Wheat Harvest grew.".utf8), into: &stream)
    #expect(stream.words[1] + " " + stream.words[2] == Tokenizer().term(of: "wHEAT hARVEST")?.text)
  }
}
