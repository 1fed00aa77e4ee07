public import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Files at paths given as raw bytes, for names that are not UTF-8 (and so cannot be made
/// through a `String` path).
public enum RawPathFile {
  /// Creates (or truncates) the file at `bytePath`, relative to `root`, holding `contents`.
  ///
  /// - Returns: Whether the file was created and every byte written.
  @discardableResult
  public static func create(root: URL, bytePath: [UInt8], contents: [UInt8]) -> Bool {
    var full = Array(root.path.utf8) + [UInt8(ascii: "/")] + bytePath
    full.append(0)
    let descriptor = full.withUnsafeBufferPointer { raw in
      raw.withMemoryRebound(to: CChar.self) {
        open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      }
    }
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    return written == contents.count
  }
}
