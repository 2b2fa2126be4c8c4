// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "casecheck",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CEL", targets: ["CEL"]),
        .executable(name: "casecheck", targets: ["casecheck"]),
        .executable(name: "cel-conformance", targets: ["cel-conformance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // The expression language. Knows nothing about social care.
        .target(name: "CEL", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // Dates, durations, the working-day calendar, the case schema and record values.
        .target(name: "CaseModel", dependencies: ["CEL", .product(name: "Yams", package: "Yams")]),
        // Loaders that turn files into canonical case records.
        .target(name: "CaseSources", dependencies: ["CEL", "CaseModel", .product(name: "Yams", package: "Yams"),
                                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Rule files: loading, diagnostics, compiling rules into checks.
        .target(name: "Rules", dependencies: ["CEL", "CaseModel", .product(name: "Yams", package: "Yams")]),
        // A run's findings in bounded memory: sorted runs spilled to disk and merged.
        .target(name: "FindingStore", dependencies: ["CaseModel", "Rules"]),
        // Runs compiled checks over records and yields findings.
        .target(name: "Engine", dependencies: ["CEL", "CaseModel", "CaseSources", "Rules", "FindingStore"]),
        // One renderer per output format, all from the same findings model.
        .target(name: "Reports", dependencies: ["Rules", "CaseModel", "FindingStore", "Engine",
                                                .product(name: "Plot", package: "Plot"),
                                                .product(name: "Crypto", package: "swift-crypto")]),
        // The run store: history of runs, new/persisting/resolved findings, trends, waivers.
        .target(name: "History", dependencies: ["Rules", "CaseModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "casecheck",
            dependencies: ["CEL", "CaseModel", "CaseSources", "Rules", "Engine", "Reports", "History",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Loads and runs cel-spec conformance files; shared by cel-conformance and CELTests.
        .target(name: "CELConformance", dependencies: ["CEL"]),
        .executableTarget(name: "cel-conformance", dependencies: ["CEL", "CELConformance"]),
        .executableTarget(name: "cel-bench", dependencies: ["CEL"]),
        // Synthetic CIN census returns, and timing of census linting on them.
        .executableTarget(name: "cin-bench", dependencies: ["CaseModel", "CaseSources", "Engine"]),
        .executableTarget(name: "casecheck-bench", dependencies: ["CEL", "CaseModel", "CaseSources", "Rules", "Engine"]),
        .testTarget(name: "CELTests", dependencies: ["CEL", "CELConformance"]),
        .testTarget(name: "CaseModelTests", dependencies: ["CaseModel", "CEL"]),
        .testTarget(name: "CaseSourcesTests", dependencies: ["CaseSources", "CaseModel", "CEL"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "CaseModel", "CEL"], exclude: ["BrokenRules"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Rules", "CaseSources", "CaseModel", "CEL"]),
        .testTarget(name: "FindingStoreTests", dependencies: ["FindingStore", "Rules", "CaseModel"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Rules", "CaseModel", "FindingStore", "Engine"], exclude: ["Golden"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "Rules", "CaseModel"]),
        .executableTarget(name: "history-bench", dependencies: ["History", "Rules", "CaseModel"]),
        // Fixtures are read from the source tree (via #filePath), not bundled.
        .testTarget(name: "CLITests", dependencies: ["casecheck"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
