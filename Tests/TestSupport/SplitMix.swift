/// A small deterministic random generator (SplitMix64) for tests that draw random input, so
/// every failure can be replayed from its seed.
public struct SplitMix: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator; the same seed gives the same sequence.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`.
  public mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// One of `items`.
  public mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}
