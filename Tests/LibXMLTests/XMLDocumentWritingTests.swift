import LibXML
import Testing

@Suite struct XMLDocumentWritingTests {
  /// The serialised document as text.
  func text(of document: XMLDocument) -> String {
    String(decoding: document.serialized(), as: UTF8.self)
  }

  @Test func textIsEscapedAsData() {
    let document = XMLDocument(rootName: "r")
    document.root.addElement("p", text: "a & b < c > d \"q\" 'q'")
    document.root.addElement("q").addText("x & <y/>")
    let output = text(of: document)
    #expect(output.contains("<p>a &amp; b &lt; c &gt; d \"q\" 'q'</p>"))
    #expect(output.contains("<q>x &amp; &lt;y/&gt;</q>"))
  }

  @Test func ampersandIsKeptNotDropped() throws {
    // xmlNewChild would read "&" as markup and lose the text; the wrapper must not.
    let document = XMLDocument(rootName: "r")
    document.root.addElement("p", text: "AT&T")
    let parsed = try XMLDocument.parse(document.serialized(), name: "t.xml")
    #expect(parsed.root.children(named: "p").first?.textContent == "AT&T")
  }

  @Test func attributesAreEscaped() {
    let document = XMLDocument(rootName: "r")
    document.root.addElement("p", attributes: ["v": "a & b < c > d \"q\" 'q'"])
    #expect(text(of: document).contains("<p v=\"a &amp; b &lt; c &gt; d &quot;q&quot; 'q'\"/>"))
  }

  @Test func whitespaceInAttributesSurvivesAParse() throws {
    let document = XMLDocument(rootName: "r")
    document.root.setAttribute("v", "one\ttwo\nthree\r")
    let parsed = try XMLDocument.parse(document.serialized(), name: "t.xml")
    #expect(parsed.root.attribute("v") == "one\ttwo\nthree\r")
  }

  @Test func cyrillicStaysRawUTF8() {
    let document = XMLDocument(rootName: "r")
    document.root.addElement("p", attributes: ["name": "ЕАЭС"], text: "Россия")
    let bytes = document.serialized()
    let output = String(decoding: bytes, as: UTF8.self)
    #expect(output.contains("<p name=\"ЕАЭС\">Россия</p>"))
    #expect(!output.contains("&#"))
    // "Р" is D0 A0 in UTF-8.
    #expect(bytes.contains(0xD0) && bytes.contains(0xA0))
  }

  @Test func forbiddenCharactersBecomeReplacementCharacters() throws {
    let document = XMLDocument(rootName: "r")
    document.root.addElement(
      "p", attributes: ["v": "x\u{00}y\u{FFFF}"], text: "bell\u{07}esc\u{1B}")
    let output = text(of: document)
    #expect(output.contains("<p v=\"x\u{FFFD}y\u{FFFD}\">bell\u{FFFD}esc\u{FFFD}</p>"))
    let parsed = try XMLDocument.parse(document.serialized(), name: "t.xml")
    #expect(parsed.root.children.first?.textContent == "bell\u{FFFD}esc\u{FFFD}")
  }

  @Test func cleanKeepsTabsNewlinesAndOrdinaryText() {
    #expect(XMLText.clean("a\tb\nc\rd Ж 🙂") == "a\tb\nc\rd Ж 🙂")
    #expect(XMLText.clean("\u{01}\u{1F}\u{FFFE}") == "\u{FFFD}\u{FFFD}\u{FFFD}")
    // DEL, C1 controls and noncharacters: legal in XML 1.0 but forbidden in HTML.
    let nonCharacters = [0xFDD0, 0x1FFFF].map { String(Unicode.Scalar(UInt32($0))!) }
    let hostile = "a\u{7F}b\u{85}c\u{9F}d" + nonCharacters[0] + "e" + nonCharacters[1] + "f"
    #expect(XMLText.clean(hostile) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f")
    #expect(XMLText.clean("\u{A0}é€\u{10FFFD}") == "\u{A0}é€\u{10FFFD}")
  }

  @Test func namespaceIsTheDefaultOneAndInheritedByChildren() {
    let document = XMLDocument(rootName: "root", namespace: "urn:example")
    document.root.addElement("child").addElement("grandchild")
    let output = text(of: document)
    #expect(output.contains("<root xmlns=\"urn:example\">"))
    #expect(output.contains("<child>"))
    #expect(output.contains("<grandchild/>"))
    #expect(!output.contains("xmlns:"))
  }

  @Test func serialisationStartsWithAnXMLDeclarationAndIsStable() {
    func build() -> [UInt8] {
      let document = XMLDocument(rootName: "r")
      document.root.addElement("p", attributes: ["b": "2", "a": "1"], text: "t")
      return document.serialized()
    }
    let output = String(decoding: build(), as: UTF8.self)
    #expect(
      output
        == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>\n  <p b=\"2\" a=\"1\">t</p>\n</r>\n")
    #expect(build() == build())
  }

  @Test func htmlHasTheHTML5DoctypeAndRawCyrillic() {
    let document = XMLDocument.html(language: "ru")
    let body = document.root.addElement("body")
    body.addElement("p", text: "Россия <b>")
    let output = text(of: document)
    #expect(output.hasPrefix("<!DOCTYPE html>\n"))
    #expect(output.contains("<html lang=\"ru\">"))
    #expect(output.contains("<p>Россия &lt;b&gt;</p>"))
    #expect(!output.contains("&#"))
  }

  /// HTML5's `wbr` has no end tag; text and attributes that spell one stay text.
  @Test func aLineBreakOpportunityHasNoEndTag() {
    let document = XMLDocument.html()
    let code = document.root.addElement("body").addElement("code", text: "2020/")
    code.addElement("wbr")
    code.addText("a_</wbr><wbr></wbr>.txt")
    code.setAttribute("title", "</wbr>")
    let output = text(of: document)
    #expect(output.contains("2020/<wbr>a_&lt;/wbr&gt;&lt;wbr&gt;&lt;/wbr&gt;.txt</code>"))
    #expect(output.contains("title=\"&lt;/wbr&gt;\""))
    #expect(!output.contains("</wbr>"))
  }

  @Test func elementAccessorsReadTheTree() {
    let document = XMLDocument(rootName: "r")
    document.root.addElement("a", text: "one")
    document.root.addElement("b", attributes: ["k": "v"])
    document.root.addElement("a", text: "two")
    #expect(document.root.children.map(\.name) == ["a", "b", "a"])
    #expect(document.root.children(named: "a").map(\.textContent) == ["one", "two"])
    #expect(document.root.children(named: "b").first?.attribute("k") == "v")
    #expect(document.root.children(named: "b").first?.attribute("missing") == nil)
    #expect(document.root.textContent == "onetwo")
  }
}
