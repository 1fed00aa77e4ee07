import Analysis
import TestSupport
import Testing

/// Packing terms: version 2 round trips, version 1 blobs (written by earlier releases) still
/// read the same, and damaged bytes are refused.
@Suite struct TermBlobTests {
  static let terms = [
    YearSlice.Term(n: 1, text: "trade", count: 7, documents: 3),
    YearSlice.Term(n: 2, text: "trade grows", count: 2, documents: 2),
    YearSlice.Term(n: 2, text: "евразийский союз", count: 1 << 40, documents: 300),
    YearSlice.Term(n: 1, text: "союз", count: 128, documents: 127),
    YearSlice.Term(n: 2, text: "grows trade", count: 1, documents: 1),
    YearSlice.Term(n: 1, text: "a&b<c>\"", count: 1, documents: 1),
  ]

  /// Version 1 as documented: `ATB1`, term count, then n, text length, text, count, documents.
  static func version1(_ terms: [YearSlice.Term]) -> [UInt8] {
    func varint(_ value: Int, _ bytes: inout [UInt8]) {
      var rest = UInt64(value)
      while rest >= 0x80 {
        bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
        rest >>= 7
      }
      bytes.append(UInt8(rest))
    }
    var bytes = Array("ATB1".utf8)
    varint(terms.count, &bytes)
    for term in terms {
      bytes.append(UInt8(term.n))
      varint(term.text.utf8.count, &bytes)
      bytes += Array(term.text.utf8)
      varint(term.count, &bytes)
      varint(term.documents, &bytes)
    }
    return bytes
  }

  /// Version 2 keeps the unigrams, then the bigrams, each in the order given.
  static let packedOrder = terms.filter { $0.n == 1 } + terms.filter { $0.n == 2 }

  @Test func version2RoundTripsAndSpellsEachWordOnce() throws {
    let blob = TermBlob(Self.terms)
    #expect(Array(blob.bytes.prefix(4)) == Array("ATB2".utf8))
    #expect(try TermBlob.decode(blob.bytes) == Self.packedOrder)
    #expect(blob.unigrams == 3 && blob.bigrams == 3)
    // "trade", "grows" and "союз" are each spelled once although used three or two times.
    let trade = Array("trade".utf8)
    let occurrences = (0...(blob.bytes.count - trade.count)).filter {
      Array(blob.bytes[$0..<$0 + trade.count]) == trade
    }
    #expect(occurrences.count == 1)
    #expect(blob.bytes.count < Self.version1(Self.terms).count)
  }

  @Test func version1BlobsReadAsTheyWereWritten() throws {
    let old = try TermBlob(validating: Self.version1(Self.packedOrder))
    #expect(old.terms == Self.packedOrder)
    #expect(old.unigrams == 3 && old.bigrams == 3)
    var oldIDs: [String] = []
    var newIDs: [String] = []
    var vocabulary = Vocabulary()
    for (blob, ids) in [(old, 0), (TermBlob(Self.terms), 1)] {
      blob.forEachTermID(
        intern: { vocabulary.intern($0) },
        each: { n, first, second, count, documents in
          let line = "\(n) \(first) \(second) \(count) \(documents)"
          if ids == 0 { oldIDs.append(line) } else { newIDs.append(line) }
        })
    }
    #expect(oldIDs == newIDs)
    #expect(oldIDs.count == Self.terms.count)
  }

  /// Reading only known terms passes over exactly the terms with a word the lookup did not
  /// find, in both versions: each word known or not in turn, and none known.
  @Test func onlyKnownTermsLeaveOutThoseWithAnUnknownWord() throws {
    let words = ["trade", "grows", "союз", "евразийский", "a&b<c>\"", "nothing"]
    for blob in [TermBlob(Self.terms), try TermBlob(validating: Self.version1(Self.packedOrder))] {
      for unknown in words {
        func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
          let text = String(decoding: word, as: UTF8.self)
          return text == unknown ? -1 : Int32(words.firstIndex(of: text)!)
        }
        var all: [String] = []
        blob.forEachTermID(intern: id) { n, first, second, count, documents in
          if first >= 0 && (n == 1 || second >= 0) {
            all.append("\(n) \(first) \(second) \(count)")
          }
        }
        var known: [String] = []
        blob.forEachTermID(onlyKnown: true, intern: id) { n, first, second, count, documents in
          known.append("\(n) \(first) \(second) \(count)")
        }
        #expect(known == all, "\(unknown)")
        let left = Self.packedOrder.filter {
          !$0.text.split(separator: " ").contains(Substring(unknown))
        }
        #expect(known.count == left.count, "\(unknown)")
      }
      var none = 0
      blob.forEachTermID(onlyKnown: true, intern: { _ in -1 }, each: { _, _, _, _, _ in none += 1 })
      #expect(none == 0)
    }
  }

  @Test func termsReadAsBytesMatchTheTermsOfBothVersions() throws {
    for blob in [TermBlob(Self.terms), try TermBlob(validating: Self.version1(Self.packedOrder))] {
      var read: [YearSlice.Term] = []
      blob.forEachTerm { n, first, second, count, documents in
        #expect(n == 1 ? second.isEmpty : !second.isEmpty)
        let text =
          String(decoding: first, as: UTF8.self)
          + (n == 1 ? "" : " " + String(decoding: second, as: UTF8.self))
        read.append(YearSlice.Term(n: n, text: text, count: count, documents: documents))
      }
      #expect(read == Self.packedOrder)
    }
  }

  /// The largest terms are those a plain sort by count puts first: the same counts, each kept
  /// term a real term with its own count, whatever ties there are at the cut.
  @Test(arguments: [0, 1, 3, 50, 1000])
  func largestAreThoseASortPutsFirst(limit: Int) throws {
    var generator = SplitMix(seed: UInt64(limit) + 11)
    let words = ["trade", "союз", "grain", "it's", "well-known", "a", "евразийский", "x"]
    var terms: [String: YearSlice.Term] = [:]
    for _ in 0..<400 {
      let n = 1 + generator.int(2)
      let text =
        n == 1 ? generator.pick(words) : generator.pick(words) + " " + generator.pick(words)
      // Few distinct counts, so that many terms tie, some above 2^21 (a four-byte number).
      let count = generator.int(4) == 0 ? (1 << 22) + generator.int(3) : 1 + generator.int(12)
      terms[text] = YearSlice.Term(n: n, text: text, count: count, documents: 1)
    }
    let all = Array(terms.values)
    for blob in [
      TermBlob(all), try TermBlob(validating: Self.version1(all)), TermBlob(all.reversed()),
    ] {
      let largest = blob.largest(limit: limit)
      for n in 1...2 {
        let sorted = all.filter { $0.n == n }.map(\.count).sorted(by: >)
        let kept = largest[n - 1]
        #expect(kept.map(\.count).sorted(by: >) == Array(sorted.prefix(limit)))
        for term in kept {
          let text = String(decoding: term.text, as: UTF8.self)
          #expect(terms[text]?.n == n)
          #expect(terms[text]?.count == term.count)
        }
        #expect(Set(kept.map(\.text)).count == kept.count)
      }
    }
  }

  @Test func damagedBytesAreRefused() {
    let good = TermBlob(Self.terms).bytes
    let bad: [[UInt8]] = [
      Array(good.dropLast()), good + [0], Array("nope".utf8), [],
      Array("ATB2".utf8) + [1, 1, 0x61, 1, 5, 1, 1, 0],  // a unigram of word 5 of 1
      Array("ATB2".utf8) + [1, 1, 0x61, 0, 1, 0, 7, 1, 1],  // a bigram of words 0 and 7
      Array("ATB2".utf8) + [1, 9, 0x61],  // a word longer than the blob
      Array("ATB2".utf8) + [1, 1, 0x61, 1, 0, 1, 1],  // no bigram count
      Array(Self.version1(Self.terms).dropLast()),
    ]
    #expect(throws: Never.self) {
      try TermBlob(validating: Array("ATB2".utf8) + [1, 1, 0x61, 1, 0, 1, 1, 0])
    }
    for bytes in bad {
      #expect(throws: TermBlob.Malformed.self, "\(bytes)") { try TermBlob(validating: bytes) }
    }
  }
}
