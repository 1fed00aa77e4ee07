/// One place a document names an organization.
public struct OrganizationMention: Sendable, Equatable {
  /// The registry id (`eaeu`), or `discovered:` and the folded name for an organization the
  /// registry lacks (`discovered:information policy department`).
  public var id: String
  /// The canonical name: the registry's, or for a discovered organization its name as written
  /// where it was found (or defined, for an acronym bound to it).
  public var name: String
  /// Whether the organization is in the registry.
  public var registered: Bool
  /// The text exactly as written (`ЕАЭС`, `Eurasian Economic Union`), without a possessive `'s`.
  public var surface: String
  /// First byte of the mention in the document text.
  public var start: Int32
  /// One past the last byte of the mention.
  public var end: Int32

  /// Creates a mention.
  public init(
    id: String, name: String, registered: Bool, surface: String, start: Int32, end: Int32
  ) {
    self.id = id
    self.name = name
    self.registered = registered
    self.surface = surface
    self.start = start
    self.end = end
  }
}
