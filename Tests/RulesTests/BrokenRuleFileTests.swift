import CaseModel
import Foundation
import XCTest
@testable import Rules

/// Runs every deliberately broken rule file in `BrokenRules/` against the real case schema
/// and compares the diagnostics, exactly (file:line:column, message, hint), with the file's
/// `.expected` sidecar. A folder is one case of several files (duplicate ids across files).
///
/// To write the sidecars for new fixtures: `CASECHECK_WRITE_EXPECTED=1 swift test --filter
/// BrokenRuleFileTests`, then read every one before committing it.
final class BrokenRuleFileTests: XCTestCase {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("BrokenRules")
    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private func schema() throws -> CaseSchema {
        let path = BrokenRuleFileTests.packageRoot.appendingPathComponent("rules/schema.yaml").path
        return try XCTUnwrap(CaseSchema.load(path: path).value, "rules/schema.yaml did not load")
    }

    /// The diagnostics of loading `paths`, with the fixture folder left out of file names.
    private func diagnostics(_ paths: [String], schema: CaseSchema) -> [String] {
        let (_, found) = RulePack.load(paths: paths, schema: schema, calendar: .weekendsOnly)
        let prefix = BrokenRuleFileTests.folder.path + "/"
        return found.map { $0.description.replacingOccurrences(of: prefix, with: "") }
    }

    func testEveryBrokenRuleFileGivesExactlyTheExpectedDiagnostics() throws {
        let schema = try schema()
        let names = try FileManager.default.contentsOfDirectory(atPath: BrokenRuleFileTests.folder.path)
            .filter { !$0.hasSuffix(".expected") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 30, "the quality bar is at least 30 broken rule files")
        let write = ProcessInfo.processInfo.environment["CASECHECK_WRITE_EXPECTED"] == "1"
        for name in names {
            let path = BrokenRuleFileTests.folder.appendingPathComponent(name).path
            let stem = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
            let expectedURL = BrokenRuleFileTests.folder.appendingPathComponent(stem + ".expected")
            let got = diagnostics([path], schema: schema).joined(separator: "\n") + "\n"
            if write {
                try Data(got.utf8).write(to: expectedURL)
                continue
            }
            guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
                XCTFail("\(name) has no \(stem).expected beside it")
                continue
            }
            XCTAssertEqual(got, expected, "\(name): the diagnostics differ from \(stem).expected")
            XCTAssertTrue(got.contains(": error: "), "\(name) loaded without an error")
        }
    }

    /// A 10 MB rule file (thousands of rules, one of them broken) loads in bounded time and
    /// reports the one broken rule at its line.
    func testTenMegabyteRuleFile() throws {
        let schema = try schema()
        var text = "rules:\n"
        var n = 0
        var brokenLine = 0
        while text.utf8.count < 10 << 20 {
            n += 1
            if n == 20_000 {
                brokenLine = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } + 5
            }
            text += """
              - id: GENERATED-\(n)
                title: Generated rule number \(n), to make the file large
                severity: low
                for_each: child.cp_plans
                expect: \(n == 20_000 ? "item.end_dat" : "item.end_date") == null || item.end_date >= item.start_date

            """
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let started = Date()
        let (pack, found) = RulePack.load(paths: [url.path], schema: schema, calendar: .weekendsOnly)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(found.map { $0.description.replacingOccurrences(of: url.path, with: "big.yaml") },
                       ["big.yaml:\(brokenLine):18: error: in 'expect': 'cp_plan' has no field 'end_dat'\n  hint: did you mean 'end_date'?"])
        XCTAssertEqual(pack.rules.count, n - 1)
        XCTAssertLessThan(seconds, 120, "a 10 MB rule file took \(seconds) s")
    }
}
