import XCTest
import CEL

/// Syntax errors: each is a CompileError with a line, a column and a caret, never a crash.
final class ParserErrorTests: XCTestCase {
    let harness = CoreHarness(["x": .int(1)])

    func testUnterminatedStringPointsAtItsStart() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(harness, "x == 'abc"))
        XCTAssertEqual(error.line, 1)
        XCTAssertEqual(error.column, 6)
        XCTAssertTrue(error.message.contains("no closing quote"), error.message)
    }

    func testStringCannotRunOverALineUnlessTripleQuoted() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(harness, "'abc\ndef'"))
        XCTAssertTrue(error.message.contains("end of the line"), error.message)
        XCTAssertNotNil(error.hint)
        XCTAssertCEL(harness, "'''abc\ndef'''", .string("abc\ndef"))
    }

    func testUnterminatedTripleQuotedString() {
        XCTAssertCompileError(harness, "'''abc")
        XCTAssertCompileError(harness, "r\"\"\"abc\"\"")
    }

    func testInvalidEscapes() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(harness, #"'ab\qc'"#))
        XCTAssertEqual(error.column, 4, "the caret goes under the backslash")
        XCTAssertTrue(error.message.contains("escape"), error.message)
        XCTAssertEqual(error.hint, #"write \\ for a backslash, or use a raw string such as r'\d+'"#)
        XCTAssertCompileError(harness, #"'\x4'"#)        // too few hex digits
        XCTAssertCompileError(harness, #"'\u12'"#)
        XCTAssertCompileError(harness, #"'\uD800'"#)     // a surrogate is not a code point
        XCTAssertCompileError(harness, #"'\U00110000'"#) // beyond Unicode
        XCTAssertCompileError(harness, #"'\400'"#)       // octal escapes stop at \377
        XCTAssertCompileError(harness, #"b'\u00ff'"#)    // \u has no meaning in bytes
        XCTAssertCompileError(harness, "'abc\\")
    }

    func testEscapesDecode() {
        XCTAssertCEL(harness, #"'\x41\101\u0041\U00000041'"#, .string("AAAA"))
        XCTAssertCEL(harness, #"b'\xff\377'"#, .bytes([0xFF, 0xFF]))
        XCTAssertCEL(harness, #"'\xff'"#, .string("\u{FF}"))
        XCTAssertCEL(harness, #"r'\n'"#, .string("\\n"))
    }

    func testInvalidUTF8InTheSourceIsReplacedNotFatal() throws {
        // A Swift String cannot hold invalid UTF-8: decoding turns bad bytes into U+FFFD.
        let inString = String(decoding: [0x27, 0x61, 0xFF, 0x27] as [UInt8], as: UTF8.self)
        XCTAssertCEL(harness, inString, .string("a\u{FFFD}"))
        let outside = String(decoding: [0x31, 0x20, 0x2B, 0x20, 0xC3] as [UInt8], as: UTF8.self)
        let error = try XCTUnwrap(XCTAssertCompileError(harness, outside))
        XCTAssertTrue(error.message.contains("unexpected character"), error.message)
        XCTAssertEqual(error.column, 5)
    }

    func testHugeIntegerLiterals() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(harness, "x + 99999999999999999999999"))
        XCTAssertTrue(error.message.contains("too large"), error.message)
        XCTAssertEqual(error.column, 5)
        XCTAssertCompileError(harness, "9223372036854775808")
        XCTAssertCompileError(harness, "-9223372036854775809")
        XCTAssertCompileError(harness, "18446744073709551616u")
        XCTAssertCompileError(harness, "0x10000000000000000")
        XCTAssertCompileError(harness, "1e999")
        XCTAssertCEL(harness, "1e-999", .double(0))
        XCTAssertCEL(harness, "-9223372036854775808", .int(.min))
        XCTAssertCEL(harness, "18446744073709551615u", .uint(.max))
        XCTAssertCEL(harness, "0xFFFFFFFFFFFFFFFFu", .uint(.max))
    }

    func testTenThousandDeepNestingIsAnErrorNotACrash() {
        let n = 10_000
        let cases = [
            String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n),
            String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n),
            String(repeating: "{1: ", count: n) + "1" + String(repeating: "}", count: n),
            String(repeating: "-", count: n) + "1",
            String(repeating: "!", count: n) + "true",
            "x" + String(repeating: ".f", count: n),
            "x" + String(repeating: "[0]", count: n),
            Array(repeating: "1", count: n).joined(separator: " + "),
            String(repeating: "x?1:", count: n) + "2",
            String(repeating: "f(", count: n) + String(repeating: ")", count: n),
        ]
        for source in cases {
            guard let error = XCTAssertCompileError(harness, source) else { continue }
            XCTAssertTrue(error.message.contains("nested too deeply"), "\(source.prefix(20))...: \(error.message)")
        }
    }

    func testLongFlatExpressionsAreFine() {
        let n = 5_000
        XCTAssertCEL(harness, Array(repeating: "true", count: n).joined(separator: " && "), .bool(true))
        XCTAssertCEL(harness, "size([" + Array(repeating: "1", count: n).joined(separator: ", ") + "])", .int(Int64(n)))
    }

    func testErrorPositionAndCaretOnASecondLine() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(harness, "x > 1 &&\n  x < = 3"))
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.column, 7)
        XCTAssertEqual(error.description, """
            2:7: unexpected character '='
             |   x < = 3
             |       ^
             | use == to compare
            """)
    }

    func testCaretCountsCharactersNotBytes() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(harness, "'é' + ) "))
        XCTAssertEqual(error.column, 7)
        XCTAssertEqual(error.offset, 7)
    }

    func testMissingPiecesAreNamed() throws {
        XCTAssertTrue(try XCTUnwrap(XCTAssertCompileError(harness, "(x + 1")).message.contains("')'"))
        XCTAssertTrue(try XCTUnwrap(XCTAssertCompileError(harness, "x +")).message.contains("ends too early"))
        XCTAssertTrue(try XCTUnwrap(XCTAssertCompileError(harness, "x ? 1")).message.contains("':'"))
        XCTAssertTrue(try XCTUnwrap(XCTAssertCompileError(harness, "x)")).message.contains("after the end"))
        XCTAssertTrue(try XCTUnwrap(XCTAssertCompileError(harness, "[1, 2")).message.contains("']'"))
        XCTAssertCompileError(harness, "{1: 2")
        XCTAssertCompileError(harness, "")
        XCTAssertCompileError(harness, "x = 1")
        XCTAssertCompileError(harness, "x & 1")
        XCTAssertCompileError(harness, "1.e5")
        XCTAssertCompileError(harness, "1e")
        XCTAssertCompileError(harness, "12abc")
    }

    func testWordsFromOtherLanguagesGetHints() throws {
        XCTAssertEqual(try XCTUnwrap(XCTAssertCompileError(harness, "x > 1 and x < 3")).hint, "write && for 'and'")
        XCTAssertEqual(try XCTUnwrap(XCTAssertCompileError(harness, "x > 1 or x < 3")).hint, "write || for 'or'")
        XCTAssertEqual(try XCTUnwrap(XCTAssertCompileError(harness, "not x")).hint, "write ! for 'not', as in !has(x.y)")
    }

    func testReservedWordsCannotBeNames() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(harness, "while + 1"))
        XCTAssertTrue(error.message.contains("reserved"), error.message)
        XCTAssertCEL(harness, "{'if': 1}.if", .int(1))
    }

    func testMacroArgumentsMustBeNames() {
        XCTAssertCompileError(harness, "[1].all(1, true)")
        XCTAssertCompileError(harness, "[1].exists(x.y, true)")
        XCTAssertCompileError(harness, "has(x)")
        XCTAssertCompileError(harness, "has(x[0])")
        XCTAssertCompileError(harness, "[1].all(i, i, true)")
    }

    func testCommentsAndWhitespace() {
        XCTAssertCEL(harness, "x + // one\n 1 // two", .int(2))
        XCTAssertCEL(harness, "\t x\r\n+\u{0C}1", .int(2))
    }

    func testArbitraryBytesNeverCrashTheParser() {
        // A deterministic pseudo-random sweep over printable and special characters.
        let alphabet = Array("()[]{}.,:?!-+*/%<>=&|'\"`\\ \nabxu0123456789rRbB_éλ🙂")
        var seed: UInt64 = 42
        for _ in 0..<3_000 {
            var source = ""
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 59) + 1
            for _ in 0..<length {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                source.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            if let program = try? harness.compile(source, checked: false) {
                _ = program.evaluate(harness.activation())
            }
        }
    }
}
