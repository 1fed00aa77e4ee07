/// The mentions of a document or of one window of it, as ``OrganizationMention``s or, for
/// counting, as their organization and their bytes in the text.
extension OrganizationMatcher {
  /// The organizations named in one document, in text order.
  ///
  /// - Parameter text: The document text the tokens were made from.
  /// - Parameter tokens: The tokens of `text` (``Tokenizer/tokenize(_:into:)``).
  /// - Returns: One mention per name, acronym or discovered name; overlapping names count once.
  public func mentions(in text: [UInt8], tokens: TokenStream) -> [OrganizationMention] {
    var result: [OrganizationMention] = []
    forEachMention(in: text, tokens: tokens) { result.append($0) }
    return result
  }

  /// The same as ``mentions(in:tokens:)``, each mention handed to `body` in text order as it is
  /// found rather than gathered.
  public func forEachMention(
    in text: [UInt8], tokens: TokenStream, _ body: (OrganizationMention) -> Void
  ) {
    var definitions = Definitions()
    TokenView.with(text: text, stream: tokens) { view in
      forEachMatch(in: view, definitions: &definitions) { target, surface, start in
        body(Self.mention(of: target, surface: surface, start: start))
      }
    }
  }

  /// The same as ``forEachMention(in:tokens:_:)`` for one window of a document tokenized in
  /// windows (``Tokenizer/tokenize(_:windowBytes:into:_:)``): `definitions` holds the acronyms
  /// that the document's earlier windows defined, and gets those this one defines.
  ///
  /// - Parameter facts: For each token, ``facts(of:)`` of its folded form (without
  ///   ``WordFacts/beginsName`` for a number), so that no token is looked up (counting keeps
  ///   these per distinct word rather than per token); nil to look every token up.
  public func forEachMention(
    in text: [UInt8], window tokens: TokenStream, facts: UnsafeBufferPointer<WordFacts>?,
    definitions: inout Definitions, _ body: (OrganizationMention) -> Void
  ) {
    forEachMatch(in: text, window: tokens, facts: facts, definitions: &definitions) {
      target, surface, start in
      body(Self.mention(of: target, surface: surface, start: start))
    }
  }

  /// The same as ``forEachMention(in:window:facts:definitions:_:)``, each mention handed to
  /// `body` as its organization, its bytes in `text` (its ``OrganizationMention/surface``) and
  /// where they start, so that a caller counting mentions makes no strings for a registry
  /// organization.
  func forEachMatch(
    in text: [UInt8], window tokens: TokenStream, facts: UnsafeBufferPointer<WordFacts>?,
    definitions: inout Definitions,
    _ body: (Target, _ surface: UnsafeBufferPointer<UInt8>, _ start: Int32) -> Void
  ) {
    precondition(facts.map { $0.count == tokens.tokens.count } ?? true, "one fact per token")
    TokenView.with(text: text, stream: tokens) { view in
      var view = view
      view.facts = facts
      forEachMatch(in: view, definitions: &definitions, body)
    }
  }

  /// The mention of `target` written as `surface`, which starts at byte `start`.
  fileprivate static func mention(
    of target: Target, surface: UnsafeBufferPointer<UInt8>, start: Int32
  ) -> OrganizationMention {
    OrganizationMention(
      id: target.id, name: target.name, registered: target.registered,
      surface: String(decoding: surface, as: UTF8.self), start: start,
      end: start + Int32(surface.count))
  }
}
