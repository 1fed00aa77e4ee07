import Foundation
import Glibc

/// Prints an HTML page to PDF with headless Chromium, driven through the DevTools protocol.
///
/// Chromium's `--print-to-pdf` switch cannot put page numbers in the footer; the protocol's
/// `Page.printToPDF` can (`footerTemplate`). The browser is started with
/// `--remote-debugging-pipe`, which speaks the protocol as NUL-terminated JSON over file
/// descriptors 3 (commands in) and 4 (replies out), so no port, socket or helper program is
/// involved. Paper size and margins come from the page's print CSS (`@page { size: A4 }`).
public enum PDFPrinter {
  /// Why no PDF was printed.
  public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither `chromium` nor `chromium-browser` is on `PATH`.
    case chromiumMissing
    /// The browser could not be started.
    case launchFailed(path: String, errno: Int32)
    /// The browser stopped, or answered with an error.
    case printFailed(detail: String)
    /// The browser did not finish within the time limit.
    case timedOut(seconds: Int)

    /// A message for the user.
    public var description: String {
      switch self {
      case .chromiumMissing:
        return "printing the PDF needs Chromium, and neither 'chromium' nor 'chromium-browser' "
          + "is on PATH; install the Debian package 'chromium' (apt-get install chromium)"
      case .launchFailed(let path, let code):
        return "cannot start '\(path)': \(String(cString: strerror(code)))"
      case .printFailed(let detail): return "Chromium could not print the page: \(detail)"
      case .timedOut(let seconds): return "Chromium did not print the page within \(seconds) s"
      }
    }
  }

  /// The browser names looked up on `PATH`, in order.
  public static let browserNames = ["chromium", "chromium-browser"]

  /// The footer of every page: page number and page count, centred.
  static let footerTemplate = """
    <div style="width:100%;text-align:center;font:9px sans-serif;color:#5b6778">\
    <span class="pageNumber"></span> / <span class="totalPages"></span></div>
    """

  /// Prints a page.
  ///
  /// - Parameters:
  ///   - htmlPath: The HTML file to print.
  ///   - timeout: Seconds the whole print may take before the browser is killed.
  /// - Returns: The bytes of the PDF.
  /// - Throws: ``Failure``.
  public static func print(htmlPath: String, timeout: Int = 120) throws(Failure) -> [UInt8] {
    guard let browser = findBrowser() else { throw .chromiumMissing }
    guard let absolute = realpath(htmlPath, nil) else {
      throw .printFailed(detail: "cannot find '\(htmlPath)': \(String(cString: strerror(errno)))")
    }
    let url = fileURL(String(cString: absolute))
    free(absolute)

    var profileTemplate =
      ((ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/almanac-chromium-XXXXXX")
      .utf8CString
    guard let profile = profileTemplate.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) })
    else { throw .printFailed(detail: "cannot create a browser profile folder") }
    let profilePath = String(cString: profile)
    defer { try? FileManager.default.removeItem(atPath: profilePath) }

    let session = try DevToolsPipe.launch(
      browser,
      arguments: [
        "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
        "--user-data-dir=" + profilePath, "--no-first-run", "--no-default-browser-check",
        "--disable-extensions", "about:blank",
      ], timeout: timeout)
    defer { session.stop() }

    let target = try session.call("Target.createTarget", ["url": "about:blank"])
    guard let targetID = target["targetId"] as? String else {
      throw .printFailed(detail: "no target")
    }
    let attached = try session.call(
      "Target.attachToTarget", ["targetId": targetID, "flatten": true])
    guard let sessionID = attached["sessionId"] as? String else {
      throw .printFailed(detail: "no session")
    }
    _ = try session.call("Page.enable", [:], session: sessionID)
    let navigation = try session.call("Page.navigate", ["url": url], session: sessionID)
    if let error = navigation["errorText"] as? String {
      throw .printFailed(detail: "\(error) loading \(url)")
    }
    try session.waitForEvent("Page.loadEventFired", session: sessionID)
    let printed = try session.call(
      "Page.printToPDF",
      [
        "preferCSSPageSize": true, "printBackground": true, "displayHeaderFooter": true,
        "headerTemplate": "<span></span>", "footerTemplate": footerTemplate,
      ], session: sessionID)
    guard let data = printed["data"] as? String, let pdf = Data(base64Encoded: data) else {
      throw .printFailed(detail: "no PDF data in the reply")
    }
    _ = try? session.call("Browser.close", [:])
    return [UInt8](pdf)
  }

  /// The first of ``browserNames`` that is an executable file on `PATH`.
  static func findBrowser() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in browserNames {
      for folder in path.split(separator: ":") where !folder.isEmpty {
        let candidate = folder + "/" + name
        if access(candidate, X_OK) == 0 { return candidate }
      }
    }
    return nil
  }

  /// A `file://` URL for an absolute path, bytes outside the unreserved set percent-encoded.
  static func fileURL(_ path: String) -> String {
    var url = "file://"
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        url.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        url.unicodeScalars.append("%")
        url.unicodeScalars.append(hex[Int(byte >> 4)])
        url.unicodeScalars.append(hex[Int(byte & 0x0F)])
      }
    }
    return url
  }
}
