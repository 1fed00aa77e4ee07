/// Tells from a document's bytes, without tokenizing them, that the document cannot hold any of
/// some term targets, so that ``EvidenceFinder`` need not tokenize it: one pass that makes no
/// tokens and hashes only the runs whose length and first two bytes a key has (at 500 MB it
/// spares 21,124 of the 22,272 documents read for evidence the tokenizer).
///
/// Each word of a target has a key: its longest piece that lies between apostrophes, hyphens,
/// full stops (`u.s.`) or the word's ends and holds only ASCII letters and digits and folded Russian letters
/// (U+0430–U+045F). Wherever the tokenizer makes that word, the text holds the key as a
/// *run*: a maximal stretch of ASCII letters and digits and Russian letters U+0400–U+045F,
/// folded as the tokenizer folds them, between separators. A separator is any other ASCII
/// byte, a U+0080–U+00BF character other than `ª`, `µ`, `º` and the soft hyphen, or a
/// U+2000–U+203F one other than the zero-width and direction characters (spaces, dashes, quotes,
/// the curly apostrophe, the Unicode hyphens): none of
/// them is part of a word the tokenizer makes, except as an apostrophe, hyphen or full stop that
/// splits the word into pieces, a key being one piece. Any other byte at all could begin a letter that
/// folds into a key (the Kelvin sign folds to `k`), so the document is then tokenized.
///
/// A document passes when it holds what some target needs: a unigram's key; a bigram's two
/// words one run right after the other when both words are keys whole (the tokenizer makes
/// each word of such a text a token, so another run between them is another token, which breaks
/// the bigram); otherwise the keys of all its words, anywhere. So ``mayHold(_:)`` errs only one
/// way: when it says no, the finder would have found nothing.
public struct EvidencePrefilter: Sendable {
  /// What a document must hold for the finder to find a target there.
  enum Need: Sendable, Equatable {
    /// Anything: the target cannot be filtered (an organization pair, a word with no key).
    case anything
    /// Nothing can hold the target (it is never found).
    case nothing
    /// All these keys, anywhere.
    case all([[UInt8]])
    /// These two keys as consecutive runs.
    case adjacent([UInt8], [UInt8])
  }

  /// True when some target cannot be filtered: every document must be tokenized.
  public private(set) var acceptsEverything = false
  private var keys = WordTable()
  /// Key id → the targets of ``Need/all(_:)`` that need it, each with the bit of its word.
  private var uses: [[(target: Int32, bit: UInt8)]] = []
  /// Target of ``Need/all(_:)`` → the bits of all its keys.
  private var required: [UInt8] = []
  /// Key id → the keys that complete a ``Need/adjacent(_:_:)`` target as the next run.
  private var followers: [[Int32]] = []

  /// A filter for targets that need `needs`.
  init(needs: [Need]) {
    func id(_ key: [UInt8]) -> Int {
      let id = Int(keys.insert(key))
      if id == uses.count {
        uses.append([])
        followers.append([])
      }
      return id
    }
    for need in needs {
      switch need {
      case .anything: acceptsEverything = true
      case .nothing: continue
      case .adjacent(let first, let second):
        let (a, b) = (id(first), id(second))
        followers[a].append(Int32(b))
      case .all(let all):
        let index = Int32(required.count)
        var bits: UInt8 = 0
        for (word, key) in all.prefix(8).enumerated() {
          uses[id(key)].append((index, 1 << UInt8(word)))
          bits |= 1 << UInt8(word)
        }
        required.append(bits)
      }
    }
  }

  /// What a term target needs, its words being `words` as the tokenizer folds them.
  static func need(_ words: [[UInt8]]) -> Need {
    guard words.count == 1 || words.count == 2 else { return .nothing }
    let keys = words.map(key(of:))
    if keys.count == 2, keys[0] == words[0], keys[1] == words[1] {
      return .adjacent(words[0], words[1])
    }
    let found = keys.compactMap { $0 }
    return found.isEmpty ? .anything : .all(found)
  }

  /// The key of a folded word, or nil.
  static func key(of word: [UInt8]) -> [UInt8]? {
    var best: ArraySlice<UInt8>? = nil
    let pieces = word.split(omittingEmptySubsequences: true) {
      $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
    }
    for piece in pieces where isKeyable(piece) {
      if piece.count > best?.count ?? 0 { best = piece }
    }
    return best.map(Array.init)
  }

  /// Whether `piece` holds only ASCII lower-case letters and digits and folded Russian letters.
  private static func isKeyable(_ piece: ArraySlice<UInt8>) -> Bool {
    var index = piece.startIndex
    while index < piece.endIndex {
      let byte = piece[index]
      if byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 {
        index += 1
        continue
      }
      // U+0430–U+043F (D0 B0–BF) and U+0440–U+045F (D1 80–9F), less `ё`, which folds to `е`.
      guard index + 1 < piece.endIndex else { return false }
      let next = piece[index + 1]
      let first = byte == 0xD0 && next &- 0xB0 < 0x10
      let second = byte == 0xD1 && next &- 0x80 < 0x20 && next != 0x91
      guard first || second else { return false }
      index += 2
    }
    return true
  }

  /// False only when the finder can find none of the targets in `text` (see
  /// ``EvidencePrefilter``).
  public func mayHold(_ text: [UInt8]) -> Bool {
    if acceptsEverything { return true }
    if keys.count == 0 { return false }
    return text.withUnsafeBufferPointer { text in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: required.count) { matched in
        matched.initialize(repeating: 0)
        return mayHold(text, matched: matched)
      }
    }
  }

  /// Whether `text` holds what some target needs, `matched` keeping the keys found so far.
  private func mayHold(
    _ text: UnsafeBufferPointer<UInt8>, matched: UnsafeMutableBufferPointer<UInt8>
  ) -> Bool {
    let limit = keys.longestWord
    // Room for a run of `limit` bytes, one more to tell it is longer, and eight stored at once.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: limit + 9) { run in
      var state = Run(limit: limit, base: run.baseAddress!)
      let count = text.count
      let base = text.baseAddress!
      var index = 0
      while index < count {
        let byte = base[index]
        if byte &- UInt8(ascii: "a") < 26 {
          // Lower-case letters eight at a time while eight are left, as the tokenizer does.
          var end = index
          while end + 8 <= count {
            let eight = UInt64(
              littleEndian: UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self))
            let letters = Scanner.lowerCaseRun(eight)
            state.keep(eight: eight, count: letters)
            end += letters
            if letters < 8 { break }
          }
          while end < count && base[end] &- UInt8(ascii: "a") < 26 {
            state.keep(base[end])
            end += 1
          }
          index = end
          continue
        }
        if byte < 0x80 {
          // Upper-case letters fold with 0x20, which digits already have.
          if (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 {
            state.keep(byte | 0x20)
          } else if state.length > 0 && ends(&state, matched: matched) {
            return true
          }
          index += 1
          continue
        }
        guard index + 1 < count else { return true }
        let next = base[index + 1]
        if byte & 0xFE == 0xD0 {
          // A Russian letter U+0400–U+045F, folded as the tokenizer folds it.
          guard let letter = CharacterClass.foldedRussianLetter(byte, next) else { return true }
          state.keep(letter.first)
          state.keep(letter.second)
          index += 2
          continue
        }
        if byte == 0xC2 {
          // U+0080–U+00BF: controls, spaces, punctuation and symbols, three letters, and the
          // soft hyphen, which the tokenizer leaves out of a word it does not end.
          if next == 0xAA || next == 0xB5 || next == 0xBA || next == 0xAD { return true }
          if state.length > 0 && ends(&state, matched: matched) { return true }
          index += 2
          continue
        }
        if byte == 0xE2 && next == 0x80 && index + 2 < count {
          // U+2000–U+203F: spaces, dashes, quotes, apostrophes, hyphens; but zero-width and
          // direction characters (U+200B–U+200F, U+202A–U+202E) the tokenizer leaves out of a
          // word it does not end.
          let last = base[index + 2]
          if last &- 0x8B < 5 || last &- 0xAA < 5 { return true }
          if state.length > 0 && ends(&state, matched: matched) { return true }
          index += 3
          continue
        }
        return true
      }
      return state.length > 0 && ends(&state, matched: matched)
    }
  }

  /// The run being read: its folded bytes, up to one past the longest key.
  private struct Run {
    let limit: Int
    let base: UnsafeMutablePointer<UInt8>
    /// How many folded bytes the run has, at most `limit + 1`.
    var length = 0
    /// The key that the run before this one is, or -1.
    var previous: Int32 = -1

    init(limit: Int, base: UnsafeMutablePointer<UInt8>) {
      self.limit = limit
      self.base = base
    }

    @inline(__always)
    mutating func keep(_ byte: UInt8) {
      guard length <= limit else { return }
      base[length] = byte
      length += 1
    }

    /// Keeps the first `count` of the eight bytes in `eight`.
    @inline(__always)
    mutating func keep(eight: UInt64, count: Int) {
      guard length <= limit else { return }
      UnsafeMutableRawPointer(base + length).storeBytes(of: eight.littleEndian, as: UInt64.self)
      length = min(length + count, limit + 1)
    }
  }

  /// Ends the run in `state`; true when it completes what a target needs.
  private func ends(_ state: inout Run, matched: UnsafeMutableBufferPointer<UInt8>) -> Bool {
    let before = state.previous
    let length = state.length
    state.previous = -1
    state.length = 0
    guard length <= state.limit,
      let id = keys.lookup(UnsafeBufferPointer(start: state.base, count: length))
    else { return false }
    state.previous = id
    if before >= 0 && followers[Int(before)].contains(id) { return true }
    for use in uses[Int(id)] {
      let target = Int(use.target)
      matched[target] |= use.bit
      if matched[target] == required[target] { return true }
    }
    return false
  }
}
