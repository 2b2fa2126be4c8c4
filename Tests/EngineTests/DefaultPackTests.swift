import CaseModel
import CaseSources
import Engine
import Foundation
import Rules
import XCTest

/// The shipped rule pack and sample cases, held to the standard the pack promises its users:
/// it loads cleanly, every rule cites its source and proves itself both ways, and the sample
/// cases exercise every rule.
final class DefaultPackTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func setup() throws -> CheckSetup {
        let rules = Self.root.appendingPathComponent("rules").path
        guard FileManager.default.fileExists(atPath: rules + "/schema.yaml") else {
            throw XCTSkip("rules/ is not in this checkout")
        }
        let (setup, diagnostics) = CheckSetup.load(rulePaths: [rules])
        XCTAssertEqual(diagnostics.map(\.description), [], "the default pack must load without a diagnostic")
        return try XCTUnwrap(setup)
    }

    func testEveryRuleCitesItsSourceAndHasPassingAndFailingExamples() throws {
        let pack = try setup().pack
        XCTAssertGreaterThanOrEqual(pack.rules.count, 30)
        for rule in pack.rules {
            let d = rule.definition
            XCTAssertFalse((d.source ?? "").isEmpty, "\(d.id) has no source")
            XCTAssertFalse((d.rationale ?? "").isEmpty, "\(d.id) has no rationale")
            XCTAssertTrue(d.examples.contains { $0.expect == .pass }, "\(d.id) has no passing example")
            XCTAssertTrue(d.examples.contains { $0.expect == .fail }, "\(d.id) has no failing example")
        }
    }

    func testEveryExampleOfThePackPasses() throws {
        let pack = try setup().pack
        var count = 0
        for rule in pack.rules {
            for result in rule.runExamples() {
                count += 1
                XCTAssertTrue(result.passed, "\(rule.id) › \(result.example.name): \(result.explanation ?? "")")
            }
        }
        XCTAssertGreaterThanOrEqual(count, 60)
    }

    func testSampleCasesLoadCleanlyAndExerciseEveryRule() throws {
        let setup = try setup()
        let cases = Self.root.appendingPathComponent("cases").path
        let reader = CaseReader(paths: [cases], schema: setup.schema)
        let result = RuleEngine(pack: setup.pack, asOf: CalendarDate(iso: "2026-11-23")!).run(reader)
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        XCTAssertEqual(result.summary.recordsSkipped, 0)
        XCTAssertGreaterThanOrEqual(result.summary.recordsChecked, 40)
        XCTAssertEqual(result.findings.filter { $0.status == .error }.map(\.message), [], "no rule may fail to evaluate on the samples")
        let fired = Set(result.findings.map(\.rule))
        for rule in setup.pack.rules {
            XCTAssertTrue(fired.contains(rule.id), "no sample case shows \(rule.id) failing")
        }
    }
}
