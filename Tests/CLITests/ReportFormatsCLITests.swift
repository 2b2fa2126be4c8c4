import Foundation
import XCTest

/// `casecheck run --format html|csv|markdown|sarif|junit` and the pseudonymisation options,
/// through the built binary.
final class ReportFormatsCLITests: XCTestCase {
    private let key = "0123456789abcdef0123456789abcdef\n"

    func testEveryReportFormatWritesAnOwnerOnlyFile() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let expectations = [
            ("html", "<!DOCTYPE html>"), ("csv", "case,rule,title,"), ("markdown", "# Health check as of 2024-06-01"),
            ("sarif", "{\n  \"version\": \"2.1.0\""), ("junit", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"),
        ]
        for (format, start) in expectations {
            let result = try cli.run(["run", "--as-of", "2024-06-01", "--format", format, "--output", "report.\(format)"])
            XCTAssertEqual(result.status, 1, "\(format): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", format)
            XCTAssertTrue(result.stderr.contains("3 findings"), "\(format): the summary line goes to stderr: \(result.stderr)")
            let report = try cli.read("report.\(format)")
            XCTAssertTrue(report.hasPrefix(start), "\(format) starts with \(report.prefix(60))")
            XCTAssertTrue(report.contains("CP-REVIEW"), format)
            let mode = try FileManager.default.attributesOfItem(atPath: cli.folder.appendingPathComponent("report.\(format)").path)[.posixPermissions] as? NSNumber
            XCTAssertEqual(mode?.intValue, 0o600, format)
        }
    }

    func testReportFormatsGoToStandardOutputWithoutOutput() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["run", "--as-of", "2024-06-01", "--format", "csv", "--bom"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("\u{FEFF}case,rule,"), String(result.stdout.prefix(20)))
        XCTAssertEqual(result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 4, "header and three findings")
    }

    func testPseudonymiseReplacesChildIDsInEveryFormat() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        try cli.write(key, to: "casecheck.key")
        let json = try cli.run(["run", "--as-of", "2024-06-01", "--format", "json", "--pseudonymise", "--key-file", "casecheck.key"])
        XCTAssertEqual(json.status, 1, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let cases = (object["findings"] as? [[String: Any]] ?? []).compactMap { $0["case"] as? String }
        XCTAssertEqual(cases.count, 2)
        for id in cases { XCTAssertNotNil(id.range(of: "^C-[0-9a-f]{16}$", options: .regularExpression), id) }
        XCTAssertEqual(cases, cases.sorted(), "findings re-sorted by pseudonym")
        // The same key gives the same pseudonyms run after run.
        let again = try cli.run(["run", "--as-of", "2024-06-01", "--format", "json", "--pseudonymise", "--key-file", "casecheck.key"])
        XCTAssertEqual(again.stdout, json.stdout)
        for format in ["text", "html", "csv", "markdown", "sarif", "junit"] {
            let result = try cli.run(["run", "--as-of", "2024-06-01", "--format", format, "--pseudonymise", "--key-file", "casecheck.key"])
            for id in ["\"C-1\"", "\"C-2\"", "C-1 ", "C-2 ", ">C-1<", ">C-2<", ",C-1,", ",C-2,", "child C-1", "child C-2"] {
                XCTAssertFalse(result.stdout.contains(id), "\(format) shows the real id \(id)")
            }
            XCTAssertTrue(result.stdout.contains("Sam"), "\(format): workers stay unless asked")
        }
    }

    func testPseudonymiseWorkers() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        try cli.write(key, to: "casecheck.key")
        let result = try cli.run(["run", "--as-of", "2024-06-01", "--format", "csv", "--pseudonymise-workers", "--key-file", "casecheck.key"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertFalse(result.stdout.contains("Sam"), result.stdout)
        XCTAssertTrue(result.stdout.contains(",W-"), result.stdout)
    }

    func testPseudonymisingWithoutAKeyIsExplained() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let noKey = try cli.run(["run", "--as-of", "2024-06-01", "--pseudonymise"])
        if ProcessInfo.processInfo.environment["CASECHECK_KEY"] == nil {
            XCTAssertEqual(noKey.status, 2)
            XCTAssertTrue(noKey.stderr.contains("--key-file"), noKey.stderr)
            XCTAssertEqual(noKey.stdout, "", "no report without a key")
        }
        try cli.write("short\n", to: "short.key")
        let short = try cli.run(["run", "--as-of", "2024-06-01", "--pseudonymise", "--key-file", "short.key"])
        XCTAssertEqual(short.status, 2)
        XCTAssertTrue(short.stderr.contains("at least 16"), short.stderr)
        let missing = try cli.run(["run", "--as-of", "2024-06-01", "--pseudonymise", "--key-file", "nowhere.key"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("the key file nowhere.key does not exist"), missing.stderr)
        let stray = try cli.run(["run", "--as-of", "2024-06-01", "--key-file", "short.key"])
        XCTAssertEqual(stray.status, 2)
        XCTAssertTrue(stray.stderr.contains("--key-file is only used with --pseudonymise"), stray.stderr)
    }

    func testTimestampOnlyWhenAsked() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let plain = try cli.run(["run", "--as-of", "2024-06-01", "--format", "markdown"])
        XCTAssertFalse(plain.stdout.contains("Generated"), plain.stdout)
        let stamped = try cli.run(["run", "--as-of", "2024-06-01", "--format", "markdown", "--timestamp"])
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        XCTAssertTrue(stamped.stdout.contains("Generated \(year)-"), stamped.stdout)
    }

    func testUnknownFormatListsTheChoices() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["run", "--format", "pdf"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("html"), result.stderr)
        XCTAssertTrue(result.stderr.contains("sarif"), result.stderr)
    }

    /// The repository's sample cases and rules (cases/, rules/), as the README runs them.
    func testSampleCasesInEveryReportFormat() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let cases = root.appendingPathComponent("cases"), rules = root.appendingPathComponent("rules")
        guard FileManager.default.fileExists(atPath: cases.appendingPathComponent("README.md").path),
              FileManager.default.fileExists(atPath: rules.appendingPathComponent("schema.yaml").path) else {
            throw XCTSkip("the sample cases and rules are not in \(root.path)")
        }
        let cli = try CLIHarness(self)
        func run(_ format: String) throws -> String {
            let result = try cli.run(["run", cases.path, "--rules", rules.path, "--as-of", "2026-11-23", "--format", format])
            XCTAssertEqual(result.status, 1, "\(format): \(result.stderr)")
            return result.stdout
        }
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try run("json").utf8)) as? [String: Any])
        let findings = (json["findings"] as? [[String: Any]] ?? []).count
        XCTAssertGreaterThan(findings, 0)
        let csv = try run("csv")
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, findings + 1, "a CSV row per finding")
        let sarif = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try run("sarif").utf8)) as? [String: Any])
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.count
        XCTAssertEqual(results, findings, "a SARIF result per finding")
        let junit = try run("junit")
        let failures = junit.components(separatedBy: "<failure ").count - 1 + junit.components(separatedBy: "<error ").count - 1
        XCTAssertEqual(failures, findings, "a JUnit failure or error per finding")
        let html = try run("html")
        XCTAssertEqual(html.components(separatedBy: "<tr data-team=").count - 1, findings, "a dashboard row per finding")
        XCTAssertTrue(try run("markdown").contains("| Findings | \(findings) |"))
    }
}
