import Analysis
import Testing

/// ``StopwordList/contains(_:)`` looks words up by their bytes; it must say what the list's
/// `Set<String>` says, where `String` equality is canonical equivalence.
@Suite struct StopwordListTests {
  func contains(_ list: StopwordList, _ word: String) -> Bool {
    Array(word.utf8).withUnsafeBufferPointer { list.contains($0) }
  }

  @Test func agreesWithTheSetOfStringsOnTheBuiltInList() {
    let list = StopwordList.builtin()
    var probes = Array(list.words)
    probes += ["trade", "союз", "ёлка", "naïve", "the's", "", "δέλτα", "мои\u{0306}", "и\u{0306}"]
    probes += list.words.map { $0 + "x" }
    for word in probes {
      let found = contains(list, word)
      #expect(found == list.words.contains(word), "\(word)")
    }
    #expect(contains(list, "the"))
    #expect(contains(list, "и"))
  }

  @Test func aDecomposedWordMatchesAComposedStopwordAndTheOtherWayRound() {
    let composed = StopwordList(words: ["мой"], source: "test")
    let decomposed = StopwordList(words: ["мои\u{0306}"], source: "test")
    for list in [composed, decomposed] {
      let found = ["мой", "мои\u{0306}", "мои"].map { contains(list, $0) }
      #expect(found == [true, true, false])
    }
  }

  /// A file written on Windows (CRLF) or an old Mac (CR) gives the words an LF file gives,
  /// comments ending at their line: a CRLF is one `Character` in Swift, so splitting on "\n"
  /// or "\r" characters took a CRLF file for one line, all of it a comment after the first `#`.
  @Test(arguments: ["\n", "\r\n", "\r"])
  func everyLineEndingGivesTheSameWords(ending: String) {
    let lines = ["# my stopwords", "economy", "trade # a note", "", "  growth  ", "ёлка"]
    let text = lines.joined(separator: ending) + ending
    let list = StopwordList(parsing: Array(text.utf8), source: "test")
    // ё is folded to е, as the tokenizer folds it.
    #expect(list.words == ["economy", "trade", "growth", "елка"])
  }

  @Test func anEmptyListHoldsNothing() {
    #expect(!contains(StopwordList(words: [], source: "none"), "the"))
  }
}
