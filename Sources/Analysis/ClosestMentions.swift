/// For a set of pairs of organizations, the two mentions of each pair closest to each other in
/// one document, worked out as the document's mentions come in text order (``offer(_:)``), so
/// that they need not be gathered first.
///
/// A mention of `a` is measured against the last mention of `b` before it and the other way
/// round; the first of equally close couples is kept.
struct ClosestMentions {
  /// For each organization id in a pair, the pairs (by index into the pairs given) it is in and
  /// the other organization of each.
  private var pairsOf: [String: [(pair: Int, other: String)]] = [:]
  /// The last mention of each organization id in a pair, as a byte range.
  private var last: [String: Range<Int>] = [:]
  /// For each pair, the closest couple so far: the distance between them, the earlier mention
  /// and the later one.
  private var best: [(distance: Int, first: Range<Int>, second: Range<Int>)?]

  /// Looks for `pairs`, each of two different organization ids.
  init(_ pairs: [(a: String, b: String)]) {
    best = Array(repeating: nil, count: pairs.count)
    for (index, pair) in pairs.enumerated() {
      pairsOf[pair.a, default: []].append((index, pair.b))
      pairsOf[pair.b, default: []].append((index, pair.a))
    }
  }

  /// Takes the document's next mention in text order.
  mutating func offer(_ mention: OrganizationMention) {
    guard let memberships = pairsOf[mention.id] else { return }
    let here = Int(mention.start)..<Int(mention.end)
    for (pair, other) in memberships {
      guard let there = last[other] else { continue }
      let distance = here.lowerBound - there.upperBound
      if best[pair].map({ distance < $0.distance }) ?? true {
        best[pair] = (distance, there, here)
      }
    }
    last[mention.id] = here
  }

  /// The closest mentions of pair `index` (by its place in the pairs given), the earlier
  /// first, or nil when the document does not name both.
  func closest(_ index: Int) -> [Range<Int>]? {
    best[index].map { [$0.first, $0.second] }
  }
}
