import Foundation
import XCTest

/// `casecheck run` on the shipped sample cases and rules, exactly as a newcomer runs it, checked
/// byte for byte against a committed JSON report. When the pack or the cases change on purpose,
/// regenerate it with `CASECHECK_UPDATE_GOLDEN=1 swift test --filter SampleCasesGoldenTests`
/// and read the diff.
final class SampleCasesGoldenTests: XCTestCase {
    private static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sample-cases-2026-11-23.json")

    func testSampleCasesGiveTheCommittedJSONReport() throws {
        let cli = try CLIHarness(self)
        try SampleFiles.install(in: cli)
        let result = try cli.run(["run", "--as-of", "2026-11-23", "--format", "json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        if ProcessInfo.processInfo.environment["CASECHECK_UPDATE_GOLDEN"] == "1" {
            try result.stdout.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        XCTAssertEqual(result.stdout, expected,
                       "the sample report changed; if on purpose: CASECHECK_UPDATE_GOLDEN=1 swift test --filter SampleCasesGoldenTests")
        let again = try cli.run(["run", "--as-of", "2026-11-23", "--format", "json"])
        XCTAssertEqual(again.stdout, result.stdout, "two runs on the same input must be byte-identical")
    }
}
