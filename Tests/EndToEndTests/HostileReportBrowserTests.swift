import Foundation
import LibXML
import TestSupport
import Testing

/// Hostile article text and file names in a real browser: headless Chromium loads the
/// published HTML and its DOM shows that no script ran and no script element exists.
///
/// The payloads would set `document.title` to "PWNED" if they ever ran. A control page with an
/// inline script proves that the browser does run scripts (so an unchanged title means the
/// payloads were inert), and a copy of the report with a script injected after the
/// Content-Security-Policy meta proves that the CSP alone forbids scripts.
///
/// Needs `chromium` (`scripts/setup-browser` installs it). Without it the tests are skipped by
/// the `.enabled(if:)` trait, which Swift Testing prints as a skip with the comment below as
/// the reason, never as a silent pass.
@Suite(
  .serialized,
  .enabled(
    if: ChildProcess.chromium != nil,
    "chromium not found: run scripts/setup-browser to install it (Debian package chromium)"))
struct HostileReportBrowserTests {
  static let pwn = "document.title='PWNED'"
  /// Text payloads: markup, attribute and URL tricks, CDATA ends, and characters XML forbids.
  static let payloads = [
    "<script>\(pwn)</script>",
    "</style><script>\(pwn)</script>",
    "</title><script>\(pwn)</script>",
    "javascript:\(pwn)",
    "<a href=\"javascript:\(pwn)\">link</a>",
    "<img src=x onerror=\"\(pwn)\">",
    "<svg onload=\(pwn)>",
    "\"><script>\(pwn)</script>",
    "<!--", "]]>", "<![CDATA[x]]>",
    "\u{01}\u{0B}\u{FFFE}\u{7F}\u{85}\u{9F}",
  ]

  /// Renders `url` in headless Chromium and returns the DOM after scripts had their chance.
  static func dumpDOM(_ url: URL) throws -> String {
    try ChildProcess.run(
      URL(fileURLWithPath: ChildProcess.chromium!),
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run",
        "--user-data-dir=\(url.deletingLastPathComponent().path)/chromium-profile",
        "--virtual-time-budget=2000", "--dump-dom", url.absoluteString,
      ]
    ).stdout
  }

  static func title(in dom: String) -> String? {
    guard let open = dom.range(of: "<title>"),
      let close = dom.range(of: "</title>", range: open.upperBound..<dom.endIndex)
    else { return nil }
    return String(dom[open.upperBound..<close.lowerBound])
  }

  /// A corpus whose accepted and rejected articles and file names carry every payload; the
  /// published folder.
  static func publishHostileReport() throws -> (root: URL, out: URL, result: BinaryRunner.Result) {
    let root = try BinaryRunner.scratchFolder()
    let corpus = root.appendingPathComponent("corpus")
    let out = root.appendingPathComponent("out")
    var files: [String: [UInt8]] = [:]
    let body = payloads.joined(separator: " The Hostile Payload Commission said ")
    files["accepted.txt"] = Array(" date 2021-05-01 \(body)\nThe EAEU met. \(body)\n".utf8)
    files["accepted-2020.txt"] = Array(
      " date 2020-05-01 Ministry of \(payloads[0]) Affairs met the EAEU.\n".utf8)
    for (index, payload) in payloads.enumerated() {
      // A rejected file: its first line comes back in the reason ("found '…'").
      files["rejected-\(index).txt"] = Array("\(payload) no header\n".utf8)
      // The payload in the file name; a `/` makes folders, which is fine: the path is shown whole.
      files["named/\(index)-\(payload).txt"] = Array("also no header: \(payload)".utf8)
      files["good-\(index)-\(payload).txt"] = Array(
        " date 2019-01-0\(1 + index % 9) \(payload) text\n".utf8)
    }
    try BinaryRunner.write(files, below: corpus)
    let result = try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path])
    return (root, out, result)
  }

  @Test func browserRunsScriptsOnAPlainPage() throws {
    let folder = try BinaryRunner.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("control.html")
    try Data(
      "<!DOCTYPE html><html><head><title>control</title></head><body><script>\(Self.pwn)</script></body></html>"
        .utf8
    )
    .write(to: page)
    let dom = try Self.dumpDOM(page)
    #expect(
      Self.title(in: dom) == "PWNED", "the control page's script must run: \(dom.prefix(300))")
  }

  @Test func hostilePayloadsStayInertInTheBrowser() throws {
    let (root, out, result) = try Self.publishHostileReport()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(result.status == 3, "stderr: \(result.stderr.prefix(2000))")

    // Both reports are valid: the schema through `almanac validate`, the HTML through libxml2.
    let xmlPath = out.appendingPathComponent("almanac.xml").path
    let validation = try BinaryRunner.run(["validate", xmlPath])
    #expect(validation.status == 0, "\(validation.stderr)")
    let htmlURL = out.appendingPathComponent("almanac.html")
    let html = String(decoding: try Data(contentsOf: htmlURL), as: UTF8.self)
    #expect(html.contains("http-equiv=\"Content-Security-Policy\""))
    #expect(html.contains("default-src 'none'"))
    #expect(!html.contains("script-src"), "no script source is ever allowed")
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<svg onload"))
    // `href="javascript:` may appear as escaped text; never inside a tag.
    let javascriptLink = try NSRegularExpression(
      pattern: #"<[a-zA-Z][^<>]*\shref\s*=\s*"?\s*javascript:"#)
    #expect(
      javascriptLink.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)) == nil)
    #expect(html.contains("&lt;script&gt;"), "the payloads reached the page as text")
    for forbidden in ["\u{01}", "\u{0B}", "\u{FFFE}", "\u{7F}", "\u{85}", "\u{9F}"] {
      #expect(
        !html.contains(forbidden),
        "U+\(String(forbidden.unicodeScalars.first!.value, radix: 16)) in the HTML")
    }

    let dom = try Self.dumpDOM(htmlURL)
    #expect(dom.contains("<body"), "Chromium rendered the page: \(dom.prefix(300))")
    let title = Self.title(in: dom)
    #expect(title?.hasPrefix("Almanac report: ") == true, "title: \(title ?? "none")")
    #expect(!dom.contains("PWNED</title>"))
    #expect(!dom.contains("<script"), "no script element in the live DOM")
    #expect(!dom.contains("<img"), "no img element in the live DOM")
    // No element carries an event handler or a javascript: URL.
    let handler = try NSRegularExpression(
      pattern: #"<[a-zA-Z][^>]*\s(on[a-z]+|href\s*=\s*"?\s*javascript:)"#)
    #expect(handler.firstMatch(in: dom, range: NSRange(dom.startIndex..., in: dom)) == nil)
  }

  @Test func theContentSecurityPolicyAloneBlocksAnInjectedScript() throws {
    let (root, out, _) = try Self.publishHostileReport()
    defer { try? FileManager.default.removeItem(at: root) }
    let html = String(
      decoding: try Data(contentsOf: out.appendingPathComponent("almanac.html")), as: UTF8.self)
    // Simulate an escaping bug: a raw script right after the head.
    let injected = html.replacingOccurrences(
      of: "</head>", with: "</head><script>\(Self.pwn)</script><img src=x onerror=\"\(Self.pwn)\">")
    #expect(injected != html)
    let page = out.appendingPathComponent("injected.html")
    try Data(injected.utf8).write(to: page)
    let dom = try Self.dumpDOM(page)
    #expect(dom.contains("<script>"), "the injected script is in the DOM")
    #expect(
      Self.title(in: dom)?.hasPrefix("Almanac report: ") == true,
      "title: \(Self.title(in: dom) ?? "none")")
  }
}
