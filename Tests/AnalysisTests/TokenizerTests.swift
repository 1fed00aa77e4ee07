import Analysis
import Foundation
import Testing

@Suite struct TokenizerTests {
  func words(_ text: String) -> [String] {
    var stream = TokenStream()
    Tokenizer().tokenize(Array(text.utf8), into: &stream)
    return stream.words
  }

  func tokens(_ text: String) -> (TokenStream, [Token]) {
    var stream = TokenStream()
    Tokenizer().tokenize(Array(text.utf8), into: &stream)
    return (stream, stream.tokens)
  }

  @Test func foldsCaseAndSplitsOnSpacesAndPunctuation() {
    #expect(
      words("The EAEU, Kyrgyzstan; and (Russia)!") == [
        "the", "eaeu", "kyrgyzstan", "and", "russia",
      ])
  }

  /// Soft hyphens, zero-width spaces and joiners, word joiners, byte order marks and direction
  /// marks are left out of a word without splitting it, and a word they follow ends before
  /// them: its text is the word's alone.
  @Test func invisibleCharactersAreLeftOutOfWords() {
    #expect(
      words("Eur\u{AD}asian econ\u{200B}omy Евразий\u{AD}ского") == [
        "eurasian", "economy", "евразийского",
      ])
    #expect(
      words("\u{FEFF}trade\u{200D} war\u{2060}time \u{200E}EAEU\u{200F}") == [
        "trade", "wartime", "eaeu",
      ])
    let text = "EAEU\u{200B} met \u{200B}"
    let (stream, tokens) = tokens(text)
    #expect(stream.words == ["eaeu", "met"])
    let bytes = Array(text.utf8)
    #expect(
      tokens.map { Array(bytes[Int($0.start)..<Int($0.end)]) } == [
        Array("EAEU".utf8), Array("met".utf8),
      ])
    #expect(tokens[0].flags.contains(.allUppercase))
  }

  /// Decomposed text (a letter, then a combining mark) gives the folded bytes and tokens of its
  /// composed form, in English, Russian and Greek, upper and lower case, with two marks on one
  /// letter, and where the letter's bytes were staged before the mark's (a word past the
  /// tokenizer's 4,096 staged bytes).
  @Test func decomposedTextFoldsAsComposedText() {
    let composed = [
      "Организация Объединённых Наций", "Ёлка", "ЙОД", "café", "naïve", "Ἀθῆναι", "ệ", "Éclair",
      String(repeating: "ж", count: 2_047) + "й",
    ]
    for text in composed {
      let decomposed = text.decomposedStringWithCanonicalMapping
      #expect(Array(decomposed.utf8) != Array(text.utf8), "\(text) has a decomposed form")
      let (nfc, nfcTokens) = tokens(text)
      let (nfd, nfdTokens) = tokens(decomposed)
      #expect(nfd.folded == nfc.folded, "\(text)")
      #expect(nfdTokens.map(\.flags) == nfcTokens.map(\.flags), "\(text)")
      #expect(nfdTokens.map(\.foldedEnd) == nfcTokens.map(\.foldedEnd), "\(text)")
    }
    // A mark that composes with nothing stays, after the letter.
    #expect(Array(words("q\u{301}").joined().utf8) == Array("q\u{301}".utf8))
  }

  @Test func curlyAndStraightApostrophesGiveTheSameToken() {
    #expect(words("Russia’s") == ["russia's"])
    #expect(words("Russia's") == ["russia's"])
    #expect(words("Russiaʼs") == ["russia's"])
    // An apostrophe that does not sit between letters separates.
    #expect(words("'quoted' students’ end") == ["quoted", "students", "end"])
  }

  @Test func cyrillicIsFoldedAndYoBecomesYe() {
    #expect(words("ЕАЭС и Россия. Ёлка") == ["еаэс", "и", "россия", "елка"])
    #expect(
      words("Евразийского ЭКОНОМИЧЕСКОГО союза") == ["евразийского", "экономического", "союза"])
  }

  @Test func otherScriptsAreLetters() {
    #expect(words("Ça va Straße ΑΘΗΝΑ") == ["ça", "va", "straße", "αθηνα"])
  }

  @Test func hyphenatedWordsStayWholeButDashesSeparate() {
    #expect(words("well-known COVID-19 e‑commerce") == ["well-known", "covid-19", "e-commerce"])
    #expect(
      words("Moscow – Bishkek — Astana - Tashkent") == ["moscow", "bishkek", "astana", "tashkent"])
    #expect(words("trailing- -leading") == ["trailing", "leading"])
  }

  @Test func quotesAndGuillemetsSeparate() {
    #expect(words("«We are glad» “friends” \"ok\"") == ["we", "are", "glad", "friends", "ok"])
  }

  @Test func pureNumbersAreMarkedAndNotWords() {
    let (stream, tokens) = tokens("In 2020 about 3.5 or 1,000 people; G20 and 2019-2020.")
    let numbers = tokens.filter { $0.flags.contains(.number) }.map(stream.foldedString)
    #expect(numbers == ["2020", "3.5", "1,000", "2019-2020"])
    #expect(stream.words == ["in", "about", "or", "people", "g20", "and"])
  }

  @Test func sentenceEndsAndPunctuationAreFlagged() {
    let (_, tokens) = tokens("One two. Three, four\nfive (six)")
    #expect(
      tokens.map { $0.flags.contains(.sentenceStart) } == [true, false, true, false, true, false])
    #expect(
      tokens.map { $0.flags.contains(.punctuationBefore) } == [
        false, false, false, true, false, true,
      ])
    #expect(
      tokens.map { $0.flags.contains(.openingParenthesisBefore) } == [
        false, false, false, false, false, true,
      ])
    // Only "two" follows its neighbour with nothing in between.
    #expect(tokens.map(\.continuesPhrase) == [false, true, false, false, false, false])
  }

  /// Letters each followed by a full stop are one word with their stops: "U.S." is `u.s.`, not
  /// the terms `u` and `s`, and its last stop ends no sentence. A single letter and a stop, or a
  /// longer word and a stop, still end one.
  @Test func initialsWithFullStopsAreOneWord() {
    let text =
      "U.S. officials, e.g. in the U.S.A.; т.е. Ph.D. J. Smith A.Smith U.S.Army the U.S.-led U.S.'s"
    let bytes = Array(text.utf8)
    let (stream, tokens) = tokens(text)
    #expect(
      stream.words == [
        "u.s.", "officials", "e.g.", "in", "the", "u.s.a.", "т.е.", "ph", "d", "j", "smith", "a",
        "smith", "u.s.", "army", "the", "u.s.-led", "u.s.'s",
      ])
    let surfaces = tokens.map {
      String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self)
    }
    #expect(surfaces[0] == "U.S." && surfaces[13] == "U.S." && surfaces[16] == "U.S.-led")
    #expect(
      tokens.map { $0.flags.contains(.sentenceStart) } == [
        true, false, false, false, false, false, true, false, true, true, true, false, true,
        false, false, false, false, false,
      ])
    #expect(tokens[1].continuesPhrase && tokens[14].continuesPhrase)
    #expect(tokens[0].flags.contains(.allUppercase))
  }

  @Test func capitalisationFlags() {
    let (_, tokens) = tokens("Union EAEU union ОДКБ Да A")
    #expect(
      tokens.map { $0.flags.contains(.capitalized) } == [true, true, false, true, true, true])
    #expect(
      tokens.map { $0.flags.contains(.allUppercase) } == [false, true, false, true, false, false])
  }

  @Test func offsetsPointIntoTheOriginalText() {
    let text = "Привет, EAEU’s world"
    let bytes = Array(text.utf8)
    let (_, tokens) = tokens(text)
    let surfaces = tokens.map {
      String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self)
    }
    #expect(surfaces == ["Привет", "EAEU’s", "world"])
  }

  @Test func emptyAndPunctuationOnlyTextGiveNoTokens() {
    #expect(words("").isEmpty)
    #expect(words(" ... — «» !!! ").isEmpty)
  }

  @Test func overlongWordsAreFlaggedAndLeftOut() {
    let long = String(repeating: "a", count: Tokenizer.maximumTermBytes + 1)
    let fits = String(repeating: "b", count: Tokenizer.maximumTermBytes)
    let (_, tokens) = tokens("x \(long) \(fits) y")
    #expect(tokens.map { $0.flags.contains(.overlong) } == [false, true, false, false])
    #expect(words("x \(long) \(fits) y") == ["x", fits, "y"])
  }

  /// Russian letters take a fast path on their bytes; each must fold as the general rule says:
  /// lower case (as `String.lowercased()`), with `ё` as `е`, and capitals flagged.
  @Test func everyRussianLetterFoldsAsTheGeneralRule() {
    for value in UInt32(0x0400)...0x045F {
      let letter = String(Unicode.Scalar(value)!)
      let expected = letter.lowercased() == "ё" ? "е" : letter.lowercased()
      let (stream, tokens) = tokens(letter + "x")
      #expect(stream.words == [expected + "x"], "U+\(String(value, radix: 16))")
      #expect(tokens.first?.flags.contains(.capitalized) == (value < 0x0430))
    }
  }

  /// Folded bytes and tokens are written in blocks; a long text crosses many block ends, one
  /// word of letters crosses one mid-run, and none of it may be lost or shifted.
  @Test func longTextsKeepEveryTokenAndOffset() {
    let vocabulary = [
      "Trade", "союз", "ЁЛКА", "EAEU’s", "naïve", "well-known", "x", "Ça", "Δέλτα", "2020",
    ]
    var written: [String] = []
    var state: UInt64 = 7
    for _ in 0..<3000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      written.append(vocabulary[Int(state >> 33) % vocabulary.count])
    }
    let long = String(repeating: "z", count: 5000)
    written.insert(long, at: 1234)
    let text = written.joined(separator: " ")
    let bytes = Array(text.utf8)
    let (stream, tokens) = tokens(text)
    #expect(tokens.count == written.count)
    let surfaces = tokens.map {
      String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self)
    }
    #expect(surfaces == written)
    let folded = tokens.map(stream.foldedString)
    let expected = written.map {
      $0.lowercased().replacingOccurrences("’", "'").replacingOccurrences("ё", "е")
    }
    #expect(folded == expected)
    #expect(tokens.map { $0.flags.contains(.overlong) } == written.map { $0 == long })
  }

  /// Runs of lower-case letters are copied eight bytes at a time, and the last few one by one:
  /// every length from 1 to 40, at every offset against the ends of the blocks the folded
  /// bytes are written in, keeps its bytes.
  @Test func lowerCaseRunsOfEveryLengthKeepTheirBytes() {
    var written: [String] = []
    var state: UInt64 = 3
    for round in 0..<600 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = 1 + round % 40
      let first = Int(state >> 40)
      var word = ""
      for offset in 0..<length {
        let letter = UInt8(97 + (first + offset * 7) % 26)
        word.append(Character(Unicode.Scalar(letter)))
      }
      written.append(word)
      // A capital now and then, so that a run also starts mid-word.
      if round % 7 == 0 { written[written.count - 1] = "Q" + written[written.count - 1] }
    }
    let (stream, tokens) = tokens(written.joined(separator: " "))
    #expect(tokens.map(stream.foldedString) == written.map { $0.lowercased() })
  }

  /// Runs of lower-case letters are found eight bytes at a time: a run ends exactly at the
  /// first byte that is not a lower-case ASCII letter, wherever it falls among the eight and
  /// however few bytes are left, and the bytes stored past it are not kept.
  @Test func lowerCaseRunsEndAtTheFirstOtherByte() {
    // The neighbours of `a` and `z` in ASCII, spaces and punctuation split the word; a capital,
    // a digit and letters whose bytes have the top bit set (`é`, `Я`) continue it.
    let splitting = ["`", "{", "@", "[", "/", ":", "~", " ", ".", ","]
    let joining = [("A", "a"), ("Z", "z"), ("7", "7"), ("é", "é"), ("Я", "я")]
    for length in 1...20 {
      let word = String((0..<length).map { Character(Unicode.Scalar(97 + UInt8($0 % 26))) })
      for after in 0...length {
        let head = String(word.prefix(after))
        let tail = String(word.dropFirst(after))
        for separator in splitting {
          let expected = [head, tail].filter { !$0.isEmpty }
          #expect(words(head + separator + tail) == expected, "\(head)|\(separator)|\(tail)")
          #expect(words("x " + head + separator + tail + " y") == ["x"] + expected + ["y"])
        }
        for (letter, folded) in joining {
          #expect(words(head + letter + tail) == [head + folded + tail])
        }
      }
    }
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
