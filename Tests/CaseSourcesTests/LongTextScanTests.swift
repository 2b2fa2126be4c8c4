import CEL
import CaseModel
import CaseSources
import XCTest

/// Long text with escapes, accents and faults at every offset of an eight-byte word: the
/// text scanner reads eight bytes at a time and jumps to the first that needs a look.
final class LongTextScanTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder() }

    func testLongTextWithEscapesAndAccentsAtEveryOffsetReadsBack() throws {
        // The special characters fall at each position of an eight-byte word in turn.
        for pad in 0..<9 {
            let lead = String(repeating: "x", count: pad)
            let json = #"{"id": "C1", "worker": "\#(lead)Ann \"Nan\" O\\Brien, café worker number 12345678"}"#
            let path = try scratch.write("t\(pad).ndjson", json)
            let result = read(path)
            XCTAssertEqual(result.diagnostics, [], json)
            XCTAssertEqual(result.records.first?.value["worker"]?.literalText,
                           #""\#(lead)Ann \"Nan\" O\\Brien, café worker number 12345678""#, json)
        }
    }

    func testAControlCharacterDeepInLongTextIsReportedAtItsColumn() throws {
        for pad in 0..<9 {
            let lead = String(repeating: "y", count: 16 + pad)
            let path = try scratch.write("c\(pad).json", "{\"id\": \"\(lead)\tz\"}")
            let result = read(path)
            XCTAssertEqual(result.records.count, 0)
            let first = try XCTUnwrap(result.errors.first)
            XCTAssertEqual("\(first.location.line):\(first.location.column): \(first.message)",
                           "1:\(9 + lead.count): control character (byte 9) inside text")
        }
    }

    func testUnterminatedLongTextIsAnErrorAtItsOpeningQuote() throws {
        let path = try scratch.write("u.json", #"{"id": "C1", "worker": "a long name with no closing quote at all"#)
        let result = read(path)
        XCTAssertEqual(result.records.count, 0)
        let first = try XCTUnwrap(result.errors.first)
        XCTAssertEqual("\(first.location.line):\(first.location.column): \(first.message)",
                       "1:24: unterminated text: the closing '\"' is missing")
    }
}
