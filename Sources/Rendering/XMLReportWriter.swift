public import LibXML
public import ReportModel

/// Turns a finished ``ReportModel/Report`` into the Almanac XML report.
///
/// The writer computes nothing: every element and attribute is a field of the model, in the
/// model's order. Decimals are written with four fraction digits through
/// ``ReportModel/NumberFormat/fixed(_:_:)`` and booleans as `true`/`false`, so the same report
/// always gives the same bytes. The result matches ``ReportSchema``.
public enum XMLReportWriter {
  /// The namespace of every element of the report, declared as the root's default namespace.
  public static let namespace = "urn:almanac:report:1"

  /// Builds the report's XML tree.
  ///
  /// - Parameter report: The finished report.
  /// - Returns: A document whose root is `almanac` in ``namespace``.
  public static func document(for report: Report) -> XMLDocument {
    let document = XMLDocument(rootName: "almanac", namespace: namespace)
    let root = document.root
    root.setAttribute("schemaVersion", report.schemaVersion)
    root.setAttribute("generatedAt", report.generatedAt)
    root.setAttribute("tool", report.tool)
    addProvenance(report.provenance, to: root)
    addCorpus(report.corpus, to: root)
    if let sinceLastRun = report.sinceLastRun { addSinceLastRun(sinceLastRun, to: root) }
    addYears(report.years, to: root)
    addTerms(report.unigrams + report.bigrams, to: root)
    if !report.followedTerms.isEmpty {
      addTerms(report.followedTerms, to: root, section: "followedTerms")
    }
    addOrganizations(report.organizations, counted: report.organizationsCounted, to: root)
    addCooccurrences(report.cooccurrences, counted: report.pairsCounted, to: root)
    addTrends(report.trends, to: root)
    addChosenComparisons(report.chosenComparisons, leftOut: report.leftOutComparisons, to: root)
    addRejected(report.rejected, to: root)
    addDuplicates(report.duplicates, to: root)
    if !report.exports.isEmpty { addExports(report.exports, to: root) }
    return document
  }

  /// The report serialised as indented UTF-8 XML with an XML declaration.
  ///
  /// - Parameter report: The finished report.
  /// - Returns: The bytes of the XML file; identical for identical reports.
  public static func bytes(for report: Report) -> [UInt8] {
    document(for: report).serialized()
  }

  // MARK: - Formatting

  /// A decimal with four fraction digits.
  static func decimal(_ value: Double) -> String { NumberFormat.fixed(value, 4) }

  /// `true` or `false`.
  static func flag(_ value: Bool) -> String { value ? "true" : "false" }

  // MARK: - Sections

  static func addProvenance(_ provenance: Provenance, to root: XMLElement) {
    let element = root.addElement(
      "provenance",
      attributes: [
        "tokenizerVersion": provenance.tokenizerVersion,
        "registryVersion": provenance.registryVersion,
        "stopwords": provenance.stopwords,
        "top": String(provenance.top),
        "trendTerms": String(provenance.trendTerms),
      ])
    if let pairs = provenance.pairs { element.setAttribute("pairs", String(pairs)) }
    if let top = provenance.topOrganizations {
      element.setAttribute("topOrganizations", String(top))
    }
  }

  static func addCorpus(_ corpus: CorpusSummary, to root: XMLElement) {
    let element = root.addElement("corpus")
    element.setAttribute("path", corpus.path)
    element.setAttribute("documents", String(corpus.documents))
    element.setAttribute("rejected", String(corpus.rejected))
    element.setAttribute("duplicates", String(corpus.duplicates))
    element.setAttribute("tokens", String(corpus.tokens))
    if let firstDate = corpus.firstDate { element.setAttribute("firstDate", firstDate) }
    if let lastDate = corpus.lastDate { element.setAttribute("lastDate", lastDate) }
    element.setAttribute("repaired", String(corpus.repairedDocuments))
  }

  /// What changed since the previous run; written only when the run keeps state.
  static func addSinceLastRun(_ since: SinceLastRun, to root: XMLElement) {
    let element = root.addElement("sinceLastRun")
    if let previousRunAt = since.previousRunAt {
      element.setAttribute("previousRunAt", previousRunAt)
    }
    element.setAttribute("removedDocuments", String(since.removedDocuments))
    element.setAttribute("addedCopies", String(since.addedCopies))
    element.setAttribute("removedCopies", String(since.removedCopies))
    let documents = element.addElement("newDocuments")
    for year in since.newDocuments {
      documents.addElement(
        "year", attributes: ["value": String(year.year), "count": String(year.count)])
    }
    let organizations = element.addElement("newOrganizations")
    for organization in since.newOrganizations {
      organizations.addElement(
        "organization", attributes: ["id": organization.id, "name": organization.name])
    }
    let pairs = element.addElement("newPairs")
    for pair in since.newPairs {
      pairs.addElement(
        "pair", attributes: ["a": pair.a, "b": pair.b, "aName": pair.aName, "bName": pair.bName])
    }
    let terms = element.addElement("movedTerms")
    for term in since.movedTerms {
      terms.addElement(
        "term",
        attributes: [
          "text": term.text,
          "n": String(term.n),
          "before": decimal(term.before),
          "after": decimal(term.after),
        ])
    }
  }

  static func addYears(_ years: [YearSummary], to root: XMLElement) {
    let section = root.addElement("years")
    for year in years {
      let element = section.addElement(
        "year",
        attributes: [
          "value": String(year.year),
          "documents": String(year.documents),
          "tokens": String(year.tokens),
          "types": String(year.types),
          "organizationMentions": String(year.organizationMentions),
        ])
      if year.isSmallBase { element.setAttribute("smallBase", "true") }
    }
  }

  static func addTerms(_ terms: [TermEntry], to root: XMLElement, section name: String = "terms") {
    let section = root.addElement(name)
    for term in terms {
      let element = section.addElement(
        "term",
        attributes: [
          "text": term.text,
          "n": String(term.n),
          "count": String(term.count),
          "documents": String(term.documents),
          "perTenThousand": decimal(term.perTenThousand),
        ])
      for year in term.years {
        element.addElement(
          "year",
          attributes: [
            "value": String(year.year),
            "count": String(year.count),
            "documents": String(year.documents),
            "perTenThousand": decimal(year.perTenThousand),
          ])
      }
      addEvidence(term.evidence, to: element)
    }
  }

  static func addOrganizations(
    _ organizations: [OrganizationEntry], counted: Int?, to root: XMLElement
  ) {
    let section = root.addElement("organizations")
    if let counted { section.setAttribute("total", String(counted)) }
    for organization in organizations {
      let element = section.addElement(
        "organization",
        attributes: [
          "id": organization.id,
          "name": organization.name,
          "registered": flag(organization.registered),
          "count": String(organization.count),
          "documents": String(organization.documents),
        ])
      for alias in organization.aliases {
        element.addElement("alias", attributes: ["text": alias.text, "count": String(alias.count)])
      }
      for year in organization.years {
        element.addElement(
          "year",
          attributes: [
            "value": String(year.year),
            "count": String(year.count),
            "documents": String(year.documents),
            "perTenThousand": decimal(year.perTenThousand),
          ])
      }
    }
  }

  static func addCooccurrences(_ pairs: [PairEntry], counted: Int?, to root: XMLElement) {
    let section = root.addElement("cooccurrences")
    if let counted { section.setAttribute("total", String(counted)) }
    for pair in pairs {
      let element = section.addElement(
        "pair",
        attributes: [
          "a": pair.a,
          "b": pair.b,
          "aName": pair.aName,
          "bName": pair.bName,
          "documents": String(pair.documents),
          "npmi": decimal(pair.npmi),
          "logLikelihood": decimal(pair.logLikelihood),
        ])
      for year in pair.years {
        element.addElement(
          "year", attributes: ["value": String(year.year), "documents": String(year.documents)])
      }
      addEvidence(pair.evidence, to: element)
    }
  }

  /// One `evidence` element per line: context as text, each hit as a `hit` element.
  static func addEvidence(_ lines: [Evidence], to parent: XMLElement) {
    for line in lines {
      let element = parent.addElement(
        "evidence",
        attributes: ["path": line.path, "date": line.date, "offset": String(line.offset)])
      for segment in line.segments {
        if segment.isHit {
          element.addElement("hit", text: segment.text)
        } else if !segment.text.isEmpty {
          element.addText(segment.text)
        }
      }
    }
  }

  static func addRejected(_ files: [RejectedFile], to root: XMLElement) {
    let section = root.addElement("rejected")
    for file in files {
      section.addElement("document", attributes: ["path": file.path, "reason": file.reason])
    }
  }

  static func addDuplicates(_ files: [DuplicateFile], to root: XMLElement) {
    let section = root.addElement("duplicates")
    for file in files {
      section.addElement("document", attributes: ["path": file.path, "original": file.original])
    }
  }

  /// The CSV files published beside the reports; written only when there are any.
  static func addExports(_ files: [ExportFile], to root: XMLElement) {
    let section = root.addElement("exports")
    for file in files {
      section.addElement(
        "file", attributes: ["name": file.name, "section": file.section, "rows": String(file.rows)])
    }
  }
}
