/// A proleptic Gregorian calendar date without time or zone.
///
/// Held in four bytes (year, month and day packed so that their order is the integer's), since a
/// run keeps one per file of the corpus.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// `year << 9 | month << 5 | day`.
  private let packed: UInt32

  /// The date in ``bitWidth`` bits, never all 0: what ``init(bits:)`` makes it again from, for
  /// a holder of many dates that keeps other bits beside each.
  package var bits: UInt32 { packed }

  /// How many low bits ``bits`` uses (year 9999, December 31st, takes them all).
  package static let bitWidth = 23

  /// The date whose ``bits`` are `bits`, read from a date's: not checked again.
  package init(bits: UInt32) {
    precondition(bits != 0 && bits >> Self.bitWidth == 0, "not the bits of a date")
    packed = bits
  }

  /// The year, 1 through 9999.
  public var year: Int { Int(packed >> 9) }
  /// The month, 1 through 12.
  public var month: Int { Int(packed >> 5 & 0xF) }
  /// The day of the month, valid for `year` and `month`.
  public var day: Int { Int(packed & 0x1F) }

  /// The earliest year Almanac accepts in an article header.
  public static let earliestYear = 1800
  /// The latest year Almanac accepts in an article header.
  public static let latestYear = 2100

  /// Creates a date when the day exists in the calendar, nil otherwise (2021-02-30, month 13).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= CalendarDate.daysIn(month: month, year: year)
    else { return nil }
    packed = UInt32(year) << 9 | UInt32(month) << 5 | UInt32(day)
  }

  /// The year, month and day written `YYYY-MM-DD` in the first ten of `bytes`, or nil when they
  /// do not have that shape (whether the day exists is for ``init(year:month:day:)`` to say).
  public static func fields(ofISO bytes: UnsafeBufferPointer<UInt8>)
    -> (year: Int, month: Int, day: Int)?
  {
    guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
    else { return nil }
    return (year, month, day)
  }

  /// Days in a month of the Gregorian calendar.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    // Written digit by digit into a small string (no allocation): the state stores one per
    // document, so this runs for every file of a corpus.
    String(unsafeUninitializedCapacity: Self.isoLength) { bytes in
      writeISO(into: bytes)
      return Self.isoLength
    }
  }

  /// The length of `YYYY-MM-DD`.
  static let isoLength = 10

  /// Appends `YYYY-MM-DD` to `bytes`.
  public func appendISO(to bytes: inout [UInt8]) {
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: Self.isoLength))
    bytes.withUnsafeMutableBufferPointer { bytes in
      writeISO(into: UnsafeMutableBufferPointer(rebasing: bytes[start...]))
    }
  }

  /// Writes `YYYY-MM-DD` digit by digit into the first ten of `bytes`.
  private func writeISO(into bytes: UnsafeMutableBufferPointer<UInt8>) {
    let (year, month, day) = (self.year, self.month, self.day)
    func put(_ value: Int, at index: Int) { bytes[index] = UInt8(ascii: "0") + UInt8(value) }
    put(year / 1000, at: 0)
    put(year / 100 % 10, at: 1)
    put(year / 10 % 10, at: 2)
    put(year % 10, at: 3)
    bytes[4] = UInt8(ascii: "-")
    put(month / 10, at: 5)
    put(month % 10, at: 6)
    bytes[7] = UInt8(ascii: "-")
    put(day / 10, at: 8)
    put(day % 10, at: 9)
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    lhs.packed < rhs.packed
  }
}
