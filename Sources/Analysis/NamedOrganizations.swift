/// The distinct organizations one document names, in the order first named.
///
/// Most documents name a few, and for those a look along a short list costs less than hashing
/// each id: a registry id shares its storage with its target's, so `==` settles most
/// comparisons on that alone. Past ``listLimit`` names a set is kept beside the list, so that a
/// document naming thousands costs no more per mention than a set would.
struct NamedOrganizations {
  /// How many ids are looked up along the list before the set is kept.
  static let listLimit = 16

  /// The ids, in the order first named.
  private(set) var ids: [String] = []
  /// The same ids, once there are ``listLimit`` of them.
  private var set = Set<String>()

  /// Adds `id`; returns whether it was not named before.
  mutating func insert(_ id: String) -> Bool {
    if ids.count < Self.listLimit {
      if ids.contains(id) { return false }
      ids.append(id)
      if ids.count == Self.listLimit { set = Set(ids) }
      return true
    }
    guard set.insert(id).inserted else { return false }
    ids.append(id)
    return true
  }
}
