/// One run of Almanac as the state database logged it.
///
/// A run that was killed keeps only its start: the fields that
/// ``StateStore/finishRun(id:endedAt:durationMilliseconds:added:changed:removed:rejected:exitStatus:)``
/// fills stay nil.
public struct RunRecord: Sendable, Equatable {
  /// The run's number, increasing and never reused.
  public var id: Int64
  /// When it began, as the caller formatted it.
  public var startedAt: String
  /// When it ended, nil if it never finished.
  public var endedAt: String?
  /// Wall-clock duration.
  public var durationMilliseconds: Int?
  /// Article files new since the previous run.
  public var added: Int?
  /// Article files whose contents changed.
  public var changed: Int?
  /// Article files gone.
  public var removed: Int?
  /// Article files rejected in this run.
  public var rejected: Int?
  /// The process exit status.
  public var exitStatus: Int?

  /// Creates a run record.
  public init(
    id: Int64, startedAt: String, endedAt: String? = nil, durationMilliseconds: Int? = nil,
    added: Int? = nil, changed: Int? = nil, removed: Int? = nil, rejected: Int? = nil,
    exitStatus: Int? = nil
  ) {
    self.id = id
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.durationMilliseconds = durationMilliseconds
    self.added = added
    self.changed = changed
    self.removed = removed
    self.rejected = rejected
    self.exitStatus = exitStatus
  }
}
