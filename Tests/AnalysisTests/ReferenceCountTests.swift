import Corpus
import Testing

@testable import Analysis

/// The byte-level pipeline (tokenizer, vocabulary, bigram table, merge) against a plain,
/// obviously correct reference written with Strings, on random text with Cyrillic,
/// apostrophes, hyphens, initials with full stops, numbers, stopwords and punctuation.
@Suite struct ReferenceCountTests {
  static let words = [
    "Trade", "trade", "trade's", "Trade’s", "well-known", "WELL-KNOWN", "союз", "Союза", "ЁЛКА",
    "ёлка", "EAEU", "2020", "3.5", "the", "и", "of", "x-ray", "Ça", "naïve", "Bishkek",
  ]
  /// Words with invisible characters in them, some alike but for those.
  static let invisibleWords = [
    "Eur\u{AD}asian", "econ\u{200B}omy", "trade\u{200D}", "\u{FEFF}союз", "the\u{2060}",
  ]
  /// Initials with full stops, each one word, and single letters (stopwords).
  static let initialWords = ["U.S.", "u.s.", "U.S.A.", "т.е.", "A", "г"]
  /// Invisible format characters, left out of the words they are in.
  static let invisible: Set<UInt32> = [0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
  /// Separators and whether they break phrases (punctuation or a sentence end).
  static let separators: [(String, Bool)] = [
    (" ", false), ("  ", false), (", ", true), (". ", true), (" — ", true), ("\n", true),
    (" (", true), (") ", true), ("; ", true), ("! ", true),
  ]

  /// The reference: split at separators, fold each word by hand, count with dictionaries, and
  /// count the documents of each term from the set of terms of each document. Each term maps to
  /// its occurrences and its documents.
  static func reference(_ documents: [(year: Int, words: [String], breaks: [Bool])])
    -> (unigrams: [Int: [String: [Int]]], bigrams: [Int: [String: [Int]]])
  {
    let stopwords = StopwordList.builtin().words
    var unigrams: [Int: [String: [Int]]] = [:]
    var bigrams: [Int: [String: [Int]]] = [:]
    for document in documents {
      var counts: (unigrams: [String: Int], bigrams: [String: Int]) = ([:], [:])
      var previous: String?
      for (index, word) in document.words.enumerated() {
        if index > 0 && document.breaks[index - 1] { previous = nil }
        let visible = String(
          String.UnicodeScalarView(word.unicodeScalars.filter { !invisible.contains($0.value) }))
        let folded = String(
          visible.lowercased().map { $0 == "’" ? "'" : $0 == "ё" ? "е" : $0 })
        let isNumber = folded.allSatisfy { $0.isNumber || $0 == "." }
        if isNumber || stopwords.contains(folded) {
          previous = nil
          continue
        }
        counts.unigrams[folded, default: 0] += 1
        if let previous { counts.bigrams[previous + " " + folded, default: 0] += 1 }
        previous = folded
      }
      for (term, count) in counts.unigrams {
        unigrams[document.year, default: [:]][term, default: [0, 0]][0] += count
        unigrams[document.year, default: [:]][term, default: [0, 0]][1] += 1
      }
      for (term, count) in counts.bigrams {
        bigrams[document.year, default: [:]][term, default: [0, 0]][0] += count
        bigrams[document.year, default: [:]][term, default: [0, 0]][1] += 1
      }
    }
    return (unigrams, bigrams)
  }

  @Test(arguments: [11, 22, 33] as [UInt64])
  func countsMatchTheReference(seed: UInt64) {
    let words = Self.words + Self.invisibleWords + Self.initialWords
    Self.check(seed: seed, documents: 60, length: { 5 + $0(40) }, word: { words[$0(words.count)] })
  }

  /// Documents of more words than the vocabulary is handed at once
  /// (`CorpusStatistics.interningBlock`), new words turning up in every block: a word in
  /// several blocks of a document is in one document.
  @Test func hugeDocumentsMatchTheReference() {
    Self.check(
      seed: 44, documents: 2, length: { _ in 140_000 },
      word: { next in next(4) == 0 ? "w\(next(100_000))" : Self.words[next(Self.words.count)] })
  }

  static let windowWords = words + initialWords

  /// Documents tokenized and counted a few bytes at a time (``CorpusStatistics/windowBytes``):
  /// a window ends only where nothing counted crosses.
  @Test(arguments: [1, 20] as [Int])
  func countsInSmallWindowsMatchTheReference(window: Int) {
    Self.check(
      seed: 55, documents: 40, length: { 5 + $0(60) },
      word: { Self.windowWords[$0(Self.windowWords.count)] }, windowBytes: window)
  }

  /// The fast path against the reference on `documents` random documents of `length` words,
  /// each drawn by `word` (both given the random source), tokenized in windows of `windowBytes`.
  static func check(
    seed: UInt64, documents count: Int, length: ((Int) -> Int) -> Int,
    word draw: ((Int) -> Int) -> String, windowBytes: Int = CorpusStatistics.window
  ) {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var documents: [(year: Int, words: [String], breaks: [Bool])] = []
    var texts: [Document] = []
    for index in 0..<count {
      let year = 2018 + next(3)
      var words: [String] = []
      var breaks: [Bool] = []
      var text = ""
      for position in 0..<length(next) {
        let word = draw(next)
        if position > 0 {
          let (separator, breaking) = Self.separators[next(Self.separators.count)]
          text += separator
          breaks.append(breaking)
        }
        text += word
        words.append(word)
      }
      breaks.append(true)
      documents.append((year, words, breaks))
      texts.append(
        Document(
          path: "d\(index).txt", date: CalendarDate(year: year, month: 1, day: 1)!,
          text: Array(text.utf8)))
    }

    // The fast path on two "workers", merged, as the pipeline does.
    let matcher = OrganizationMatcher(registry: OrganizationRegistry.builtin())
    var first = CorpusStatistics(
      stopwords: StopwordList.builtin(), matcher: matcher, windowBytes: windowBytes)
    var second = CorpusStatistics(
      stopwords: StopwordList.builtin(), matcher: matcher, windowBytes: windowBytes)
    for (index, document) in texts.enumerated() {
      if index % 2 == 0 { first.add(document) } else { second.add(document) }
    }
    first.merge(second)

    var fastUnigrams: [Int: [String: [Int]]] = [:]
    var fastBigrams: [Int: [String: [Int]]] = [:]
    for slice in first.slices() {
      for term in slice.terms {
        if term.n == 1 {
          fastUnigrams[slice.year, default: [:]][term.text] = [term.count, term.documents]
        } else {
          fastBigrams[slice.year, default: [:]][term.text] = [term.count, term.documents]
        }
      }
    }
    let expected = Self.reference(documents)
    #expect(fastUnigrams == expected.unigrams, "seed \(seed)")
    #expect(fastBigrams == expected.bigrams, "seed \(seed)")
  }
}
