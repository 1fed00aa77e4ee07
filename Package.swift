// swift-tools-version: 6.1
import PackageDescription

// MARK: - Shared settings

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

// MARK: - Package

let package = Package(
  name: "Almanac",
  products: [
    .executable(name: "almanac", targets: ["almanac"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    // MARK: libxml2, behind one wrapper
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(name: "LibXML", dependencies: ["CLibXML2"], swiftSettings: strictSettings),

    // MARK: Data flow: files → Document → analysis → report model → writers
    .target(name: "Corpus", swiftSettings: strictSettings),
    // Cache hints for the counting loops (`__builtin_prefetch`), which Swift cannot express.
    .target(name: "CPrefetch"),
    .target(
      name: "Analysis",
      dependencies: ["Corpus", "CPrefetch"],
      resources: [
        .embedInCode("Resources/organizations.tsv"),
        .embedInCode("Resources/stopwords-en.txt"),
        .embedInCode("Resources/stopwords-ru.txt"),
      ],
      swiftSettings: strictSettings
    ),
    .target(
      name: "ReportModel", dependencies: ["Corpus", "Analysis"], swiftSettings: strictSettings),
    .target(
      name: "Rendering",
      dependencies: ["LibXML", "ReportModel"],
      resources: [.embedInCode("Resources/almanac.xsd")],
      swiftSettings: strictSettings
    ),
    .target(
      name: "Pipeline",
      dependencies: [
        "Corpus", "Analysis", "ReportModel", "Rendering", "Store",
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strictSettings
    ),

    // MARK: State
    .target(
      name: "Store",
      dependencies: [
        "Analysis", "Corpus", "ReportModel", .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's own binding calls, for ``BatchInsert``.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ],
      swiftSettings: strictSettings
    ),

    // MARK: Thin executable
    .executableTarget(
      name: "almanac",
      dependencies: [
        "Pipeline", "Corpus", "Rendering", "ReportModel", "Analysis",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),

    // MARK: Fuzzing: scripts/fuzz builds this with libFuzzer; a normal build replays inputs
    .executableTarget(
      name: "AlmanacFuzz", dependencies: ["Corpus", "Analysis"], swiftSettings: strictSettings),

    // MARK: The counting loop on one core, timed: scripts/bench-count
    .executableTarget(
      name: "AlmanacBench", dependencies: ["Corpus", "Analysis", "ReportModel"],
      swiftSettings: strictSettings),

    // MARK: Tests mirror the modules
    .testTarget(
      name: "LibXMLTests", dependencies: ["LibXML", "CLibXML2"], swiftSettings: strictSettings),
    // Helpers shared by the test targets (a seeded random generator, published XML compared).
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
    .testTarget(
      name: "CorpusTests", dependencies: ["Corpus", "TestSupport"], swiftSettings: strictSettings),
    .testTarget(
      name: "AnalysisTests", dependencies: ["Analysis", "Corpus", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "ReportModelTests", dependencies: ["ReportModel", "Analysis", "Corpus", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "RenderingTests",
      dependencies: ["Rendering", "ReportModel", "Analysis", "LibXML", "TestSupport"],
      exclude: ["Fixtures"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "StoreTests",
      dependencies: [
        "Store", "Analysis", "Corpus", "ReportModel", "TestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "PipelineTests",
      dependencies: ["Pipeline", "Store", "Corpus", "LibXML", "TestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["Pipeline", "LibXML", "TestSupport"],
      swiftSettings: strictSettings
    ),
  ]
)
