import Analysis
import Corpus

/// One fuzz input through the header parser, the tokenizer and the organization matcher,
/// checking what every caller relies on. A broken invariant stops the process with a message
/// (libFuzzer then saves the input as a crash).
enum FuzzChecks {
  static let tokenizer = Tokenizer()
  static let matcher = OrganizationMatcher(registry: .builtin())

  static func run(_ bytes: [UInt8]) {
    // Raw bytes, as if a caller skipped the repair: the tokenizer must stay in bounds.
    var stream = TokenStream()
    tokenizer.tokenize(bytes, into: &stream)
    checkTokens(stream, textCount: bytes.count, textIsValid: false)

    // The real path: header parser → repaired text → tokens → mentions.
    let document: Document
    do throws(Rejection) {
      document = try HeaderParser.parse(bytes, path: "fuzz.txt")
    } catch {
      require(!error.description.isEmpty, "a rejection without a reason")
      return
    }
    require(isValidUTF8(document.text), "document text is not valid UTF-8")
    require(!document.text.isEmpty, "an accepted document without text")
    require(document.repairedSequences >= 0, "negative repair count")
    require(
      (CalendarDate.earliestYear...CalendarDate.latestYear).contains(document.date.year),
      "date out of range: \(document.date)")
    require(
      CalendarDate(year: document.date.year, month: document.date.month, day: document.date.day)
        == document.date, "impossible date accepted: \(document.date)")

    tokenizer.tokenize(document.text, into: &stream)
    checkTokens(stream, textCount: document.text.count, textIsValid: true)

    let mentions = matcher.mentions(in: document.text, tokens: stream)
    var previousEnd: Int32 = 0
    for mention in mentions {
      require(
        mention.start >= previousEnd && mention.start < mention.end
          && Int(mention.end) <= document.text.count,
        "mention \(mention.start)..<\(mention.end) out of order or bounds (previous end \(previousEnd), text \(document.text.count))"
      )
      previousEnd = mention.end
      require(!mention.id.isEmpty && !mention.name.isEmpty, "mention without id or name")
    }
    checkWindows(document.text, whole: stream, mentions: mentions)
    checkFacts(document.text, stream: stream, mentions: mentions)
  }

  /// Matched with the facts counting keeps per word (``OrganizationMatcher/facts(of:)``, none
  /// for a number), the text gives the same mentions as looked up token by token.
  static func checkFacts(_ text: [UInt8], stream: TokenStream, mentions: [OrganizationMention]) {
    let facts = stream.tokens.map { token -> OrganizationMatcher.WordFacts in
      if token.flags.contains(.number) { return [] }
      return stream.folded.withUnsafeBufferPointer { folded in
        matcher.facts(
          of: UnsafeBufferPointer(
            rebasing: folded[Int(token.foldedStart)..<Int(token.foldedEnd)]))
      }
    }
    var definitions = OrganizationMatcher.Definitions()
    var found: [OrganizationMention] = []
    facts.withUnsafeBufferPointer { facts in
      matcher.forEachMention(in: text, window: stream, facts: facts, definitions: &definitions) {
        found.append($0)
      }
    }
    require(found == mentions, "mentions differ when matched with the per-word facts")
  }

  /// Tokenized and matched in windows of a few bytes (as a huge document is), the text gives
  /// the same tokens and the same mentions as whole.
  static func checkWindows(_ text: [UInt8], whole: TokenStream, mentions: [OrganizationMention]) {
    var stream = TokenStream()
    var tokens: [Token] = []
    var folded = 0
    var definitions = OrganizationMatcher.Definitions()
    var windowed: [OrganizationMention] = []
    tokenizer.tokenize(text, windowBytes: 1 + text.count % 7, into: &stream) { window in
      for var token in window.tokens {
        token.foldedStart += Int32(folded)
        token.foldedEnd += Int32(folded)
        tokens.append(token)
      }
      folded += window.folded.count
      matcher.forEachMention(in: text, window: window, facts: nil, definitions: &definitions) {
        windowed.append($0)
      }
    }
    require(tokens == whole.tokens, "tokens differ when tokenized in windows")
    require(windowed == mentions, "mentions differ when matched in windows")
  }

  static func checkTokens(_ stream: TokenStream, textCount: Int, textIsValid: Bool) {
    var previousEnd: Int32 = 0
    var previousFoldedEnd: Int32 = 0
    for token in stream.tokens {
      require(
        token.start >= previousEnd && token.start < token.end && Int(token.end) <= textCount,
        "token \(token.start)..<\(token.end) out of order or bounds (previous end \(previousEnd), text \(textCount))"
      )
      require(
        token.foldedStart >= previousFoldedEnd && token.foldedStart < token.foldedEnd
          && Int(token.foldedEnd) <= stream.folded.count,
        "folded \(token.foldedStart)..<\(token.foldedEnd) out of order or bounds (folded \(stream.folded.count))"
      )
      previousEnd = token.end
      previousFoldedEnd = token.foldedEnd
      if textIsValid {
        require(
          isValidUTF8(stream.folded[Int(token.foldedStart)..<Int(token.foldedEnd)]),
          "folded form of a token is not valid UTF-8")
      }
    }
  }

  static func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }

  static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz invariant broken: \(message())") }
  }
}
