import TestSupport
import Testing

@testable import Analysis

/// ``ClosestMentions`` (mentions taken one at a time, each pair's last mentions kept) against
/// every couple of mentions of each pair compared with every other.
@Suite struct ClosestMentionsTests {
  static let ids = ["a", "b", "c", "d", "e"]

  /// Mentions in text order that do not overlap, of random ids, some touching.
  static func mentions(_ random: inout SplitMix, count: Int) -> [OrganizationMention] {
    var position = 0
    return (0..<count).map { _ in
      let start = position + Int(random.next() % 4)
      let end = start + 1 + Int(random.next() % 6)
      position = end
      let id = ids[Int(random.next() % UInt64(ids.count))]
      return OrganizationMention(
        id: id, name: id, registered: true, surface: id, start: Int32(start), end: Int32(end))
    }
  }

  /// The couple of a mention of `a` and one of `b` (either first) with the least room between
  /// them, where a later mention ends the couple: the first such couple in text order of its
  /// later mention wins a tie; of couples with the same later mention, the nearer earlier one.
  static func reference(_ a: String, _ b: String, in mentions: [OrganizationMention])
    -> [Range<Int>]?
  {
    var best: (distance: Int, later: Int, earlier: Int)?
    for later in mentions.indices {
      for earlier in 0..<later {
        let ids = Set([mentions[earlier].id, mentions[later].id])
        guard ids == Set([a, b]) else { continue }
        let distance = Int(mentions[later].start) - Int(mentions[earlier].end)
        if let known = best {
          if distance > known.distance { continue }
          if distance == known.distance && later > known.later { continue }
          if distance == known.distance && later == known.later && earlier < known.earlier {
            continue
          }
        }
        best = (distance, later, earlier)
      }
    }
    return best.map { best in
      [mentions[best.earlier], mentions[best.later]].map { Int($0.start)..<Int($0.end) }
    }
  }

  @Test(arguments: 0..<40)
  func matchesEveryCoupleCompared(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let mentions = Self.mentions(&random, count: Int(random.next() % 40))
    // Every pair of different ids, including pairs sharing an organization.
    var pairs: [(a: String, b: String)] = []
    for (index, a) in Self.ids.enumerated() {
      for b in Self.ids[(index + 1)...] where random.next() % 3 != 0 {
        pairs.append(random.next() % 2 == 0 ? (a, b) : (b, a))
      }
    }
    var closest = ClosestMentions(pairs)
    for mention in mentions { closest.offer(mention) }
    for (index, pair) in pairs.enumerated() {
      #expect(
        closest.closest(index) == Self.reference(pair.a, pair.b, in: mentions),
        "seed \(seed), pair \(pair)")
    }
  }

  @Test func pairNamedOnceEachIsThoseTwoAndUnnamedIsNil() {
    let mention = { (id: String, start: Int32) in
      OrganizationMention(
        id: id, name: id, registered: true, surface: id, start: start, end: start + 2)
    }
    var closest = ClosestMentions([("a", "b"), ("a", "c")])
    for item in [mention("b", 0), mention("a", 10), mention("b", 13)] { closest.offer(item) }
    #expect(closest.closest(0) == [10..<12, 13..<15])
    #expect(closest.closest(1) == nil)
  }
}
