import Corpus
import Testing

@Suite struct ByteOrderTests {
  /// Strings that share prefixes, differ in case, in byte values above 0x7F (so a signed
  /// comparison would get them wrong), in length around the small-string limit, and in
  /// composition (é as one scalar or as e and a combining accent).
  static let samples: [String] = [
    "", "a", "A", "ab", "abc", "abd", "b", "Z", "z", "é", "e\u{301}", "éa", "e\u{301}a", "ё", "е",
    "Москва", "москва", "EAEU", "EAEU ", "fifteen-bytes-x", "sixteen-bytes-xx",
    "sixteen-bytes-xy", "a/b.txt", "a.txt", "a0.txt", "\u{7F}", "\u{80}", "\u{10FFFF}", "日本",
  ]

  @Test func orderAndEqualityAreThoseOfTheUTF8Bytes() {
    for lhs in Self.samples {
      for rhs in Self.samples {
        let (a, b) = (Array(lhs.utf8), Array(rhs.utf8))
        #expect(lhs.precedesInByteOrder(rhs) == a.lexicographicallyPrecedes(b), "\(lhs) < \(rhs)")
        #expect(lhs.hasSameBytes(rhs) == (a == b), "\(lhs) == \(rhs)")
      }
    }
  }

  @Test func sortingByBytesIsNotSortingByString() {
    // `<` on String treats "é" and "e\u{301}" as equal; byte order does not.
    #expect("é" == "e\u{301}")
    #expect(!"é".hasSameBytes("e\u{301}"))
    #expect("e\u{301}".precedesInByteOrder("é"))
    let random = (0..<500).map { _ in
      String(
        decoding: (0..<Int.random(in: 0...20)).map { _ in
          [UInt8(ascii: "a"), 0x7A, 0xC3, 0xA9, 0xD0, 0xB5, 0x20].randomElement()!
        }, as: UTF8.self)
    }
    #expect(
      random.sorted { $0.precedesInByteOrder($1) }.map { Array($0.utf8) }
        == random.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) })
  }

  /// Bytes kept in two parts compare as the same bytes end to end do, wherever each is split.
  @Test func bytesInTwoPartsCompareAsWhole() {
    let samples = Self.samples.map { Array($0.utf8) }
    for lhs in samples {
      for rhs in samples {
        let whole = lhs.withUnsafeBufferPointer { a in
          rhs.withUnsafeBufferPointer { b in a.comparedInByteOrder(with: b).signum() }
        }
        for cut in 0...lhs.count {
          for otherCut in 0...rhs.count {
            let split = lhs.withUnsafeBufferPointer { a in
              rhs.withUnsafeBufferPointer { b in
                comparedInByteOrder(
                  (
                    UnsafeBufferPointer(rebasing: a[..<cut]),
                    UnsafeBufferPointer(rebasing: a[cut...])
                  ),
                  (
                    UnsafeBufferPointer(rebasing: b[..<otherCut]),
                    UnsafeBufferPointer(rebasing: b[otherCut...])
                  )
                ).signum()
              }
            }
            #expect(split == whole, "\(lhs) cut at \(cut), \(rhs) cut at \(otherCut)")
          }
        }
      }
    }
  }
}
