import Corpus

/// One year's organizations and the pairs named together in its documents, each organization
/// numbered as it is first counted, so that a document's organizations and pairs are counted on
/// small integers rather than on id strings.
///
/// A mention of a registry organization costs a look at its entry's number and one of its
/// surface form's bytes in a ``Vocabulary`` (no string is made; a discovered organization is
/// looked up by its id); a pair costs one lookup of two numbers packed into a `UInt64`, where
/// it used to cost hashing and comparing two id strings. The ids and surface forms are spelled
/// out again when the year is read (``byID``, ``pairs``) or cut into a slice
/// (``sortedOrganizations()``, ``sortedPairs()``).
struct OrganizationCounts: Sendable {
  /// Canonical ids, by number.
  private(set) var ids: [String] = []
  /// Numbers, by canonical id.
  private var numbers: [String: Int32] = [:]
  /// Tallies, by number.
  private var tallies: [OrganizationTally] = []
  /// For each number, the last document (``documentSerial``) that named it.
  private var lastDocument: [Int32] = []
  /// Counts documents, so that ``lastDocument`` needs no clearing between them.
  private var documentSerial: Int32 = 0
  /// The document being counted, offered to the latest documents of each organization it
  /// names (``OrganizationTally/latest``).
  private var document = LatestDocuments.Document(
    date: CalendarDate(year: CalendarDate.earliestYear, month: 1, day: 1)!, path: "")
  /// Documents naming both organizations of a pair, keyed by ``pairKey(_:_:)``.
  private var pairCounts: [UInt64: Int] = [:]
  /// The numbers named by the document being counted, in the order first named.
  private var named: [Int32] = []
  /// Numbers, by registry entry (``OrganizationMatcher/Target/entry``); -1 until counted.
  private var entryNumbers: [Int32] = []
  /// The surface forms of the mentions counted (``count(_:surface:)``), each once.
  private var surfaces = Vocabulary()
  /// Mentions counted per organization and surface form, keyed by ``surfaceKey(_:_:)``: added
  /// to the tallies' aliases when they are read.
  private var surfaceCounts: [UInt64: Int] = [:]

  /// Organizations counted.
  var count: Int { ids.count }
  /// Pairs counted.
  var pairCount: Int { pairCounts.count }

  /// The tallies by canonical id.
  var byID: [String: OrganizationTally] {
    var result: [String: OrganizationTally] = [:]
    result.reserveCapacity(ids.count)
    for (id, tally) in zip(ids, talliesWithSurfaces()) { result[id] = tally }
    return result
  }

  /// The tallies by number, with the surface forms counted by ``count(_:surface:)`` among
  /// their aliases.
  private func talliesWithSurfaces() -> [OrganizationTally] {
    var result = tallies
    // In the order the forms were first met (a form's id grows with it): of two forms that
    // are equal as strings (canonically equivalent), the alias keeps the first one's bytes, as
    // a table of strings filled mention by mention would.
    for key in surfaceCounts.keys.sorted() {
      let mentions = surfaceCounts[key]!
      let number = Int(truncatingIfNeeded: key >> 32)
      let surface = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
      result[number].aliases[surfaces.string(surface), default: 0] += mentions
    }
    return result
  }

  /// Documents naming both organizations of each pair.
  var pairs: [OrganizationPair: Int] {
    var result: [OrganizationPair: Int] = [:]
    result.reserveCapacity(pairCounts.count)
    for (key, documents) in pairCounts {
      let (first, second) = Self.numbers(of: key)
      result[OrganizationPair(ids[Int(first)], ids[Int(second)])] = documents
    }
    return result
  }

  /// The number of `id`, adding it with the tally `make()` when it is new.
  private mutating func number(of id: String, orAdd make: () -> OrganizationTally) -> Int32 {
    if let known = numbers[id] { return known }
    let number = Int32(ids.count)
    numbers[id] = number
    ids.append(id)
    tallies.append(make())
    lastDocument.append(-1)
    return number
  }

  /// Begins counting the organizations `document` names: each mention (``count(_:)``, in
  /// text order), each organization's document (and the document among its latest), and each
  /// pair of distinct organizations once (``endDocument()``).
  mutating func beginDocument(_ document: LatestDocuments.Document) {
    documentSerial += 1
    self.document = document
    named.removeAll(keepingCapacity: true)
  }

  /// Counts one mention of the document begun, of `target` written as `surface`, mentions
  /// coming in text order.
  mutating func count(_ target: OrganizationMatcher.Target, surface: UnsafeBufferPointer<UInt8>) {
    let number: Int32
    if target.registered {
      let entry = Int(target.entry)
      if entry >= entryNumbers.count {
        entryNumbers.append(contentsOf: repeatElement(-1, count: entry + 1 - entryNumbers.count))
      }
      if entryNumbers[entry] < 0 {
        entryNumbers[entry] = self.number(of: target.id) {
          OrganizationTally(registryName: target.name, registered: true)
        }
      }
      number = entryNumbers[entry]
    } else {
      number = self.number(of: target.id) {
        OrganizationTally(registryName: "", registered: false)
      }
    }
    let first = lastDocument[Int(number)] != documentSerial
    if first {
      lastDocument[Int(number)] = documentSerial
      named.append(number)
    }
    tallies[Int(number)].total.count += 1
    if first {
      tallies[Int(number)].total.documents += 1
      tallies[Int(number)].latest.offer(document)
    }
    surfaceCounts[Self.surfaceKey(number, surfaces.intern(surface)), default: 0] += 1
  }

  /// Ends the document begun: each pair of distinct organizations it named counts once.
  mutating func endDocument() {
    guard named.count > 1 else { return }
    for (index, first) in named.enumerated() {
      for second in named[(index + 1)...] {
        pairCounts[Self.pairKey(first, second), default: 0] += 1
      }
    }
  }

  /// Adds `tally` (figures of other documents) to the organization `id`.
  mutating func add(_ tally: OrganizationTally, id: String) {
    let number = self.number(of: id) {
      OrganizationTally(registryName: tally.registryName, registered: tally.registered)
    }
    tallies[Int(number)].merge(tally)
  }

  /// Adds `documents` documents naming both `a` and `b` (each added first with ``add(_:id:)``;
  /// one that was not is added with an empty tally).
  mutating func addPair(_ a: String, _ b: String, documents: Int) {
    let unknown = { OrganizationTally(registryName: "", registered: false) }
    let first = number(of: a, orAdd: unknown)
    let second = number(of: b, orAdd: unknown)
    pairCounts[Self.pairKey(first, second), default: 0] += documents
  }

  /// Adds the figures of `other`, counted over other documents.
  mutating func add(_ other: OrganizationCounts) {
    var ours = [Int32]()
    ours.reserveCapacity(other.ids.count)
    for (id, tally) in zip(other.ids, other.talliesWithSurfaces()) {
      add(tally, id: id)
      ours.append(numbers[id]!)
    }
    for (key, documents) in other.pairCounts {
      let (first, second) = Self.numbers(of: key)
      pairCounts[Self.pairKey(ours[Int(first)], ours[Int(second)]), default: 0] += documents
    }
  }

  /// The numbers in byte order of their ids.
  private func byteOrder() -> [Int] {
    ids.indices.sorted { ids[$0].precedesInByteOrder(ids[$1]) }
  }

  /// The organizations as slice rows, by id in byte order.
  func sortedOrganizations() -> [YearSlice.Organization] {
    let tallies = talliesWithSurfaces()
    return byteOrder().map { number in
      let tally = tallies[number]
      return YearSlice.Organization(
        id: ids[number], registryName: tally.registryName, registered: tally.registered,
        count: tally.total.count, documents: tally.total.documents, aliases: tally.aliases,
        latest: tally.latest)
    }
  }

  /// The pairs as slice rows, by first and then second id in byte order (each pair's first id
  /// precedes its second).
  func sortedPairs() -> [YearSlice.Pair] {
    let order = byteOrder()
    var ranks = [Int32](repeating: 0, count: ids.count)
    for (rank, number) in order.enumerated() { ranks[number] = Int32(rank) }
    var byRank: [(key: UInt64, documents: Int)] = []
    byRank.reserveCapacity(pairCounts.count)
    for (key, documents) in pairCounts {
      let (first, second) = Self.numbers(of: key)
      byRank.append((Self.pairKey(ranks[Int(first)], ranks[Int(second)]), documents))
    }
    byRank.sort { $0.key < $1.key }
    return byRank.map { key, documents in
      let (first, second) = Self.numbers(of: key)
      return YearSlice.Pair(
        a: ids[order[Int(first)]], b: ids[order[Int(second)]], documents: documents)
    }
  }

  /// Two numbers, the smaller first, packed into one key.
  @inline(__always)
  static func pairKey(_ x: Int32, _ y: Int32) -> UInt64 {
    let (low, high) = x < y ? (x, y) : (y, x)
    return UInt64(UInt32(bitPattern: low)) << 32 | UInt64(UInt32(bitPattern: high))
  }

  /// An organization's `number` and the id of a surface form in ``surfaces``, in one key.
  @inline(__always)
  private static func surfaceKey(_ number: Int32, _ surface: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: number)) << 32 | UInt64(UInt32(bitPattern: surface))
  }

  /// The two numbers of a key, the smaller first.
  @inline(__always)
  static func numbers(of key: UInt64) -> (Int32, Int32) {
    (
      Int32(bitPattern: UInt32(truncatingIfNeeded: key >> 32)),
      Int32(bitPattern: UInt32(truncatingIfNeeded: key))
    )
  }
}
