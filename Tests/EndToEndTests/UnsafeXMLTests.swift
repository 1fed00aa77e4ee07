import Foundation
import Testing

/// `almanac validate` on hostile XML: entity bombs and external entities are refused quickly,
/// with a message, and nothing outside the file is ever read into the output.
@Suite struct UnsafeXMLTests {
  static let billionLaughs = """
    <?xml version="1.0"?>
    <!DOCTYPE lolz [
      <!ENTITY lol "lol">
      <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
      <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
      <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
      <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
      <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
      <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
      <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
    ]>
    <almanac xmlns="urn:almanac:report:1" schemaVersion="1.0" note="&lol9;">&lol9;</almanac>
    """

  static let externalEntity = """
    <?xml version="1.0"?>
    <!DOCTYPE almanac [ <!ENTITY e SYSTEM "file:///etc/passwd"> ]>
    <almanac xmlns="urn:almanac:report:1" schemaVersion="1.0">&e;</almanac>
    """

  static let externalDTD = """
    <?xml version="1.0"?>
    <!DOCTYPE almanac SYSTEM "file:///etc/passwd">
    <almanac xmlns="urn:almanac:report:1" schemaVersion="1.0"/>
    """

  static let parameterEntity = """
    <?xml version="1.0"?>
    <!DOCTYPE almanac [ <!ENTITY % p SYSTEM "file:///etc/passwd"> %p; ]>
    <almanac xmlns="urn:almanac:report:1" schemaVersion="1.0"/>
    """

  static let networkEntity = """
    <?xml version="1.0"?>
    <!DOCTYPE almanac [ <!ENTITY e SYSTEM "http://127.0.0.1:9/almanac-xxe"> ]>
    <almanac xmlns="urn:almanac:report:1" schemaVersion="1.0">&e;</almanac>
    """

  /// Lines of /etc/passwd long enough not to appear by chance.
  static var passwdMarkers: [String] {
    let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? ""
    return passwd.split(separator: "\n").map(String.init).filter { $0.count > 8 }
  }

  @Test(arguments: [
    ("billion-laughs", billionLaughs), ("xxe", externalEntity), ("external-dtd", externalDTD),
    ("parameter-entity", parameterEntity), ("network-entity", networkEntity),
  ])
  func validateRefusesItQuicklyAndLeaksNothing(name: String, xml: String) throws {
    let folder = try BinaryRunner.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("\(name).xml")
    try Data(xml.utf8).write(to: file)

    let clock = ContinuousClock()
    let started = clock.now
    let result = try BinaryRunner.run(["validate", file.path])
    let elapsed = clock.now - started
    #expect(result.status == 1, "\(name): \(result.stderr)")
    #expect(elapsed < .seconds(10), "\(name) took \(elapsed)")
    #expect(result.stderr.contains(file.path), "the message names the file")
    #expect(
      result.stderr.contains("declares a DTD or entities; Almanac refuses such XML"),
      "the message says why, in Almanac's words: \(result.stderr)")
    let output = result.stdout + result.stderr
    #expect(output.utf8.count < 4096, "\(name): \(output.utf8.count) bytes of output")
    for line in Self.passwdMarkers {
      #expect(!output.contains(line), "\(name): the output holds a line of /etc/passwd")
    }
    #expect(!output.contains("lollollol"))
  }
}
