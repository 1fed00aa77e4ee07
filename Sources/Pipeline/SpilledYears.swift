import Analysis
import Corpus

/// The years of a group being counted whose bigrams outgrew a worker's room: each time a
/// worker's table of a year's bigrams holds ``threshold`` entries, the year counted so far is
/// sorted, packed and put on a scratch file of the group's own, and the worker counts the rest
/// of the year from nothing (``spillIfFull(_:year:)``). Once the group is counted, each such
/// year's parts, and those of a year counted before, are pooled into one
/// (``merged(year:with:and:onto:)``).
///
/// A year's distinct bigrams grow with its text: on one core, a year of the bench's 1 GB corpus
/// dated in a single year logged 16 million (268 MB), and both cores' tables with a sort's room
/// took the run to 821 MiB. Put aside as they grow, a year's bigrams take a worker at most
/// ``threshold`` entries in memory, and about 4 bytes each on the scratch file. Every
/// ``fanIn`` parts of one level are pooled into one of the next on the way, so that no pooling
/// reads more than a few parts at once (each of them holds a number per word it uses).
final class SpilledYears: Sendable {
  /// A year's figures counted by one worker, or pooled from several parts, its terms on the
  /// scratch file.
  struct Part: Sendable {
    /// Its figures but for the terms.
    var frame: YearSlice
    var terms: TermBlob.Shelved
    /// 0 for a part a worker put aside, one more than its parts' for a part pooled from others.
    var level: Int
  }

  /// The bigram entries a worker's table of a year holds when the year is put aside: below the
  /// 2,097,152 a table makes room for at once (``BigramTallies``), so that the table is not
  /// copied to room twice as large first, with room for a document's distinct bigrams left.
  static let defaultThreshold = 3 << 19
  /// How many parts of one level are pooled into one of the next.
  static let fanIn = 8

  /// The entries at which a year is put aside.
  let threshold: Int
  private let folder: String
  private let state = Shared(State())

  private struct State {
    /// Made when the first year is put aside.
    var file: ScratchFile?
    var parts: [Int: [Part]] = [:]
    /// The first failure to write or read the file: the group's counts are incomplete.
    var failure: (any Error)?
    /// How many times a worker put a year aside.
    var spills = 0
  }

  /// Nothing put aside yet; a scratch file is made in `folder` when something is.
  init(folder: String, threshold: Int = defaultThreshold) {
    self.folder = folder
    self.threshold = max(1, threshold)
  }

  /// The years with parts put aside.
  var years: Set<Int> { Set(state.value.parts.keys) }

  /// The first failure to put a part aside or pool parts, if any: the counts are incomplete.
  var failure: (any Error)? { state.value.failure }

  /// How many times a worker put a year aside.
  var spills: Int { state.value.spills }

  /// Puts `year` of `statistics` aside when its bigram table holds ``threshold`` entries or
  /// more: a worker calls it after each document it counts.
  func spillIfFull(_ statistics: inout CorpusStatistics, year: Int) {
    guard statistics.bigramEntries(year: year) >= threshold,
      let (frame, terms) = statistics.takeSortedSlice(year: year)
    else { return }
    // The words seen so far named no other year's terms: forgotten, the worker's vocabulary
    // holds the words of a part, not of the whole year.
    if statistics.years.isEmpty { statistics.removeAll() }
    state.withLock { $0.spills += 1 }
    put(frame: frame, terms: terms)
  }

  /// Puts a year's figures counted apart (`terms` sorted) aside as a part of the year.
  func put(frame: YearSlice, terms: consuming SortedTerms) {
    let blob = terms.blob
    _ = consume terms
    do {
      let file = try self.file()
      add(Part(frame: frame, terms: try TermBlob.Shelved(blob, on: file), level: 0))
    } catch {
      fail(error)
    }
  }

  /// Takes the parts of `year` out, pools them with `others` (the year's figures counted
  /// apart and not put aside, and a part kept elsewhere), and puts the pooled terms on
  /// `scratch`.
  ///
  /// - Returns: The year's figures but for the terms, and where its terms are.
  /// - Throws: What a part's shelf throws, or the failure that left a part out.
  func merged(
    year: Int, with others: consuming [(frame: YearSlice, terms: SortedTerms)],
    and kept: Part? = nil, onto scratch: ScratchFile
  ) throws -> (frame: YearSlice, terms: TermBlob.Shelved) {
    for other in consume others { put(frame: other.frame, terms: other.terms) }
    var parts = state.withLock { $0.parts.removeValue(forKey: year) ?? [] }
    if let failure { throw failure }
    if let kept { parts.append(kept) }
    precondition(!parts.isEmpty, "\(year) pooled from nothing")
    return try Self.pool(parts, onto: scratch, aside: try file())
  }

  /// The scratch file, made at the first call.
  private func file() throws -> ScratchFile {
    if let file = state.value.file { return file }
    let made = try ScratchFile(folder: folder, holding: "bigrams counted, until they are pooled")
    return state.withLock { state in
      if let file = state.file { return file }
      state.file = made
      return made
    }
  }

  /// Adds `part` to its year's parts; when its level then has ``fanIn`` parts, pools them into
  /// one of the next level, and so on.
  private func add(_ part: Part) {
    var part = part
    while true {
      let full: [Part]? = state.withLock { state in
        state.parts[part.frame.year, default: []].append(part)
        let level = state.parts[part.frame.year]!.filter { $0.level == part.level }
        guard level.count >= Self.fanIn else { return nil }
        state.parts[part.frame.year]!.removeAll { $0.level == part.level }
        return level
      }
      guard let full else { return }
      do {
        let file = try file()
        let (frame, terms) = try Self.pool(full, onto: file, aside: file)
        part = Part(frame: frame, terms: terms, level: part.level + 1)
      } catch {
        return fail(error)
      }
    }
  }

  /// `parts` of one year as one: their figures merged, their terms pooled (``PooledTerms``),
  /// reading a piece of each part's bigrams at a time, and packed onto `file`, the packed
  /// bigrams put on `aside` as they grow rather than held (``PooledTerms/packed(onto:asideOn:asideBytes:)``).
  private static func pool(_ parts: [Part], onto file: ScratchFile, aside: ScratchFile) throws
    -> (frame: YearSlice, terms: TermBlob.Shelved)
  {
    precondition(!parts.isEmpty, "no parts to pool")
    let frame = parts.dropFirst().reduce(parts[0].frame) { $0.mergingFigures($1.frame) }
    if parts.count == 1 {
      let only = parts[0].terms
      if (only.shelf as? ScratchFile) === file { return (frame, only) }
      return (frame, try TermBlob.Shelved(try only.read(), on: file))
    }
    return (
      frame, try PooledTerms(shelved: parts.map(\.terms)).packed(onto: file, asideOn: aside)
    )
  }

  /// Keeps the first failure.
  private func fail(_ error: any Error) {
    state.withLock { state in
      if state.failure == nil { state.failure = error }
    }
  }
}
