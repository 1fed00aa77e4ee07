/// Data files compiled into the binary, so a run needs nothing beside the executable.
enum BuiltinData {
  static var organizations: [UInt8] { PackageResources.organizations_tsv }
  static var englishStopwords: [UInt8] { PackageResources.stopwords_en_txt }
  static var russianStopwords: [UInt8] { PackageResources.stopwords_ru_txt }
}
