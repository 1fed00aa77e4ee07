import Corpus
import Testing

@Suite struct HeaderParserTests {
  func parse(_ bytes: [UInt8]) -> Result<Document, Rejection> {
    Result { () throws(Rejection) in try HeaderParser.parse(bytes, path: "a.txt") }
  }

  func parse(_ text: String) -> Result<Document, Rejection> { parse(Array(text.utf8)) }

  @Test func houseFormatWithLeadingSpace() throws {
    let document = try parse(" date 2020-09-28 President of Kyrgyzstan met.\n\nMore.").get()
    #expect(document.date == CalendarDate(year: 2020, month: 9, day: 28))
    #expect(
      String(decoding: document.text, as: UTF8.self) == "President of Kyrgyzstan met.\n\nMore.")
    #expect(document.path == "a.txt")
    #expect(document.repairedSequences == 0)
  }

  @Test func handedOverBytesBecomeTheTextInTheirOwnBuffer() throws {
    let text = String(repeating: "Grain trade grew in Minsk. ", count: 2_000)
    var bytes = Array(" date 2020-09-28 \(text)".utf8)
    let buffer = bytes.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    let document = try HeaderParser.parse(consume bytes, path: "a.txt")
    #expect(String(decoding: document.text, as: UTF8.self) == text)
    #expect(document.text.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } == buffer)
    // Bytes that are not handed over are left as they were.
    bytes = Array(" date 2020-09-28 Grain.".utf8)
    let kept = bytes
    #expect(
      String(decoding: try HeaderParser.parse(bytes, path: "a.txt").text, as: UTF8.self) == "Grain."
    )
    #expect(bytes == kept)
  }

  @Test func byteOrderMarkTabsAndCRLF() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\r\n\tdate\t2019-02-04\r\nText here\r\n".utf8)
    let document = try parse(bytes).get()
    #expect(document.date.description == "2019-02-04")
    #expect(String(decoding: document.text, as: UTF8.self) == "Text here\r\n")
  }

  @Test func theDateReadAheadIsTheDateOfTheWholeFile() throws {
    let files = [
      " date 2020-09-28 President of Kyrgyzstan met.",
      "\u{FEFF}\r\n\tdate\t2019-02-04\r\nText", "date 2000-02-29 leap", "date 2021-02-29 not leap",
      "no header", "date 2020-09-2", "", "   ", "date 1700-01-01 too early",
    ]
    for text in files {
      let bytes = Array(text.utf8)
      // Every prefix long enough to hold the header reads as the whole file does.
      let whole = try? parse(bytes).get().date
      #expect(HeaderParser.date(inPrefix: bytes) == whole, "\(text)")
      if let whole {
        let end = text.utf8.count - 1
        #expect(HeaderParser.date(inPrefix: Array(bytes[..<end])) == whole)
      }
    }
    // A prefix that stops inside the header holds no date.
    #expect(HeaderParser.date(inPrefix: Array(" date 2020-09".utf8)) == nil)
    #expect(HeaderParser.date(inPrefix: Array(" da".utf8)) == nil)
  }

  @Test func leapDays() throws {
    #expect(try parse("date 2020-02-29 leap").get().date.day == 29)
    #expect(parse("date 2021-02-29 not leap").rejection == .impossibleDate(text: "2021-02-29"))
    #expect(parse("date 1900-02-29 not leap").rejection == .impossibleDate(text: "1900-02-29"))
    #expect(try parse("date 2000-02-29 leap").get().date.year == 2000)
  }

  @Test func eachRejectionReason() {
    #expect(parse([]).rejection == .empty)
    #expect(
      parse("Just an article without a header").rejection
        == .missingHeader(found: "Just an article without a header"))
    #expect(parse("date 2021-02-30 text").rejection == .impossibleDate(text: "2021-02-30"))
    #expect(parse("date 2021-13-01 text").rejection == .impossibleDate(text: "2021-13-01"))
    #expect(parse("date 1700-01-01 text").rejection == .dateOutOfRange(text: "1700-01-01"))
    #expect(parse("date 2020-01-01   \n\n  ").rejection == .emptyBody)
    #expect(parse("date 2020-01-01").rejection == .emptyBody)
    #expect(
      parse("date 20-01-01 text").isFailure(matching: {
        if case .missingHeader = $0 { true } else { false }
      }))
    #expect(
      parse("date 2020-01-01text").isFailure(matching: {
        if case .missingHeader = $0 { true } else { false }
      }))
    #expect(
      parse("dated 2020-01-01 text").isFailure(matching: {
        if case .missingHeader = $0 { true } else { false }
      }))
  }

  @Test func binaryAndUTF16AreNotText() {
    let utf16: [UInt8] = [0xFF, 0xFE] + Array("date".utf8).flatMap { [$0, 0] }
    #expect(parse(utf16).isFailure(matching: { if case .notText = $0 { true } else { false } }))
    let withNul = Array("date 2020-01-01 text".utf8) + [0] + Array("more".utf8)
    #expect(parse(withNul).rejection == .notText(detail: "NUL byte at offset 20"))
  }

  @Test func invalidUTF8InTheTextIsReplacedAndCounted() throws {
    let bytes = Array("date 2020-01-01 caf".utf8) + [0xE9] + Array(" ok ".utf8) + [0xC3]
    let document = try parse(bytes).get()
    #expect(String(decoding: document.text, as: UTF8.self) == "caf\u{FFFD} ok \u{FFFD}")
    #expect(document.repairedSequences == 2)
  }

  @Test func rejectionMessagesNameTheProblem() {
    #expect(Rejection.impossibleDate(text: "2021-02-30").description.contains("2021-02-30"))
    #expect(Rejection.missingHeader(found: "Hello").description.contains("'Hello'"))
    #expect(Rejection.emptyBody.description == "header but no article text")
  }
}

extension Result where Failure == Rejection {
  var rejection: Rejection? {
    if case .failure(let rejection) = self { return rejection }
    return nil
  }

  func isFailure(matching predicate: (Rejection) -> Bool) -> Bool {
    if case .failure(let rejection) = self { return predicate(rejection) }
    return false
  }
}
