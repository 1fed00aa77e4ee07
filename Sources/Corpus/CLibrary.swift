#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Functions of the C library that Swift's Glibc module does not declare (`malloc.h`'s, or
/// `preadv2`), looked up by name in the running process.
package enum CLibrary {
  /// The C function `name` as a `Function` (a `@convention(c)` type matching its C
  /// declaration), or nil where the C library has none.
  package static func function<Function>(_ name: String, as type: Function.Type) -> Function? {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
    return unsafeBitCast(symbol, to: type)
  }
}
