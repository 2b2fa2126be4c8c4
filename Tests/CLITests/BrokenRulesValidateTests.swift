import Foundation
import XCTest

/// `rules validate` on each deliberately broken rule file of RulesTests: no crash, exit 2,
/// and exactly the expected diagnostics printed compiler-style, with source line and caret.
final class BrokenRulesValidateTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func testValidatePrintsEveryExpectedDiagnosticOfTheBrokenRuleFiles() throws {
        let cli = try CLIHarness(self)
        let folder = BrokenRulesValidateTests.packageRoot.appendingPathComponent("Tests/RulesTests/BrokenRules")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let ruleFiles = names.filter { !$0.hasSuffix(".expected") }
        XCTAssertGreaterThanOrEqual(ruleFiles.count, 30)
        let schema = BrokenRulesValidateTests.packageRoot.appendingPathComponent("rules/schema.yaml").path
        let calendar = BrokenRulesValidateTests.packageRoot.appendingPathComponent("rules/calendars/england-and-wales.yaml").path
        var indentationOutput = ""
        for name in ruleFiles {
            let stem = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
            let expected = try String(contentsOf: folder.appendingPathComponent(stem + ".expected"), encoding: .utf8)
            let result = try cli.run(["rules", "validate", folder.appendingPathComponent(name).path,
                                      "--schema", schema, "--calendar", calendar])
            XCTAssertEqual(result.status, 2, "\(name): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr)
            // The compiler-style heads (file:line:column: severity: message) and hints, in order.
            let prefix = folder.path + "/"
            let printed = result.stdout.split(separator: "\n").map(String.init)
                .filter { $0.hasPrefix(prefix) || $0.hasPrefix("  hint: ") }
                .map { $0.replacingOccurrences(of: prefix, with: "") }
            XCTAssertEqual(printed, expected.split(separator: "\n").map(String.init), name)
            if name == "wrong-indentation.yaml" { indentationOutput = result.stdout }
        }
        XCTAssertTrue(indentationOutput.contains("""
         4 |    severity: high
           |    ^
        """), "the source line and caret of wrong-indentation.yaml: \(indentationOutput)")
    }
}
