import Analysis
import Corpus

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
}
