import Analysis
import Corpus
import Store
import Synchronization
import Testing

@Suite struct StateStoreCommitTests {
  /// Runs `body` with a fresh store in a temporary folder.
  @Test func documentsRoundTripSortedByPath() throws {
    try withStore { store in
      try store.commit(StateChange(upsertDocuments: Sample.documents))
      let stored = try store.documents()
      #expect(
        stored == Sample.documents.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) })
      #expect(stored.first { $0.path == "broken.txt" }?.year == nil)
      #expect(stored.first { $0.path == "2021/b.txt" }?.year == 2021)
      #expect(try store.documents(accepted: true) == stored.filter(\.accepted))
      #expect(try store.documents(accepted: false) == stored.filter { !$0.accepted })
      #expect(try !store.documents(accepted: false).isEmpty)
      // Handed over one at a time, in the same order.
      var handed: [StoredDocument] = []
      try store.forEachDocument(accepted: true) { handed.append($0) }
      #expect(
        handed
          == Sample.documents.filter(\.accepted).sorted {
            $0.path.utf8.lexicographicallyPrecedes($1.path.utf8)
          })
      let dates = try store.acceptedDates()
      #expect(dates.map(\.path) == stored.filter(\.accepted).map(\.path))
      #expect(dates.map(\.date) == stored.filter(\.accepted).map { $0.date! })
      // On a connection of its own: the same, as last committed.
      let beside = try store.acceptedDates(onConnectionOfItsOwn: true)
      #expect(beside.map(\.path) == dates.map(\.path))
      #expect(beside.map(\.date) == dates.map(\.date))
    }
  }

  @Test func upsertOverwritesAndRemoveForgets() throws {
    try withStore { store in
      try store.commit(StateChange(upsertDocuments: Sample.documents))
      var changed = Sample.documents[0]
      changed.hash = "cd34"
      changed.accepted = false
      changed.reason = "too short"
      try store.commit(
        StateChange(upsertDocuments: [changed], removeDocuments: ["broken.txt", "never.txt"]))
      let stored = try store.documents()
      #expect(stored.map(\.path) == ["2020/а-кириллица.txt", "2021/b.txt"])
      #expect(stored[1] == changed)
    }
  }

  /// A touch changes a record's size and time and nothing else; an upsert of the same path in
  /// the same change wins; an unknown path is ignored.
  @Test func touchSetsSizeAndTimeOnly() throws {
    try withStore { store in
      try store.commit(StateChange(upsertDocuments: Sample.documents))
      let before = try store.documents()
      var upserted = before[0]
      upserted.hash = "ef56"
      upserted.modified = 77
      try store.commit(
        StateChange(
          upsertDocuments: [upserted],
          touchDocuments: [
            TouchedDocument(path: before[0].path, size: 1, modified: 2),
            TouchedDocument(path: before[1].path, size: 123, modified: 456),
            TouchedDocument(path: "never.txt", size: 1, modified: 1),
          ]))
      var touched = before[1]
      (touched.size, touched.modified) = (123, 456)
      #expect(try store.documents() == [upserted, touched] + before[2...])
    }
  }

  @Test func slicesRoundTrip() throws {
    try withStore { store in
      let slices = [Sample.slice(2021), Sample.slice(2019)]
      try store.commit(StateChange(replaceYears: [2019, 2021], slices: slices))
      #expect(try store.slices() == [Sample.slice(2019), Sample.slice(2021)])
      #expect(try store.slices(years: [2021, 1999]) == [Sample.slice(2021)])
      #expect(try store.years() == [2019, 2021])
      #expect(try store.terms(year: 2021) == Sample.slice(2021).packedTerms)
      #expect(try store.terms(year: 1999) == nil)
      let sizes = try store.termBytes()
      #expect(
        sizes == [
          2019: Sample.slice(2019).packedTerms.bytes.count,
          2021: Sample.slice(2021).packedTerms.bytes.count,
        ])
    }
  }

  /// A report reads the years without their organizations' latest documents, and then those of
  /// the few organizations it shows, by year.
  @Test func latestDocumentsAreReadApartWhenAsked() throws {
    try withStore { store in
      try store.commit(
        StateChange(
          replaceYears: [2019, 2021], slices: [Sample.slice(2019), Sample.slice(2021)]))
      var bare = Sample.slice(2021)
      for index in bare.organizations.indices { bare.organizations[index].latest = .init() }
      #expect(try store.slices(years: [2021], latest: false) == [bare])
      #expect(try store.slices(years: [2021], latest: true) == [Sample.slice(2021)])

      func stored(_ year: Int, _ id: String) -> LatestDocuments? {
        Sample.slice(year).organizations.first { $0.id == id }?.latest
      }
      let found = try store.latestDocuments([
        2019: ["газпром"], 2021: ["at&t", "газпром", "nobody"], 2020: ["at&t"],
      ])
      #expect(
        found == [
          2019: ["газпром": try #require(stored(2019, "газпром"))],
          2021: [
            "at&t": try #require(stored(2021, "at&t")),
            "газпром": try #require(stored(2021, "газпром")),
          ],
        ])
      #expect(found[2021]?["газпром"]?.documents.count == LatestDocuments.kept)
      #expect(try store.latestDocuments([:]).isEmpty)
    }
  }

  @Test func slicesMadeWhileWritingRoundTripLikeEagerOnes() throws {
    try withStore { store in
      let made = Mutex<[Int]>([])
      let source = StateChange.SliceSource(years: [2021, 2019]) { year in
        made.withLock { $0.append(year) }
        return Sample.slice(year)
      }
      try store.commit(
        StateChange(
          replaceYears: [2019, 2020, 2021], slices: [Sample.slice(2020)], sliceSource: source))
      #expect(made.withLock { $0 } == [2021, 2019])
      #expect(try store.slices() == [Sample.slice(2019), Sample.slice(2020), Sample.slice(2021)])
    }
    try withStore { store in
      let change = StateChange(
        replaceYears: [2019],
        sliceSource: StateChange.SliceSource(years: [2019, 2022]) { Sample.slice($0) })
      #expect(throws: StoreError.self) { try store.commit(change) }
      let stored = try store.slices()
      #expect(stored.isEmpty)
    }
  }

  @Test func organizationsAndPairsComeBackInByteOrderTermsAsStored() throws {
    try withStore { store in
      var slice = Sample.slice(2020)
      slice.terms.reverse()
      slice.organizations.reverse()
      slice.pairs.reverse()
      try store.commit(StateChange(replaceYears: [2020], slices: [slice]))
      let stored = try #require(try store.slices().first)
      var expected = Sample.slice(2020)
      // Terms are packed in one blob: the unigrams in the order given, then the bigrams.
      expected.terms.reverse()
      #expect(stored == expected)
      #expect(
        stored.terms.map(\.text) == [
          "ёж", "рынок", "zebra", "gazprom", "центральный банк", "central bank",
        ])
    }
  }

  @Test func termBlobRoundTripsAndRefusesGarbage() throws {
    let terms = [
      YearSlice.Term(n: 1, text: "", count: 0, documents: 0),
      YearSlice.Term(n: 1, text: "a&b<c>\"", count: 127, documents: 128),
      YearSlice.Term(n: 2, text: "евразийский союз", count: 1 << 40, documents: 300),
    ]
    let blob = TermBlob.encode(terms)
    #expect(try TermBlob.decode(blob) == terms)
    #expect(throws: TermBlob.Malformed.self) { try TermBlob.decode(Array(blob.dropLast())) }
    #expect(throws: TermBlob.Malformed.self) { try TermBlob.decode(blob + [0]) }
    #expect(throws: TermBlob.Malformed.self) { try TermBlob.decode(Array("nope".utf8)) }
  }

  @Test func manyRowsCrossBatchBoundaries() throws {
    try withStore { store in
      var slice = Sample.slice(2022)
      slice.terms = (0..<1000).map { i in
        // 600 unigrams, then 400 bigrams (two words joined by a space).
        YearSlice.Term(
          n: 1 + i / 600, text: i < 600 ? "слово\(10_000 + i)" : "слово\(i) и", count: i + 1,
          documents: 1)
      }
      slice.organizations = (0..<130).map { i in
        YearSlice.Organization(
          id: "org\(1000 + i)", registryName: "Org <\(i)>", registered: i % 2 == 0, count: i,
          documents: 1, aliases: ["Org \(i)": 1, "ORG & \(i)": i])
      }
      slice.pairs = (0..<257).map { i in
        YearSlice.Pair(a: "org\(1000 + i / 100)", b: "org\(2000 + i)", documents: i)
      }
      let documents = (0..<300).map { i in
        StoredDocument(
          path: "a/\(10_000 + i).txt", size: i, modified: Int64(i), hash: "h\(i)",
          date: Sample.date(2022, 1, 1 + i % 28), accepted: i % 10 != 0,
          reason: i % 10 == 0 ? "empty" : nil)
      }
      try store.commit(
        StateChange(upsertDocuments: documents, replaceYears: [2022], slices: [slice]))
      #expect(try store.slices() == [slice])
      #expect(try store.documents() == documents)
    }
  }

  @Test func replaceYearsTouchesOnlyThoseYears() throws {
    try withStore { store in
      try store.commit(
        StateChange(
          replaceYears: [2018, 2019, 2020],
          slices: [Sample.slice(2018), Sample.slice(2019), Sample.slice(2020)]))
      var newer = Sample.slice(2019)
      newer.documents = 99
      newer.terms = [YearSlice.Term(n: 1, text: "новый", count: 1, documents: 1)]
      newer.organizations = []
      newer.pairs = []
      try store.commit(StateChange(replaceYears: [2019, 2020], slices: [newer]))
      #expect(try store.slices() == [Sample.slice(2018), newer])
    }
  }

  @Test func sliceOutsideReplaceYearsWritesNothing() throws {
    try withStore { store in
      try store.commit(StateChange(replaceYears: [2020], slices: [Sample.slice(2020)]))
      let change = StateChange(
        upsertDocuments: Sample.documents, replaceYears: [2020],
        slices: [Sample.slice(2021)], settings: ["k": "v"])
      #expect {
        try store.commit(change)
      } throws: { error in
        guard case .invalidChange = error as? StoreError else { return false }
        return true
      }
      #expect(try store.slices() == [Sample.slice(2020)])
      #expect(try store.documents().isEmpty)
      #expect(try store.setting("k") == nil)
    }
  }

  @Test func failureMidwayRollsBackEverything() throws {
    try withStore { store in
      try store.commit(
        StateChange(
          upsertDocuments: [Sample.documents[0]], replaceYears: [2020],
          slices: [Sample.slice(2020)], settings: ["k": "old"],
          publishedTerms: [PublishedTerm(n: 1, text: "рынок", perTenThousand: 1.5)]))
      var duplicated = Sample.slice(2021)
      duplicated.pairs.append(duplicated.pairs[0])  // violates the key, after other rows
      let change = StateChange(
        upsertDocuments: Array(Sample.documents.dropFirst()), removeDocuments: ["2021/b.txt"],
        replaceYears: [2020, 2021], slices: [Sample.slice(2020), duplicated],
        settings: ["k": "new"], seen: [(kind: "organization", key: "at&t")],
        publishedTerms: [])
      #expect {
        try store.commit(change)
      } throws: { error in
        guard case .sqlite = error as? StoreError else { return false }
        return true
      }
      #expect(try store.documents() == [Sample.documents[0]])
      #expect(try store.slices() == [Sample.slice(2020)])
      #expect(try store.setting("k") == "old")
      #expect(try store.seen(kind: "organization").isEmpty)
      #expect(
        try store.publishedTerms() == [PublishedTerm(n: 1, text: "рынок", perTenThousand: 1.5)])
    }
  }

  @Test func settingsSeenAndPublishedTerms() throws {
    try withStore { store in
      try store.commit(
        StateChange(
          settings: ["a": "1", "b": "2"],
          seen: [(kind: "organization", key: "газпром"), (kind: "pair", key: "at&t|газпром")],
          publishedTerms: [
            PublishedTerm(n: 2, text: "central bank", perTenThousand: 0.25),
            PublishedTerm(n: 1, text: "ёж", perTenThousand: 12),
          ]))
      try store.commit(
        StateChange(
          settings: ["b": "3"],
          seen: [(kind: "organization", key: "газпром"), (kind: "organization", key: "at&t")]))
      #expect(try store.setting("a") == "1")
      #expect(try store.setting("b") == "3")
      #expect(try store.setting("c") == nil)
      #expect(try store.seen(kind: "organization") == ["газпром", "at&t"])
      #expect(try store.seen(kind: "pair") == ["at&t|газпром"])
      #expect(
        try store.publishedTerms() == [
          PublishedTerm(n: 1, text: "ёж", perTenThousand: 12),
          PublishedTerm(n: 2, text: "central bank", perTenThousand: 0.25),
        ])
      try store.commit(StateChange(publishedTerms: []))
      #expect(try store.publishedTerms().isEmpty)
    }
  }

  /// A full rebuild replaces every year's figures in the commit that writes the new ones, and
  /// keeps the documents, settings and what earlier reports showed for the run to compare with.
  @Test func replacingAllYearsKeepsEverythingElse() throws {
    try withStore { store in
      try store.commit(
        StateChange(
          upsertDocuments: Sample.documents, replaceYears: [2019, 2020],
          slices: [Sample.slice(2019), Sample.slice(2020)], settings: ["a": "1"],
          seen: [(kind: "pair", key: "x")],
          publishedTerms: [PublishedTerm(n: 1, text: "x", perTenThousand: 1)]))
      try store.commit(
        StateChange(
          replaceAllYears: true,
          sliceSource: StateChange.SliceSource(years: [2021]) { Sample.slice($0) }))
      #expect(try store.slices() == [Sample.slice(2021)])
      #expect(try store.documents() == Sample.documents.sorted { $0.path < $1.path })
      #expect(try store.setting("a") == "1")
      #expect(try store.seen(kind: "pair") == ["x"])
      #expect(try store.publishedTerms() == [PublishedTerm(n: 1, text: "x", perTenThousand: 1)])
    }
  }

  /// When making a year's figures fails, no year is deleted: the earlier figures stay whole.
  @Test func aFailedFullReplacementDeletesNothing() throws {
    struct Failed: Error {}
    try withStore { store in
      try store.commit(
        StateChange(replaceYears: [2019, 2020], slices: [Sample.slice(2019), Sample.slice(2020)]))
      let change = StateChange(
        replaceAllYears: true,
        sliceSource: StateChange.SliceSource(years: [2020, 2021]) { year in
          guard year == 2020 else { throw Failed() }
          return Sample.slice(year)
        })
      #expect(throws: StoreError.self) { try store.commit(change) }
      #expect(try store.slices() == [Sample.slice(2019), Sample.slice(2020)])
    }
  }

  @Test func runsAreListedNewestFirst() throws {
    try withStore { store in
      let first = try store.beginRun(startedAt: "2024-05-01T10:00:00Z")
      try store.finishRun(
        id: first, endedAt: "2024-05-01T10:00:03Z", durationMilliseconds: 3000, added: 10,
        changed: 0, removed: 0, rejected: 1, exitStatus: 0)
      let second = try store.beginRun(startedAt: "2024-05-02T10:00:00Z")
      let third = try store.beginRun(startedAt: "2024-05-03T10:00:00Z")
      try store.finishRun(
        id: third, endedAt: "2024-05-03T10:00:01Z", durationMilliseconds: 1000, added: 0,
        changed: 2, removed: 1, rejected: 0, exitStatus: 1)
      let runs = try store.runs(limit: 10)
      #expect(runs.map(\.id) == [third, second, first])
      #expect(first < second && second < third)
      #expect(
        runs[0]
          == RunRecord(
            id: third, startedAt: "2024-05-03T10:00:00Z",
            endedAt: "2024-05-03T10:00:01Z", durationMilliseconds: 1000, added: 0, changed: 2,
            removed: 1, rejected: 0, exitStatus: 1))
      #expect(runs[1] == RunRecord(id: second, startedAt: "2024-05-02T10:00:00Z"))
      #expect(try store.runs(limit: 2).map(\.id) == [third, second])
    }
  }
}
