import Analysis
import ReportModel

/// Hand-built reports for the writer tests: the writers compute nothing, so any consistent
/// figures will do.
enum ReportFixtures {
  static let provenance = Provenance(
    tokenizerVersion: "1", registryVersion: "2026.11.1", stopwords: "built-in en+ru",
    top: 50, trendTerms: 20)

  /// A small two-year report with one of everything.
  static func sample() -> Report {
    var report = Report(
      schemaVersion: "1.0", generatedAt: "2026-11-23T00:00:00Z", tool: "almanac 0.1.0",
      provenance: provenance,
      corpus: CorpusSummary(
        path: "seeds", documents: 3, rejected: 1, tokens: 900, firstDate: "2019-02-04",
        lastDate: "2020-09-28", repairedDocuments: 0),
      years: [
        YearSummary(year: 2019, documents: 1, tokens: 300, types: 150, organizationMentions: 2),
        YearSummary(year: 2020, documents: 2, tokens: 600, types: 280, organizationMentions: 5),
      ],
      unigrams: [
        TermEntry(
          text: "kyrgyzstan", n: 1, count: 12, documents: 3, perTenThousand: 133.3333,
          years: [
            TermYear(year: 2019, count: 4, documents: 1, perTenThousand: 133.3333),
            TermYear(year: 2020, count: 8, documents: 2, perTenThousand: 133.3333),
          ]),
        TermEntry(
          text: "россия", n: 1, count: 3, documents: 1, perTenThousand: 33.3333,
          years: [
            TermYear(year: 2019, count: 0, documents: 0, perTenThousand: 0),
            TermYear(year: 2020, count: 3, documents: 1, perTenThousand: 50),
          ]),
      ],
      bigrams: [
        TermEntry(
          text: "vladimir putin", n: 2, count: 6, documents: 3, perTenThousand: 66.6667,
          years: [
            TermYear(year: 2019, count: 2, documents: 1, perTenThousand: 66.6667),
            TermYear(year: 2020, count: 4, documents: 2, perTenThousand: 66.6667),
          ])
      ],
      organizations: [
        OrganizationEntry(
          id: "eaeu", name: "Eurasian Economic Union", registered: true, count: 4, documents: 2,
          aliases: [AliasCount(text: "EAEU", count: 3), AliasCount(text: "ЕАЭС", count: 1)],
          years: [
            OrganizationYear(year: 2019, count: 1, documents: 1, perTenThousand: 33.3333),
            OrganizationYear(year: 2020, count: 3, documents: 1, perTenThousand: 50),
          ]),
        OrganizationEntry(
          id: "discovered:information policy department", name: "Information Policy Department",
          registered: false, count: 1, documents: 1,
          aliases: [AliasCount(text: "Information Policy Department", count: 1)],
          years: [OrganizationYear(year: 2020, count: 1, documents: 1, perTenThousand: 16.6667)]),
      ],
      cooccurrences: [
        PairEntry(
          a: "discovered:information policy department", b: "eaeu",
          aName: "Information Policy Department", bName: "Eurasian Economic Union",
          documents: 1, npmi: 0.6309, logLikelihood: 1.9095,
          years: [PairYear(year: 2020, documents: 1)],
          evidence: [
            line(
              "2020/visit.txt", "2020-09-28", 412, "…reported the ",
              "Information Policy Department", ". Both sides discussed the ",
              "Eurasian Economic Union", " agenda for the year…")
          ])
      ],
      trends: [
        TrendComparison(
          year: 2020, reference: 2019, tokens: 600, referenceTokens: 300,
          rising: [
            TrendTerm(
              text: "eaeu", n: 1, direction: .rising, count: 3, referenceCount: 0,
              logLikelihood: 4.1589, logRatio: 1.8074,
              evidence: [
                line("2020/visit.txt", "2020-09-28", 97, "…integration within the ", "EAEU", "."),
                line(
                  "2020/summit.txt", "2020-05-19", 0, "", "EAEU",
                  " leaders met in Minsk to review the year…"),
              ])
          ],
          falling: [
            TrendTerm(
              text: "official visit", n: 2, direction: .falling, count: 0, referenceCount: 2,
              logLikelihood: 4.3944, logRatio: -2.3219,
              evidence: [
                line(
                  "2019/visit.txt", "2019-02-04", 15, "…during his ", "official visit",
                  " to Moscow.")
              ])
          ])
      ],
      rejected: [
        RejectedFile(
          path: "broken/no-header.txt",
          reason: "no header: the first line must begin with 'date YYYY-MM-DD'")
      ]
    )
    // Both organizations are mentioned more in 2020 (50 and 16.7 per 10,000 tokens) than in
    // 2019 (33.3 and none); G² and log ratios worked out by hand from those counts.
    report.trends[0].risingOrganizations = [
      OrganizationTrend(
        id: "discovered:information policy department", name: "Information Policy Department",
        direction: .rising, count: 1, referenceCount: 0, logLikelihood: 0.8109, logRatio: 0),
      OrganizationTrend(
        id: "eaeu", name: "Eurasian Economic Union", direction: .rising, count: 3,
        referenceCount: 1, logLikelihood: 0.1313, logRatio: 0.585),
    ]
    return report
  }

  /// The sample report of a corpus with no accepted document: every list empty, no dates.
  static func empty() -> Report {
    var report = sample()
    report.corpus = CorpusSummary(
      path: "empty", documents: 0, rejected: 0, tokens: 0, firstDate: nil, lastDate: nil,
      repairedDocuments: 0)
    report.years = []
    report.unigrams = []
    report.bigrams = []
    report.organizations = []
    report.cooccurrences = []
    report.trends = []
    report.rejected = []
    return report
  }

  /// An evidence line: context and hits alternating, starting and ending with context.
  static func line(_ path: String, _ date: String, _ offset: Int, _ parts: String...) -> Evidence {
    Evidence(
      path: path, date: date, offset: offset,
      segments: parts.enumerated().map {
        KeywordInContext.Segment(text: $0.element, isHit: $0.offset % 2 == 1)
      })
  }

  /// What a nightly run adds: the sample report opened by a ``SinceLastRun`` section.
  static func sinceLastRun(previousRunAt: String? = "2026-11-22T00:30:00Z") -> SinceLastRun {
    SinceLastRun(
      previousRunAt: previousRunAt,
      newDocuments: [
        SinceLastRun.YearCount(year: 2019, count: 1),
        SinceLastRun.YearCount(year: 2020, count: 1234),
      ],
      removedDocuments: 2,
      newOrganizations: [
        SinceLastRun.NamedOrganization(
          id: "discovered:information policy department", name: "Information Policy Department")
      ],
      newPairs: [
        SinceLastRun.NamedPair(
          a: "discovered:information policy department", b: "eaeu",
          aName: "Information Policy Department", bName: "Eurasian Economic Union")
      ],
      movedTerms: [
        SinceLastRun.MovedTerm(text: "россия", n: 1, before: 0, after: 33.33333),
        SinceLastRun.MovedTerm(text: "vladimir putin", n: 2, before: 80.25, after: 66.6667),
        SinceLastRun.MovedTerm(text: "kyrgyzstan", n: 1, before: 133.3333, after: 133.3333),
      ])
  }

  /// The sample report with a ``sinceLastRun`` section.
  static func withSinceLastRun() -> Report {
    var report = sample()
    report.sinceLastRun = sinceLastRun()
    return report
  }

  /// The sinceLastRun report with hostile text in every name and term of the section.
  static func hostileSinceLastRun() -> Report {
    var report = withSinceLastRun()
    let evil = hostileStrings.joined(separator: " ")
    report.sinceLastRun?.newOrganizations = [
      SinceLastRun.NamedOrganization(id: "discovered:" + evil, name: evil)
    ]
    report.sinceLastRun?.newPairs = [
      SinceLastRun.NamedPair(a: "discovered:" + evil, b: "eaeu", aName: evil, bName: evil)
    ]
    report.sinceLastRun?.movedTerms = hostileStrings.map {
      SinceLastRun.MovedTerm(text: $0, n: 1, before: 1, after: 2)
    }
    return report
  }

  /// Text an attacker could put into an article or a file name.
  static let hostileStrings = [
    "<script>alert(1)</script>", "</style><script>alert(2)</script>", "javascript:alert(3)",
    "<img src=x onerror=alert(4)>", "]]>", "a & b < c > d \" ' e", "bell\u{07}null\u{00}esc\u{1B}",
    "\u{FFFE}", "--><!--",
  ]

  /// The sample report with hostile text in every string a corpus can influence.
  static func hostile() -> Report {
    var report = sample()
    let evil = hostileStrings.joined(separator: " ")
    report.corpus.path = evil
    report.unigrams[0].text = evil
    report.bigrams[0].text = evil
    report.organizations[1].id = "discovered:" + evil
    report.organizations[1].name = evil
    report.organizations[1].aliases = hostileStrings.map { AliasCount(text: $0, count: 1) }
    report.cooccurrences[0].a = "discovered:" + evil
    report.cooccurrences[0].aName = evil
    report.trends[0].rising[0].text = evil
    report.trends[0].rising[0].evidence = [line(evil + ".txt", "2020-01-01", 0, evil, evil, evil)]
    report.rejected = hostileStrings.map {
      RejectedFile(path: $0 + ".txt", reason: "no header: found '\($0)'")
    }
    return report.listing(
      duplicates: hostileStrings.map { DuplicateFile(path: $0 + ".txt", original: $0 + "-1.txt") })
  }
}
