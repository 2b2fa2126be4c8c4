import Foundation
import XCTest

/// The README's rule-writing walkthrough is what a reviewer copies first: its YAML, put
/// together, must be a valid rule whose examples pass.
final class ReadmeWalkthroughTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The ```yaml blocks of the walkthrough section, in order, joined into one file.
    private func walkthroughRule() throws -> String {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "## Writing a rule: a walkthrough"), "the README lost its walkthrough")
        let section = readme[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        var yaml: [String] = [], inBlock = false
        for line in section[..<end].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock = line == "```yaml"
                continue
            }
            if inBlock { yaml.append(String(line)) }
        }
        XCTAssertTrue(yaml.first?.hasPrefix("rules:") ?? false, "the walkthrough's first YAML block starts the rule file")
        return yaml.joined(separator: "\n") + "\n"
    }

    func testWalkthroughRuleValidatesAndItsExamplesPass() throws {
        let cli = try CLIHarness(self)
        try cli.write(try walkthroughRule(), to: "walkthrough.yaml")
        let schema = Self.root.appendingPathComponent("rules/schema.yaml").path
        let calendar = Self.root.appendingPathComponent("rules/calendars/england-and-wales.yaml").path
        let validate = try cli.run(["rules", "validate", "walkthrough.yaml", "--schema", schema, "--calendar", calendar])
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
        let test = try cli.run(["rules", "test", "walkthrough.yaml", "--schema", schema, "--calendar", calendar])
        XCTAssertEqual(test.status, 0, test.stdout + test.stderr)
        XCTAssertTrue(test.stdout.hasSuffix(" passed, 0 failed\n"), test.stdout)
        XCTAssertFalse(test.stdout.hasPrefix("0 passed"), test.stdout)
    }
}
