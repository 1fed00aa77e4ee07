import TestSupport
import Testing

@testable import Analysis

/// The organizations of a document against a plain set, below and past the length at which a
/// set is kept beside the list.
@Suite struct NamedOrganizationsTests {
  @Test(arguments: [3, NamedOrganizations.listLimit - 1, NamedOrganizations.listLimit, 200])
  func agreesWithASet(distinct: Int) {
    var random = SplitMix(seed: UInt64(distinct))
    // Ids built afresh each time, so that equal ids do not share their storage.
    let mentions = (0..<distinct * 4).map { _ in "discovered:name \(random.int(distinct))" }
    var named = NamedOrganizations()
    var reference = Set<String>()
    var order: [String] = []
    for id in mentions {
      let new = reference.insert(id).inserted
      if new { order.append(id) }
      #expect(named.insert(id) == new, "\(id)")
    }
    #expect(named.ids == order)
  }
}
