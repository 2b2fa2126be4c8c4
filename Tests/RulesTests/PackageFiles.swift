import CaseModel
import Foundation
import XCTest
@testable import Rules

/// The package's own files (the default rule pack, sample cases, generated docs and
/// schemas), found from this file's path.
enum PackageFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    static func schema() throws -> CaseSchema {
        let result = CaseSchema.load(path: path("rules/schema.yaml"))
        return try XCTUnwrap(result.value, "rules/schema.yaml: \(result.diagnostics)")
    }

    /// The default pack, loaded as `casecheck` loads it; fails the test on any error.
    static func defaultPack(file: StaticString = #filePath, line: UInt = #line) throws -> RulePack {
        let calendar = WorkingDayCalendar.load(path: path("rules/calendars/england-and-wales.yaml"))
        let (pack, diagnostics) = RulePack.load(paths: [path("rules")], schema: try schema(),
                                                calendar: try XCTUnwrap(calendar.value, file: file, line: line))
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [], file: file, line: line)
        return pack
    }

    /// YAML files of a folder of the package, sorted (the pack's schema and calendars left out).
    static func yamlFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path(folder))
            .filter { $0.hasSuffix(".yaml") && $0 != "schema.yaml" }.sorted().map { "\(folder)/\($0)" }
    }
}
