#if canImport(Glibc)
  import Glibc
#endif

// A libFuzzer target that is also an ordinary executable.
//
// - In a normal `swift build` this is a small program that replays inputs: `AlmanacFuzz FILE…`
//   runs each file through the same checks (a crash file from the fuzzer, or the seeds in
//   `Tests/Fuzz/Corpus`).
// - `scripts/fuzz` builds it with `-sanitize=fuzzer,address -DALMANAC_LIBFUZZER`: the coverage
//   instrumentation and libFuzzer's runtime are linked in, and `main` hands over to libFuzzer's
//   driver (`LLVMFuzzerRunDriver`), so libFuzzer's own `main` is never needed and SwiftPM's
//   executable linking stays untouched.

/// libFuzzer's entry point: one input, checked. Always compiled, so the checks build everywhere.
@_cdecl("LLVMFuzzerTestOneInput")
public func almanacFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  FuzzChecks.run(bytes)
  return 0
}

#if ALMANAC_LIBFUZZER
  @_silgen_name("LLVMFuzzerRunDriver")
  func fuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt
#endif

@main struct AlmanacFuzz {
  static func main() {
    #if ALMANAC_LIBFUZZER
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(fuzzerRunDriver(&argc, &argv, almanacFuzzTestOneInput))
    #else
      let paths = CommandLine.arguments.dropFirst()
      if paths.isEmpty {
        let usage =
          "usage: AlmanacFuzz FILE…  (replays inputs through the fuzz checks; see scripts/fuzz)\n"
        _ = usage.withCString { write(2, $0, strlen($0)) }
        exit(64)
      }
      for path in paths {
        guard let file = fopen(path, "rb") else {
          let message = "AlmanacFuzz: cannot open \(path)\n"
          _ = message.withCString { write(2, $0, strlen($0)) }
          exit(1)
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
          let got = fread(&buffer, 1, buffer.count, file)
          if got <= 0 { break }
          bytes += buffer[0..<got]
        }
        fclose(file)
        FuzzChecks.run(bytes)
      }
      print("AlmanacFuzz: \(paths.count) input(s) passed the checks")
    #endif
  }
}
