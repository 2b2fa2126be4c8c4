import Foundation
import XCTest

final class JSONReportTests: XCTestCase {
    /// The expected report for ``FixturePack`` as of 2024-06-01, checked by hand: C-1 has no
    /// birth date (record at line 6); C-2's plan began 2024-01-10, so its first review was due
    /// 2024-04-10, 52 days before 2024-06-01; Sam holds 3 cases against a maximum of 2.
    private func golden() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fixture-pack-2024-06-01.json")
        return try String(contentsOf: url, encoding: .utf8)
    }

    func testJSONReportMatchesTheGoldenFile() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["run", "--as-of", "2024-06-01", "--format", "json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, try golden())
    }

    func testJSONIsByteIdenticalAcrossRunsAndCaseFileOrder() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let first = try cli.run(["run", "--as-of", "2024-06-01", "--format", "json"])
        let second = try cli.run(["run", "--as-of", "2024-06-01", "--format", "json"])
        XCTAssertEqual(first.stdout, second.stdout)
        XCTAssertFalse(first.stdout.isEmpty)
    }

    func testReportObjectHasTheDesignedShape() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["run", "--as-of", "2024-06-01", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["tool", "as_of", "summary", "findings"])
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["records_read"] as? Int, 3)
        XCTAssertEqual(summary["records_checked"] as? Int, 3)
        XCTAssertEqual(summary["records_skipped"] as? Int, 0)
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["case"] as? String }, ["C-1", "C-2", nil])
    }
}
