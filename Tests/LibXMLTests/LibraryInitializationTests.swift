import CLibXML2
import Glibc
import LibXML
import Synchronization
import Testing

/// How many 400-byte blocks libxml2 has asked for in the exit test's process.
private let tableAllocations = Atomic<Int>(0)
/// How many of the exit test's threads are ready to start.
private let threadsReady = Atomic<Int>(0)

/// libxml2 2.9 fills its table of character encoding handlers on first use, in a function that
/// takes no lock when called from the serialisers: two threads that use the library for the
/// first time together each allocate a table, the registrations of one are lost, and a lookup
/// of "UTF-8" reads a null entry. A CI run crashed so (2026-12-04: signal 11 in
/// `xmlFindCharEncodingHandler`, two test threads serialising reports at once). The wrapper
/// initialises the library once, before any other call into it.
@Suite struct LibraryInitializationTests {
  /// Runs in a fresh process (an exit test), where libxml2 is not initialised yet. The table is
  /// the first 400-byte block libxml2 allocates (50 pointers); the allocator holds that
  /// allocation for 200 ms, so that the other thread reaches the table meanwhile, as the rare
  /// timing of the CI run did. Without the one-time initialisation the child crashes in
  /// `xmlFindCharEncodingHandler`; it exits with 1 when a document came out wrong.
  @Test func threadsThatFirstUseTheLibraryTogetherEachSerialise() async {
    await #expect(processExitsWith: .success) {
      xmlMemSetup(
        { free($0) },
        { size in
          if size == 400, tableAllocations.add(1, ordering: .relaxed).newValue == 1 {
            usleep(200_000)
          }
          return calloc(1, size)
        },
        { realloc($0, $1) },
        { $0.flatMap { strdup($0) } })
      var threads: [pthread_t] = []
      for _ in 0..<2 {
        var thread = pthread_t()
        let created = pthread_create(
          &thread, nil,
          { _ in
            threadsReady.add(1, ordering: .sequentiallyConsistent)
            while threadsReady.load(ordering: .sequentiallyConsistent) < 2 {}
            let document = XMLDocument(rootName: "r")
            document.root.addElement("p", text: "Россия & AT&T")
            let text = String(decoding: document.serialized(), as: UTF8.self)
            if !text.contains("<p>Россия &amp; AT&amp;T</p>") { exit(1) }
            return nil
          }, nil)
        if created != 0 { exit(2) }
        threads.append(thread)
      }
      for thread in threads { pthread_join(thread, nil) }
      exit(0)
    }
  }
}
