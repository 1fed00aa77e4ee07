internal import CLibXML2

/// Gathers libxml2's structured errors during one synchronous call on the current thread.
///
/// libxml2's handler is per thread in this build, so it is set and cleared around the call and
/// never held across a suspension point.
final class IssueCollector {
  private(set) var issues: [XMLIssue] = []

  func record(_ error: UnsafePointer<xmlError>) {
    let message = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
    var trimmed = Substring(message)
    while trimmed.last == "\n" { trimmed = trimmed.dropLast() }
    issues.append(XMLIssue(line: Int(error.pointee.line), message: String(trimmed)))
  }

  /// Runs `body` with libxml2's errors routed into `issues`.
  func collecting<T>(_ body: () -> T) -> T {
    almanac_silenceGenericErrors()
    let context = Unmanaged.passUnretained(self).toOpaque()
    xmlSetStructuredErrorFunc(context) { context, error in
      guard let context, let error else { return }
      Unmanaged<IssueCollector>.fromOpaque(context).takeUnretainedValue().record(error)
    }
    defer { xmlSetStructuredErrorFunc(nil, nil) }
    return withExtendedLifetime(self) { body() }
  }
}
