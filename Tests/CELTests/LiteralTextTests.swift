import XCTest
import CEL

/// How values print in messages and in the conformance runner's output.
final class LiteralTextTests: XCTestCase {
    func testValuesPrintAsCELLiterals() throws {
        let h = CoreHarness()
        let cases: [(String, String)] = [
            ("1", "1"), ("1u", "1u"), ("1.0", "1.0"), ("-0.0", "-0.0"), ("2.5", "2.5"),
            ("'a\"b\\n'", #""a\"b\n""#), ("b'\\x00a'", #"b"\x00a""#), ("[1, 'x']", #"[1, "x"]"#),
            ("{'k': true}", #"{"k": true}"#), ("null", "null"), ("int", "int"),
            ("timestamp('2024-01-01T00:00:00Z')", #"timestamp("2024-01-01T00:00:00Z")"#),
            ("duration('90s')", #"duration("90s")"#),
        ]
        for (source, text) in cases {
            XCTAssertEqual(try h.eval(source).literalText, text, source)
        }
        XCTAssertEqual(Value.double(.nan).literalText, #"double("NaN")"#)
        XCTAssertEqual(Value.double(-.infinity).literalText, #"double("-Infinity")"#)
    }
}
