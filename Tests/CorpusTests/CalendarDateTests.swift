import Corpus
import TestSupport
import Testing

@Suite struct CalendarDateTests {
  /// Dates across the whole range, edges included.
  static func dates() -> [(Int, Int, Int)] {
    var generator = SplitMix(seed: 11)
    var dates = [(1, 1, 1), (9999, 12, 31), (2000, 2, 29), (1800, 1, 1), (2100, 12, 31)]
    for _ in 0..<500 {
      let year = Int.random(in: 1...9999, using: &generator)
      let month = Int.random(in: 1...12, using: &generator)
      let day = Int.random(in: 1...CalendarDate.daysIn(month: month, year: year), using: &generator)
      dates.append((year, month, day))
    }
    return dates
  }

  @Test func keepsYearMonthAndDay() throws {
    for (year, month, day) in Self.dates() {
      let date = try #require(CalendarDate(year: year, month: month, day: day))
      #expect((date.year, date.month, date.day) == (year, month, day))
    }
  }

  /// The order and equality of dates are those of (year, month, day).
  @Test func ordersLikeItsFields() throws {
    let dates = try Self.dates().prefix(120).map {
      try #require(CalendarDate(year: $0.0, month: $0.1, day: $0.2))
    }
    for a in dates {
      for b in dates {
        #expect((a < b) == ((a.year, a.month, a.day) < (b.year, b.month, b.day)))
        #expect((a == b) == ((a.year, a.month, a.day) == (b.year, b.month, b.day)))
      }
    }
  }

  @Test func rejectsDaysThatDoNotExist() {
    #expect(CalendarDate(year: 2021, month: 2, day: 29) == nil)
    #expect(CalendarDate(year: 2021, month: 13, day: 1) == nil)
    #expect(CalendarDate(year: 0, month: 1, day: 1) == nil)
    #expect(CalendarDate(year: 10000, month: 1, day: 1) == nil)
    #expect(CalendarDate(year: 2021, month: 4, day: 31) == nil)
    #expect(CalendarDate(year: 2020, month: 6, day: 0) == nil)
  }

  /// A run keeps a date per file of the corpus.
  @Test func isFourBytes() {
    #expect(MemoryLayout<CalendarDate>.size == 4)
  }

  @Test func printsAsISODate() {
    #expect(CalendarDate(year: 987, month: 3, day: 4)?.description == "0987-03-04")
  }

  /// Against zero-padded decimal text, at every width of year, month and day; the same bytes
  /// appended after others (``CalendarDate/appendISO(to:)``).
  @Test func printsEveryFieldZeroPadded() {
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: width - digits.count) + digits
    }
    for year in [1, 9, 10, 99, 100, 999, 1000, 2024, 9999] {
      for month in 1...12 {
        for day in [1, 9, 10, 28, CalendarDate.daysIn(month: month, year: year)] {
          let date = CalendarDate(year: year, month: month, day: day)!
          let expected = "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
          #expect(date.description == expected)
          var bytes = Array("before ".utf8)
          date.appendISO(to: &bytes)
          #expect(bytes == Array(("before " + expected).utf8))
        }
      }
    }
  }

  /// `YYYY-MM-DD` read from bytes, against splitting the text on its hyphens: only the first ten
  /// bytes count, every digit must be an ASCII digit, and an impossible day still has fields.
  @Test(arguments: [
    "2021-02-03", "0987-03-04", "2021-02-30", "9999-99-99", "2021-02-03 and more",
    "2021/02/03", "2021-2-03", "20a1-02-03", "2021-02-0", "", "-2021-02-03", "2021-02-+3",
    "２０２１-02-03",
  ])
  func fieldsAreReadFromTheFirstTenBytes(text: String) {
    let bytes = Array(text.utf8)
    let expected: [Int]? = {
      guard bytes.count >= 10 else { return nil }
      let head = bytes[0..<10]
      guard head.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2D }),
        [4, 7] == head.indices.filter({ head[$0] == 0x2D })
      else { return nil }
      return String(decoding: head, as: UTF8.self).split(separator: "-").map { Int($0)! }
    }()
    let fields = bytes.withUnsafeBufferPointer(CalendarDate.fields(ofISO:))
    #expect(fields.map { [$0.year, $0.month, $0.day] } == expected, "\(text)")
  }
}
