import XCTest
import Yams
import CaseModel

final class YAMLDocumentTests: XCTestCase {
    func testRepeatedKeyInAFlowMappingOnOneLine() {
        let (root, diagnostics) = YAMLDocument.compose("id: {type: string, type: int}\n", file: "f.yaml")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "f.yaml", line: 1, column: 20))
        XCTAssertEqual(root?["id"]?["type"]?.string, "string")
        XCTAssertEqual(root?["id"]?.mapping?.count, 1)
    }

    func testSeveralRepeatsAreAllReported() {
        let text = """
            a: 1
            b: 2
            a: 3
            c:
              x: 1
              x: 2
            b: 4
            """
        let (root, diagnostics) = YAMLDocument.compose(text, file: "f.yaml")
        XCTAssertEqual(diagnostics.map(\.location.line).sorted(), [3, 6, 7])
        XCTAssertEqual(root?["a"]?.int, 1)
        XCTAssertEqual(root?["c"]?["x"]?.int, 1)
        XCTAssertEqual(root?.mapping?.keys.compactMap(\.string), ["a", "b", "c"])
    }

    func testRepeatOfAQuotedKeyIsStillReported() {
        let (root, diagnostics) = YAMLDocument.compose("\"a\": 1\n\"a\": 2\n", file: "f.yaml")
        XCTAssertNil(root)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics[0].message.contains("'a' appears more than once"), diagnostics[0].message)
    }

    func testSyntaxErrorHasPosition() {
        let (root, diagnostics) = YAMLDocument.compose("a: 1\nb: [1, 2\nc: 3\n", file: "f.yaml")
        XCTAssertNil(root)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics[0].location.file, "f.yaml")
        XCTAssertGreaterThanOrEqual(diagnostics[0].location.line, 2)
        XCTAssertTrue(diagnostics[0].message.contains("not valid YAML"))
    }

    func testTabIndentationGetsAHint() {
        let (_, diagnostics) = YAMLDocument.compose("a:\n\tb: 1\n", file: "f.yaml")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.hint, "indent with spaces, not tabs", "\(diagnostics)")
    }
}
