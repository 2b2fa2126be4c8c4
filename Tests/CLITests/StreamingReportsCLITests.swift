import Foundation
import XCTest

/// Reports written as streams from findings held in bounded memory: whatever the memory limit,
/// every format is byte-identical; `ndjson` is one finding a line.
final class StreamingReportsCLITests: XCTestCase {
    private let formats = ["text", "json", "ndjson", "csv", "markdown", "sarif", "junit", "html"]

    /// The sample cases give a few dozen findings; a limit of 3 sends them to disk in many runs.
    func testEveryFormatIsByteIdenticalWhenFindingsSpillToDisk() throws {
        let cli = try CLIHarness(self)
        try SampleFiles.install(in: cli)
        for format in formats {
            let held = try cli.run(["run", "--as-of", "2026-11-23", "--format", format, "--output", "held.\(format)"])
            let spilled = try cli.run(["run", "--as-of", "2026-11-23", "--format", format, "--output", "spilled.\(format)",
                                       "--findings-in-memory", "3"])
            XCTAssertEqual(held.status, 1, "\(format): \(held.stderr)")
            XCTAssertEqual(spilled.status, 1, "\(format): \(spilled.stderr)")
            let a = try cli.read("held.\(format)"), b = try cli.read("spilled.\(format)")
            XCTAssertFalse(a.isEmpty, format)
            XCTAssertEqual(a, b, "\(format) differs when findings go to disk")
        }
    }

    func testPseudonymisedReportsAreByteIdenticalWhenFindingsSpillToDisk() throws {
        let cli = try CLIHarness(self)
        try SampleFiles.install(in: cli)
        try cli.write("0123456789abcdef0123456789abcdef\n", to: "key")
        for format in ["json", "csv"] {
            let common = ["run", "--as-of", "2026-11-23", "--format", format, "--pseudonymise-workers", "--key-file", "key"]
            _ = try cli.run(common + ["--output", "held"])
            _ = try cli.run(common + ["--output", "spilled", "--findings-in-memory", "2"])
            XCTAssertEqual(try cli.read("held"), try cli.read("spilled"), format)
            XCTAssertFalse(try cli.read("held").contains("Worker A. Example"), "\(format) names no worker")
        }
    }

    func testNDJSONHasOneFindingALineMatchingTheJSONReport() throws {
        let cli = try CLIHarness(self)
        try SampleFiles.install(in: cli)
        let lines = try cli.run(["run", "--as-of", "2026-11-23", "--format", "ndjson"])
        let json = try cli.run(["run", "--as-of", "2026-11-23", "--format", "json"])
        XCTAssertEqual(lines.status, 1, lines.stderr)
        XCTAssertTrue(lines.stderr.contains("findings:"), "the summary line goes to standard error: \(lines.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let expected = report["findings"] as! [[String: Any]]
        let rows = lines.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(rows.last, "", "the file ends with a line break")
        let parsed = try rows.dropLast().map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(parsed.count, expected.count)
        XCTAssertGreaterThan(parsed.count, 10)
        for (a, b) in zip(parsed, expected) { XCTAssertEqual(a as NSDictionary, b as NSDictionary) }
        XCTAssertFalse(lines.stdout.contains("\"summary\""), "only findings, one a line")
    }

    func testAnUnknownFormatIsAUsageErrorNamingTheChoices() throws {
        let cli = try CLIHarness(self)
        try SampleFiles.install(in: cli)
        let result = try cli.run(["run", "--format", "ndjsn"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("ndjson"), result.stderr)
    }
}
