import Foundation
import XCTest

final class RulesCommandTests: XCTestCase {
    func testValidateCleanPackExitsZero() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["rules", "validate"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "3 rules in 1 file: no problems found\n")
    }

    func testValidateShowsSourceLineCaretAndHint() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        try cli.write("""
        rules:
          - id: LATE
            title: Late plan end
            severity: high
            for_each: child.cp_plans
            as: plan
            expect: plan.end_dat == null
        """, to: "more/broken.yaml")
        let result = try cli.run(["rules", "validate", "more/broken.yaml", "--schema", "rules/schema.yaml",
                                  "--calendar", "rules/calendars/england-and-wales.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, """
        more/broken.yaml:7:18: error: in 'expect': 'cp_plan' has no field 'end_dat'
         7 |     expect: plan.end_dat == null
           |                  ^
          hint: did you mean 'end_date'?

        0 rules compiled in 1 file: 1 error, 0 warnings

        """)
    }

    func testValidateJSONForEditors() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli, rules: FixturePack.rules.replacingOccurrences(of: "severity: low", with: "severity: lowish"))
        let result = try cli.run(["rules", "validate", "--format", "json"])
        XCTAssertEqual(result.status, 2)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["errors"] as? Int, 1)
        let diagnostic = try XCTUnwrap((report["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(diagnostic["file"] as? String, "rules/pack.yaml")
        XCTAssertEqual(diagnostic["line"] as? Int, 25)
        XCTAssertEqual(diagnostic["severity"] as? String, "error")
    }

    func testRulesTestPassingExamplesExitZero() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["rules", "test"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("PASS  CP-REVIEW › reviewed on time\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("PASS  CP-REVIEW › first review late\n"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("2 passed, 0 failed\n"), result.stdout)
    }

    func testRulesTestFailingExampleShowsExpectedAndActualAndExitsOne() throws {
        let cli = try CLIHarness(self)
        // The "reviewed on time" example now reviews a month too late.
        try FixturePack.install(in: cli, rules: FixturePack.rules.replacingOccurrences(of: "reviews: [2024-04-02]", with: "reviews: [2024-05-02]"))
        let result = try cli.run(["rules", "test"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("FAIL  CP-REVIEW › reviewed on time  (rules/pack.yaml:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("expected: pass (no findings) as of 2024-06-01"), result.stdout)
        XCTAssertTrue(result.stdout.contains("got:      1 finding"), result.stdout)
        XCTAssertTrue(result.stdout.contains("- breach cp_plans[0]: Review conference overdue since 2024-04-10"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("1 passed, 1 failed\n"), result.stdout)
    }

    func testRulesTestOnBrokenPackExitsTwo() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli, rules: FixturePack.rules.replacingOccurrences(of: "cadence:", with: "cadense:"))
        let result = try cli.run(["rules", "test"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("rules/pack.yaml:"), result.stderr)
    }
}
