@testable import Rules
import XCTest
import Yams

/// Rule files are read with shortcuts that must give exactly what the slow way gives: YAML
/// types of words decided without Yams's regular expressions, and a file's lines turned into
/// characters only when an expression needs them.
final class RuleFileReadingShortcutsTests: XCTestCase {
    func testDigitsGetTheTagTheDefaultResolverGives() {
        for digits in ["0", "7", "12", "2024", "00", "017", "0777", "08", "019", "0123456789", "999999999999"] {
            XCTAssertEqual(Node.Scalar.plainTagName(digits), Resolver.default.resolveTag(of: Node(digits)), "'\(digits)'")
        }
    }

    func testWordsGetTheTagTheDefaultResolverGives() {
        let words = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                     "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
                     "tRUE", "nope", "onion", "offer", "nil", "Neglect", "WBRI", "UN3", "yes please", "true story",
                     "a", "Z", "x1", "e5", "inf", "nan", "NaN"]
        for word in words {
            let expected = Resolver.default.resolveTag(of: Node(word))
            XCTAssertEqual(Node.Scalar.plainTagName(word), expected, "'\(word)'")
        }
    }

    func testTextTheRulesMustDecideIsLeftToThem() {
        for text in ["-1", "+3", "0x1F", "1_000", "1:30", "1.5", ".5", ".inf", "-.inf", ".nan", "~", "", "<<", "=",
                     "2024-01-01", "12:30", "true\n", "caf\u{E9}", "\u{E9}t\u{E9}", " yes"] {
            XCTAssertNil(Node.Scalar.plainTagName(text), "'\(text)' needs the resolver's rules")
        }
    }

    func testExampleValuesKeepTheirYAMLTypes() throws {
        let text = """
            rules: [{id: A}]
            values: {b: true, n: 12, f: 1.5, s: hello, q: 'true', x: ~, o: 0o17}
            """
        guard case .document(let root) = YAMLDocument.parse(text, file: "t.yaml"),
              case .scalar? = root["values"]?["b"] else { return XCTFail("not parsed") }
        func tag(_ key: String) -> Tag.Name? {
            guard case .scalar(let s)? = root["values"]?[key] else { return nil }
            return s.tagName
        }
        XCTAssertEqual(tag("b"), .bool)
        XCTAssertEqual(tag("n"), .int)
        XCTAssertEqual(tag("f"), .float)
        XCTAssertEqual(tag("s"), .str)
        XCTAssertEqual(tag("q"), .str, "a quoted value is text")
        XCTAssertEqual(tag("x"), .null)
        XCTAssertEqual(tag("o"), .int)
    }

    func testTextsSplitIntoTheCharactersSwiftMakes() {
        for text in ["", "plain ascii", "tab\tand ~ symbols {}", "caf\u{E9}", "e\u{301}", "a\r\nb", "\r", "👩‍👩‍👧 family"] {
            XCTAssertEqual(SourceLines.characters(of: text), Array(text), String(reflecting: text))
        }
    }

    func testSourceLinesSplitAsYAMLCountsLines() {
        for text in ["", "one", "one\ntwo", "one\r\ntwo\rthree\n", "\n\n", "a\r\n\r\nb", "caf\u{E9}\ne\u{301}x\r",
                     "tab\there\n  indented"] {
            let lines = SourceLines(text)
            let expected = text.sourceLines().map { Array($0) }
            XCTAssertEqual(lines.count, expected.count, String(reflecting: text))
            for n in 0..<min(lines.count, expected.count) {
                XCTAssertEqual(lines[n], expected[n], "line \(n) of \(String(reflecting: text))")
            }
        }
    }
}
