import Foundation
import LibXML
import Testing

/// The built binary, end to end, on the seeds and on a corpus with bad files.
@Suite(.serialized) struct AlmanacBinaryTests {
  func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  @Test func seedsPublishValidReportsQuietly() throws {
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    let result = try BinaryRunner.run(["run", "--corpus", "seeds", "--out", out.path])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.isEmpty, "cron mails whatever a job prints: \(result.stderr)")

    let xml = try text(out.appendingPathComponent("almanac.xml"))
    #expect(xml.contains(#"<corpus path="seeds" documents="2" rejected="0""#))
    #expect(xml.contains(#"<year value="2019" documents="1""#))
    #expect(xml.contains(#"<year value="2020" documents="1""#))
    #expect(
      xml.contains(#"<organization id="eaeu" name="Eurasian Economic Union" registered="true""#))
    #expect(xml.contains(#"<comparison year="2020" reference="2019""#))
    #expect(xml.contains(#"name="Information Policy Department" registered="false""#))
    #expect(xml.contains(#"name="Presidential Administration" registered="false""#))

    let validation = try BinaryRunner.run([
      "validate", out.appendingPathComponent("almanac.xml").path,
    ])
    #expect(validation.status == 0, "\(validation.stderr)")

    let html = try text(out.appendingPathComponent("almanac.html"))
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.contains("<script"))
    #expect(html.contains("Eurasian Economic Union"))
    // No temporary files are left behind: the reports, the state and the archive only.
    let left = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(
      left == [
        ".almanac", "almanac-cooccurrences.csv", "almanac-duplicates.csv", "almanac-followed.csv",
        "almanac-organization-trends.csv", "almanac-organizations.csv", "almanac-rejected.csv",
        "almanac-terms.csv",
        "almanac-trends.csv", "almanac-years.csv",
        "almanac.html", "almanac.xml", "archive",
      ])
  }

  @Test func sameInputSameBytesApartFromTheGenerationTime() throws {
    let first = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(first) }
    let second = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(second) }
    _ = try BinaryRunner.run(["run", "--corpus", "seeds", "--out", first.path, "--workers", "1"])
    _ = try BinaryRunner.run(["run", "--corpus", "seeds", "--out", second.path, "--workers", "2"])
    for name in ["almanac.xml", "almanac.html"] {
      let stamp = try NSRegularExpression(pattern: "20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z")
      func normalized(_ url: URL) throws -> String {
        let content = try text(url.appendingPathComponent(name))
        return stamp.stringByReplacingMatches(
          in: content, range: NSRange(content.startIndex..., in: content), withTemplate: "TIME")
      }
      #expect(try normalized(first) == (try normalized(second)))
    }
  }

  @Test func badFilesAreRejectedNamedAndTheRunGoesOn() throws {
    let corpus = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(corpus) }
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    try BinaryRunner.write(
      [
        "good.txt": Array(" date 2021-05-01 The EAEU summit met in Minsk.".utf8),
        "nested/deeper/good2.txt": Array("date 2022-01-10 NATO and the EAEU.".utf8),
        "no-header.txt": Array("Just text".utf8),
        "impossible.txt": Array("date 2021-02-30 text".utf8),
        "empty.txt": [],
        "only-header.txt": Array("date 2021-01-01\n".utf8),
        "binary.txt": [0x00, 0x01, 0x02, 0x00, 0xFF, 0x00, 0x00, 0x00],
        "name with <b>html</b> & spaces.txt": Array("no header <script>alert(1)</script>".utf8),
      ], below: corpus)
    let result = try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path])
    #expect(result.status == 3)
    for name in ["no-header.txt", "impossible.txt", "empty.txt", "only-header.txt", "binary.txt"] {
      #expect(result.stderr.contains("rejected \(name): "), "stderr names \(name)")
    }
    #expect(result.stderr.contains("impossible date '2021-02-30'"))

    let xmlData = try Data(contentsOf: out.appendingPathComponent("almanac.xml"))
    let document = try XMLDocument.parse([UInt8](xmlData), name: "almanac.xml")
    let corpusElement = document.root.children(named: "corpus")[0]
    #expect(corpusElement.attribute("documents") == "2")
    #expect(corpusElement.attribute("rejected") == "6")
    let rejected = document.root.children(named: "rejected")[0].children(named: "document")
    #expect(
      rejected.map { $0.attribute("path") ?? "" } == [
        "binary.txt", "empty.txt", "impossible.txt", "name with <b>html</b> & spaces.txt",
        "no-header.txt", "only-header.txt",
      ])
    let html = try text(out.appendingPathComponent("almanac.html"))
    // Escaped, and free to wrap after its folder's slash.
    #expect(html.contains("name with &lt;b&gt;html&lt;/<wbr>b&gt; &amp; spaces.txt"))
    #expect(!html.contains("<script"))
  }

  @Test func failuresLeaveThePublishedReportsAlone() throws {
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    #expect(try BinaryRunner.run(["run", "--corpus", "seeds", "--out", out.path]).status == 0)
    let before = try Data(contentsOf: out.appendingPathComponent("almanac.xml"))

    let missing = try BinaryRunner.run([
      "run", "--corpus", "/nonexistent/corpus", "--out", out.path,
    ])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("corpus folder '/nonexistent/corpus' does not exist"))
    #expect(try Data(contentsOf: out.appendingPathComponent("almanac.xml")) == before)

    let registryFolder = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(registryFolder) }
    let badRegistry = registryFolder.appendingPathComponent("orgs.tsv")
    try Data("just one column\n".utf8).write(to: badRegistry)
    let registry = try BinaryRunner.run([
      "run", "--corpus", "seeds", "--out", out.path, "--organizations", badRegistry.path,
    ])
    #expect(registry.status == 1)
    #expect(registry.stderr.contains(badRegistry.path))
    #expect(try Data(contentsOf: out.appendingPathComponent("almanac.xml")) == before)
  }

  @Test func pairsBoundTheListAndTheXMLSaysHowManyThereAre() throws {
    let all = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(all) }
    let one = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(one) }
    _ = try BinaryRunner.run(["run", "--corpus", "seeds", "--out", all.path])
    let bounded = try BinaryRunner.run([
      "run", "--corpus", "seeds", "--out", one.path, "--pairs", "1",
    ])
    #expect(bounded.status == 0, "\(bounded.stderr)")
    let full = try text(all.appendingPathComponent("almanac.xml"))
    let cut = try text(one.appendingPathComponent("almanac.xml"))
    let counted = full.components(separatedBy: "<pair ").count - 1
    #expect(counted > 1)
    #expect(full.contains(#"<cooccurrences total="\#(counted)">"#))
    #expect(cut.components(separatedBy: "<pair ").count - 1 == 1)
    #expect(cut.contains(#"<cooccurrences total="\#(counted)">"#))
    #expect(cut.contains(#"pairs="1""#))
    // The one pair kept is the first of the full list.
    let firstPair = { (xml: String) in
      xml.components(separatedBy: "<pair ")[1].components(separatedBy: ">")[0]
    }
    #expect(firstPair(cut) == firstPair(full))
    let csv = try text(one.appendingPathComponent("almanac-cooccurrences.csv"))
    // The header and the one pair (RFC 4180 line ends).
    #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)
    #expect(
      try BinaryRunner.run(["validate", one.appendingPathComponent("almanac.xml").path]).status
        == 0)
  }

  @Test func topOrganizationsBoundsTheListButKeepsEveryRegisteredOne() throws {
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    let result = try BinaryRunner.run([
      "run", "--corpus", "seeds", "--out", out.path, "--top-organizations", "0", "--pairs", "0",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let xml = try text(out.appendingPathComponent("almanac.xml"))
    // The organizations section alone (the comparisons name organizations too).
    func organizations(_ xml: String) -> String {
      xml.components(separatedBy: "<organizations ").dropFirst().first?
        .components(separatedBy: "</organizations>").first ?? ""
    }
    // The seeds name registered and discovered organizations; with no pair listed and none
    // listed by mentions, the registered ones are left.
    let listed = organizations(xml).components(separatedBy: "<organization ").dropFirst().map {
      $0.components(separatedBy: ">")[0]
    }
    #expect(!listed.isEmpty)
    #expect(listed.allSatisfy { $0.contains(#"registered="true""#) })
    let full = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(full) }
    _ = try BinaryRunner.run(["run", "--corpus", "seeds", "--out", full.path])
    let all = try text(full.appendingPathComponent("almanac.xml"))
    let found = organizations(all).components(separatedBy: "<organization ").count - 1
    #expect(all.contains(#"registered="false""#))
    #expect(all.contains(#"<organizations total="\#(found)">"#))
    #expect(xml.contains(#"<organizations total="\#(found)">"#))
    #expect(xml.contains(#"topOrganizations="0""#))
    let csv = try text(out.appendingPathComponent("almanac-organizations.csv"))
    #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == listed.count + 1)
    #expect(
      try BinaryRunner.run(["validate", out.appendingPathComponent("almanac.xml").path]).status
        == 0)
  }

  /// `--compare` adds a comparison of two years of the user's choice: the seeds' 2019 against
  /// 2020 is their one comparison turned round, so its rising terms are those that fell in 2020,
  /// with the same G². One whose year has no documents is left out, said on stderr and in the
  /// reports, and the run still succeeds; `almanac report` takes the option too.
  @Test func compareAddsAComparisonOfTwoChosenYears() throws {
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    let result = try BinaryRunner.run([
      "run", "--corpus", "seeds", "--out", out.path, "--compare", "2019:2020", "--compare",
      "2020:1990",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("--compare 2020:1990 is left out: no documents are dated 1990"))
    let xml = out.appendingPathComponent("almanac.xml")
    #expect(try BinaryRunner.run(["validate", xml.path]).status == 0)
    func terms(_ comparison: XMLElement, _ direction: String) -> [String] {
      comparison.children(named: "term").filter { $0.attribute("direction") == direction }.map {
        "\($0.attribute("text")!) \($0.attribute("logLikelihood")!)"
      }
    }
    func check(_ xml: URL) throws {
      let document = try XMLDocument.parse(Array(try Data(contentsOf: xml)), name: xml.path)
      let trends = try #require(document.root.children(named: "trends").first)
      let consecutive = try #require(trends.children(named: "comparison").first)
      let chosen = try #require(document.root.children(named: "chosenComparisons").first)
      let turned = try #require(chosen.children(named: "comparison").first)
      #expect([turned.attribute("year"), turned.attribute("reference")] == ["2019", "2020"])
      #expect(!terms(turned, "rising").isEmpty)
      #expect(terms(turned, "rising") == terms(consecutive, "falling"))
      #expect(terms(turned, "falling") == terms(consecutive, "rising"))
      let leftOut = chosen.children(named: "leftOut").map {
        "\($0.attribute("year")!):\($0.attribute("reference")!)"
      }
      #expect(leftOut == ["2020:1990"])
    }
    try check(xml)
    let html = try text(out.appendingPathComponent("almanac.html"))
    #expect(html.contains("2019 compared with 2020 (chosen)"))
    let again = try BinaryRunner.run([
      "report", "--out", out.path, "--compare", "2019:2020", "--compare", "2020:1990",
    ])
    #expect(again.status == 0, "\(again.stderr)")
    try check(xml)
    let bad = try BinaryRunner.run(["run", "--out", out.path, "--compare", "2020-2019"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--compare takes YEAR:REFERENCE"))
    #expect(bad.stderr.contains("'2020-2019'"))
  }

  /// `--compare YEAR:FROM-TO` pools the span's years: the seeds with their 2019 article also
  /// dated 2018 give, for 2020 against 2018-2019, the figures of 2020 against a 2019 that holds
  /// the article twice (a corpus counted apart); each falling term's peak is 2019, the later of
  /// two years that use it as much, and its lines come from there. A span without documents is
  /// left out; a span running backwards is a usage error.
  @Test func compareWithASpanPoolsItsYears() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let seeds = BinaryRunner.repositoryRoot.appendingPathComponent("seeds")
    let article = try Data(contentsOf: seeds.appendingPathComponent("002_139cab1db7a7b812.txt"))
    let seedText = String(decoding: article, as: UTF8.self)
    #expect(seedText.hasPrefix(" date 2019-02-04 "))
    func corpus(_ name: String, copy: String) throws -> URL {
      let folder = root.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for file in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
        try FileManager.default.copyItem(
          at: seeds.appendingPathComponent(file), to: folder.appendingPathComponent(file))
      }
      try Data(copy.utf8).write(to: folder.appendingPathComponent("copy.txt"))
      return folder
    }
    let spanned = try corpus(
      "spanned",
      copy: seedText.replacingOccurrences(of: " date 2019-02-04 ", with: " date 2018-02-04 "))
    // Not the same bytes (so not a duplicate), the same words.
    let doubled = try corpus("doubled", copy: seedText + "\n")

    let pooledOut = root.appendingPathComponent("pooled")
    let pooled = try BinaryRunner.run([
      "run", "--corpus", spanned.path, "--out", pooledOut.path, "--compare", "2020:2018-2019",
      "--compare", "2020:1990-1995",
    ])
    #expect(pooled.status == 0, "\(pooled.stderr)")
    #expect(
      pooled.stderr.contains(
        "--compare 2020:1990-1995 is left out: no documents are dated 1990–1995"))
    let plainOut = root.appendingPathComponent("plain")
    let plain = try BinaryRunner.run([
      "run", "--corpus", doubled.path, "--out", plainOut.path, "--compare", "2020:2019",
    ])
    #expect(plain.status == 0, "\(plain.stderr)")

    func chosen(_ out: URL) throws -> XMLElement {
      let xml = out.appendingPathComponent("almanac.xml")
      #expect(try BinaryRunner.run(["validate", xml.path]).status == 0)
      let document = try XMLDocument.parse(Array(try Data(contentsOf: xml)), name: xml.path)
      let section = try #require(document.root.children(named: "chosenComparisons").first)
      return try #require(section.children(named: "comparison").first)
    }
    func figures(_ comparison: XMLElement) -> [String] {
      comparison.children(named: "term").map { term in
        ["text", "direction", "count", "referenceCount", "logLikelihood", "logRatio"].map {
          term.attribute($0)!
        }.joined(separator: " ")
      }
    }
    let span = try chosen(pooledOut)
    let single = try chosen(plainOut)
    #expect(
      [span.attribute("reference"), span.attribute("referenceThrough")] == ["2018", "2019"])
    #expect(span.attribute("referenceTokens") == single.attribute("referenceTokens"))
    #expect(!figures(span).isEmpty)
    #expect(figures(span) == figures(single))
    let falling = span.children(named: "term").filter { $0.attribute("direction") == "falling" }
    #expect(falling.contains { !$0.children(named: "evidence").isEmpty })
    for term in falling {
      #expect(term.attribute("referencePeak") == "2019", "\(term.attribute("text")!)")
      for line in term.children(named: "evidence") {
        #expect(line.attribute("path") == "002_139cab1db7a7b812.txt")
      }
    }
    #expect(single.children(named: "term").allSatisfy { $0.attribute("referencePeak") == nil })
    let html = try text(pooledOut.appendingPathComponent("almanac.html"))
    #expect(html.contains("2020 compared with 2018–2019 (chosen)"))
    // `almanac report` pools the span from the state alone, to the same figures.
    let again = try BinaryRunner.run([
      "report", "--out", pooledOut.path, "--compare", "2020:2018-2019",
    ])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(figures(try chosen(pooledOut)) == figures(single))

    let backwards = try BinaryRunner.run([
      "run", "--corpus", spanned.path, "--out", pooledOut.path, "--compare", "2020:2019-2018",
    ])
    #expect(backwards.status == 64)
    #expect(backwards.stderr.contains("'2020:2019-2018'"))
  }

  /// `almanac report` reads no corpus: a comparison chosen since the last run shows terms
  /// without lines, and it says so on stderr; once a run with the same choice read them, it
  /// says nothing.
  @Test func reportSaysWhichLinesTheLastRunDidNotRead() throws {
    let root = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(root) }
    let seeds = BinaryRunner.repositoryRoot.appendingPathComponent("seeds")
    let corpus = root.appendingPathComponent("corpus")
    try FileManager.default.copyItem(at: seeds, to: corpus)
    // 2018 holds the 2019 article's text: 2019 against 2018 changes nothing, so no line of
    // 2018 is read unless a comparison with 2018 is chosen.
    let article = try String(
      contentsOf: seeds.appendingPathComponent("002_139cab1db7a7b812.txt"), encoding: .utf8)
    try Data(
      article.replacingOccurrences(of: " date 2019-02-04 ", with: " date 2018-02-04 ").utf8
    ).write(to: corpus.appendingPathComponent("2018.txt"))
    let out = root.appendingPathComponent("out")
    let plain = try BinaryRunner.run(["run", "--corpus", corpus.path, "--out", out.path])
    #expect(plain.status == 0 && plain.stderr.isEmpty, "\(plain.stderr)")
    let quiet = try BinaryRunner.run(["report", "--out", out.path])
    #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")

    let chosen = try BinaryRunner.run(["report", "--out", out.path, "--compare", "2020:2018"])
    #expect(chosen.status == 0)
    #expect(chosen.stderr.contains("shown have no lines where they were used"), "\(chosen.stderr)")
    // The organizations that fell from 2018 have none either.
    #expect(
      chosen.stderr.contains("organizations shown have no lines where they were used or named"),
      "\(chosen.stderr)")
    #expect(chosen.stderr.contains("a run with the same options reads the rest"))
    let xml = try text(out.appendingPathComponent("almanac.xml"))
    // Its rising terms have the lines of 2020 read for 2020 against 2019; its falling terms,
    // whose lines would come from 2018, none.
    let section = xml.components(separatedBy: "<chosenComparisons>").last ?? ""
    #expect(!section.contains(#"<evidence path="2018.txt""#))

    let read = try BinaryRunner.run([
      "run", "--corpus", corpus.path, "--out", out.path, "--compare", "2020:2018",
    ])
    #expect(read.status == 0 && read.stderr.isEmpty, "\(read.stderr)")
    let again = try BinaryRunner.run(["report", "--out", out.path, "--compare", "2020:2018"])
    #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)")
    let withLines = try text(out.appendingPathComponent("almanac.xml"))
    #expect(
      withLines.components(separatedBy: "<chosenComparisons>").last?.contains(
        #"<evidence path="2018.txt""#) == true)
  }

  /// `--term` follows a term whatever its rank: the seeds' rarest bigram (once, in 2020)
  /// gets its counts per year in the XML, the page and `almanac-followed.csv`, typed in any
  /// case; a stopword is followed but found nowhere; a value that is no term is a usage error.
  @Test func termFollowsAWordOrAPairWhateverItsRank() throws {
    let out = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(out) }
    let result = try BinaryRunner.run([
      "run", "--corpus", "seeds", "--out", out.path, "--term", "Coronavirus Infection",
      "--term", "the", "--term", "Kyrgyzstan",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let xml = out.appendingPathComponent("almanac.xml")
    #expect(try BinaryRunner.run(["validate", xml.path]).status == 0)
    let document = try XMLDocument.parse(Array(try Data(contentsOf: xml)), name: xml.path)
    let followed = try #require(document.root.children(named: "followedTerms").first)
    let rows = followed.children(named: "term").map { term in
      ([term.attribute("text")!, term.attribute("count")!]
        + term.children(named: "year").map { "\($0.attribute("value")!):\($0.attribute("count")!)" })
        .joined(separator: " ")
    }
    // Counted from the seeds by hand: "coronavirus infection" once, in the 2020 article;
    // "kyrgyzstan" 11 times, as the top list says.
    let top = try #require(document.root.children(named: "terms").first).children(named: "term")
    let kyrgyzstan = try #require(top.first { $0.attribute("text") == "kyrgyzstan" })
    #expect(
      rows == [
        "coronavirus infection 1 2019:0 2020:1", "the 0 2019:0 2020:0",
        "kyrgyzstan \(kyrgyzstan.attribute("count")!) "
          + kyrgyzstan.children(named: "year").map {
            "\($0.attribute("value")!):\($0.attribute("count")!)"
          }.joined(separator: " "),
      ])
    let csv = try text(out.appendingPathComponent("almanac-followed.csv"))
    #expect(csv.contains("2,coronavirus infection,1,1,"))
    #expect(try text(out.appendingPathComponent("almanac.html")).contains("Terms followed"))
    let bad = try BinaryRunner.run(["run", "--out", out.path, "--term", "grain, freight"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--term takes one or two words"))
  }

  @Test func usageErrorsExit64() throws {
    #expect(try BinaryRunner.run(["run", "--top", "0"]).status == 64)
    #expect(try BinaryRunner.run(["run", "--pairs", "-1"]).status == 64)
    #expect(try BinaryRunner.run(["run", "--top-organizations", "-1"]).status == 64)
    #expect(try BinaryRunner.run(["run", "--no-such-option"]).status == 64)
    let version = try BinaryRunner.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("almanac "))
    let help = try BinaryRunner.run(["run", "--help"])
    for option in [
      "--corpus", "--out", "--top", "--trend-terms", "--stopwords", "--organizations", "--workers",
    ] {
      #expect(help.stdout.contains(option))
    }
  }

  @Test func validateRejectsAForeignOrBrokenFile() throws {
    let folder = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(folder) }
    let broken = folder.appendingPathComponent("broken.xml")
    try Data("<almanac><unclosed></almanac>".utf8).write(to: broken)
    let result = try BinaryRunner.run(["validate", broken.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains(broken.path))
  }

  @Test func userStopwordsChangeTheTerms() throws {
    let folder = try BinaryRunner.scratchFolder()
    defer { BinaryRunner.remove(folder) }
    let stopwords = folder.appendingPathComponent("stop.txt")
    try Data("# extra\nkyrgyzstan\nVISIT\n".utf8).write(to: stopwords)
    let out = folder.appendingPathComponent("out")
    let result = try BinaryRunner.run([
      "run", "--corpus", "seeds", "--out", out.path, "--stopwords", stopwords.path,
    ])
    #expect(result.status == 0)
    let xml = try text(out.appendingPathComponent("almanac.xml"))
    #expect(!xml.contains(#"<term text="kyrgyzstan""#))
    #expect(!xml.contains(#"<term text="visit""#))
    #expect(xml.contains(#"<term text="vladimir""#))
  }
}
