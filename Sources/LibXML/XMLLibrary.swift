internal import CLibXML2

/// libxml2's process-wide set-up, run once before the wrapper's first call into the library.
///
/// libxml2 2.9 fills its global tables (the character encoding handlers among them) lazily, and
/// only `xmlInitParser()` does so under a lock: the serialisers fill the handler table without
/// one. Two threads that first use the library together then each allocate a table, one loses
/// its registrations, and a lookup of "UTF-8" reads a null entry (a CI run crashed so, two test
/// threads writing reports at once). libxml2's own documentation asks multithreaded programs to
/// call `xmlInitParser()` before they use it; a `static let` runs it exactly once, on whichever
/// thread comes first, while the others wait.
enum XMLLibrary {
  private static let initialized: Void = xmlInitParser()

  /// Initialises libxml2 unless that is already done; every entry point of the wrapper that
  /// creates or parses a document or compiles a schema calls it first.
  static func prepare() {
    _ = initialized
  }
}
