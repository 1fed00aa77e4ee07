/// Runs independent pieces of work and returns their results in order.
///
/// ``ReportBuilder`` hands its independent parts (each ranked list, each year's comparison) to
/// one of these; the pipeline passes one that uses every core, tests the sequential default.
public protocol Parallel: Sendable {
  /// How many pieces run at once.
  var width: Int { get }
  /// `body(0)`, `body(1)`, … `body(count - 1)`, in that order, however they were run.
  func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T]
}

/// Runs the work one piece after another on the calling thread.
public struct Sequential: Parallel {
  /// Creates the runner.
  public init() {}

  /// One.
  public var width: Int { 1 }

  /// `body(0)` … `body(count - 1)`, in order.
  public func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    (0..<count).map(body)
  }
}
