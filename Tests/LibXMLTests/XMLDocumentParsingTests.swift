import LibXML
import Testing

@Suite struct XMLDocumentParsingTests {
  /// Parses `text`, returning the error it threw (nil when it parsed).
  func parseError(_ text: String, name: String = "t.xml") -> XMLError? {
    do {
      _ = try XMLDocument.parse(Array(text.utf8), name: name)
      return nil
    } catch {
      return error
    }
  }

  @Test func wellFormedDocumentParses() throws {
    let document = try XMLDocument.parse(
      Array("<?xml version=\"1.0\"?>\n<r a=\"1 &amp; 2\"><p>Ж &lt; x</p></r>".utf8), name: "t")
    #expect(document.root.name == "r")
    #expect(document.root.attribute("a") == "1 & 2")
    #expect(document.root.children.first?.textContent == "Ж < x")
  }

  @Test func billionLaughsIsRefused() {
    var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      let body = String(repeating: "&\(previous);", count: 10)
      text += "<!ENTITY lol\(level) \"\(body)\">\n"
    }
    text += "]>\n<lolz>&lol9;</lolz>\n"
    let error = parseError(text, name: "laughs.xml")
    #expect(error == .forbiddenDoctype(name: "laughs.xml"))
    #expect(!(error?.description.contains("lollollol") ?? false))
  }

  @Test func externalEntityIsRefusedAndNeverRead() {
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
      <x>&e;</x>
      """
    let error = parseError(text, name: "xxe.xml")
    #expect(error == .forbiddenDoctype(name: "xxe.xml"))
    #expect(!(error?.description.contains("root:") ?? false))
  }

  @Test func externalDTDIsRefused() {
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE x SYSTEM "http://example.invalid/x.dtd">
      <x/>
      """
    #expect(parseError(text, name: "dtd.xml") == .forbiddenDoctype(name: "dtd.xml"))
  }

  @Test func aDoctypeAfterCommentsAndInstructionsIsStillFound() {
    let text =
      "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- <x/> -->\n<?pi x?>\n<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>"
    #expect(parseError(text, name: "late.xml") == .forbiddenDoctype(name: "late.xml"))
    // "<!DOCTYPE" inside a comment or the content is text, not a declaration.
    #expect(parseError("<!-- <!DOCTYPE x> --><x>&lt;!DOCTYPE y&gt;</x>") == nil)
    #expect(parseError("<x><![CDATA[<!DOCTYPE x>]]></x>") == nil)
  }

  @Test func malformedXMLReportsTheLine() throws {
    let error = try #require(parseError("<a>\n  <b>\n</a>\n", name: "bad.xml"))
    guard case .malformed(let name, let issues) = error else {
      Issue.record("expected .malformed, got \(error)")
      return
    }
    #expect(name == "bad.xml")
    #expect(issues.contains { $0.line == 3 && $0.message.contains("mismatch") })
    #expect(error.description.hasPrefix("bad.xml is not well-formed XML: line 3"))
  }

  @Test(arguments: ["", "not xml", "<a>", "<a></b>", "<a>&undefined;</a>", "<a x='1' x='2'/>"])
  func brokenInputIsMalformed(text: String) {
    let error = parseError(text)
    guard case .malformed(let name, let issues)? = error else {
      Issue.record(
        "expected .malformed for \(text.debugDescription), got \(String(describing: error))")
      return
    }
    #expect(name == "t.xml")
    #expect(!issues.isEmpty)
  }

  @Test func emptyInputSaysSo() {
    #expect(
      parseError("", name: "empty.xml")
        == .malformed(
          name: "empty.xml", issues: [XMLIssue(line: 0, message: "the document is empty")]))
  }

  @Test func errorHandlerIsClearedAfterAFailure() throws {
    _ = parseError("<broken")
    // A later good parse sees no leftover issues and succeeds.
    let document = try XMLDocument.parse(Array("<ok/>".utf8), name: "ok.xml")
    #expect(document.root.name == "ok")
  }
}
