import Foundation
import XCTest

final class RunCommandTests: XCTestCase {
    func testFindingsAtOrAboveFailOnExitOneAndTextGroupsByChild() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["run", "--as-of", "2024-06-01"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("C-1  worker Sam · team North\n  LOW       breach    BIRTH-DATE"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Review conference overdue since 2024-04-10 (52 days late)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Groups\n  MEDIUM    breach    CASELOAD  Sam"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix(
            "3 records read, 0 skipped, 3 checked against 3 rules as of 2024-06-01 · 3 findings: 0 critical, 1 high, 1 medium, 1 low, 0 info\n"),
            result.stdout)
    }

    func testNoFindingsAtOrAboveFailOnExitsZero() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        XCTAssertEqual(try cli.run(["run", "--as-of", "2024-06-01", "--fail-on", "critical"]).status, 0)
        XCTAssertEqual(try cli.run(["run", "--as-of", "2024-06-01", "--fail-on", "none"]).status, 0)
        XCTAssertEqual(try cli.run(["run", "--as-of", "2024-06-01", "--fail-on", "medium"]).status, 1)
        // Before the first review is due there is nothing at or above high.
        XCTAssertEqual(try cli.run(["run", "--as-of", "2024-02-01"]).status, 0)
    }

    func testUsageErrorsExitTwo() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let badDate = try cli.run(["run", "--as-of", "2024-02-30"])
        XCTAssertEqual(badDate.status, 2)
        XCTAssertTrue(badDate.stderr.contains("February 2024 has 29 days, not 30"), badDate.stderr)
        XCTAssertEqual(try cli.run(["run", "--no-such-option"]).status, 2)
        XCTAssertEqual(try cli.run(["run", "--format", "xml"]).status, 2)
        XCTAssertEqual(try cli.run(["run", "--fail-on", "severe"]).status, 2)
    }

    func testBrokenRuleFileExitsTwoWithFileLineAndColumn() throws {
        let cli = try CLIHarness(self)
        let broken = FixturePack.rules.replacingOccurrences(of: "until: plan.end_date", with: "until: plan.end_dat")
        try FixturePack.install(in: cli, rules: broken)
        let result = try cli.run(["run", "--as-of", "2024-06-01"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("rules/pack.yaml:10:19: error: in 'cadence.until': 'cp_plan' has no field 'end_dat'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("end_dat"), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean 'end_date'?"), result.stderr)
        XCTAssertEqual(result.stdout, "", "nothing is checked when the rules have errors")
    }

    func testUnreadableRecordIsReportedSkippedAndExitsTwo() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli, cases: FixturePack.cases + "\n- id: C-4\n  birth_date: 2020-02-30\n")
        let result = try cli.run(["run", "--as-of", "2024-06-01"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("cases/north.yaml:14:15: error: field 'birth_date'"), result.stderr)
        XCTAssertTrue(result.stdout.contains("4 records read, 1 skipped, 3 checked"), result.stdout)
    }

    func testMissingCasePathExitsTwo() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["run", "nowhere/", "--as-of", "2024-06-01"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("nowhere/: error: no such file or directory"), result.stderr)
    }

    func testOutputFileIsOwnerOnly() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        try cli.write("old", to: "report.json")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.folder.appendingPathComponent("report.json").path)
        let result = try cli.run(["run", "--as-of", "2024-06-01", "--format", "json", "--output", "report.json"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        let attributes = try FileManager.default.attributesOfItem(atPath: cli.folder.appendingPathComponent("report.json").path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertTrue(try cli.read("report.json").hasPrefix("{\n  \"as_of\" : \"2024-06-01\""))
    }

    func testHelpShowsExamples() throws {
        let cli = try CLIHarness(self)
        for command in [["--help"], ["run", "--help"], ["rules", "--help"], ["rules", "validate", "--help"], ["rules", "test", "--help"]] {
            let result = try cli.run(command)
            XCTAssertEqual(result.status, 0, command.joined(separator: " "))
            XCTAssertTrue(result.stdout.contains("Examples:"), command.joined(separator: " ") + "\n" + result.stdout)
        }
    }
}
