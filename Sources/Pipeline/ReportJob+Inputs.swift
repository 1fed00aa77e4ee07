import Analysis
import Corpus
import ReportModel
import Store

extension ReportJob {
  /// The stopwords of a run: the built-in list, or `--stopwords` replacing or extending it.
  static func loadStopwords(_ options: RunOptions) throws(RunError) -> StopwordList {
    guard let path = options.stopwordFile else { return StopwordList.builtin() }
    let bytes: [UInt8]
    do { bytes = try FileReader.read(path) } catch {
      throw .unusableFile(option: "--stopwords", path: path, reason: error.description)
    }
    let user = StopwordList(parsing: bytes, source: path)
    switch options.stopwordMode {
    case .replace: return user
    case .extend:
      var list = StopwordList.builtin()
      list.formUnion(user)
      return list
    }
  }

  /// The organization registry of a run: the built-in one, extended with `--organizations`.
  static func loadRegistry(_ options: RunOptions) throws(RunError) -> OrganizationRegistry {
    let builtin = OrganizationRegistry.builtin()
    guard let path = options.organizationFile else { return builtin }
    let bytes: [UInt8]
    do { bytes = try FileReader.read(path) } catch {
      throw .unusableFile(option: "--organizations", path: path, reason: error.description)
    }
    do {
      return builtin.extended(with: try OrganizationRegistry(parsing: bytes, source: path))
    } catch {
      throw .unusableFile(option: "--organizations", path: path, reason: error.description)
    }
  }

  /// The state's settings that say which stopwords and which registry its figures were counted
  /// with, for `almanac report` to say so.
  static let stopwordsSetting = "stopwords"
  static let registrySetting = "registryVersion"

  /// What the state says the stored figures were counted with, `setting` being
  /// ``stopwordsSetting`` or ``registrySetting``. A state last written before runs kept them
  /// (2026-12-05; the next run of a later build rebuilds it and keeps them) does not say.
  static func provenance(of setting: String, in store: StateStore) throws(RunError) -> String {
    try state { try store.setting(setting) } ?? "not recorded by the run that counted these figures"
  }

  /// What the stored figures depend on beside the corpus: when it differs from the state's,
  /// every figure is recounted.
  static func fingerprint(stopwords: StopwordList, registry: OrganizationRegistry) -> String {
    [
      "tokenizer=\(Tokenizer.version)", "matcher=\(OrganizationMatcher.version)",
      "analysis=\(analysisVersion)",
      "stopwords=\(stopwords.fingerprint)", "registry=\(registry.fingerprint)",
    ].joined(separator: ";")
  }
}

extension ReportJob {
  /// What the report lists and how it is labelled, as `options` ask (`--top`, `--compare`,
  /// `--term`…), stamped now: the one place a run and `almanac report` take them from, so that
  /// an option cannot reach one and not the other.
  static func reportSettings(
    _ options: RunOptions, corpusPath: String, registryVersion: String, stopwords: String
  ) -> ReportSettings {
    var settings = ReportSettings(
      corpusPath: corpusPath, top: options.top, trendTerms: options.trendTerms,
      pairs: options.pairs, topOrganizations: options.topOrganizations,
      generatedAt: Clock.now().timestamp, tool: "almanac \(version)",
      registryVersion: registryVersion, stopwords: stopwords)
    settings.comparisons = options.comparisons
    settings.followedTerms = options.followedTerms
    return settings
  }
}
