import CEL
import CaseModel
import CaseSources
import XCTest

/// Keys are matched against the schema field expected next, in place, before anything
/// else: these are the keys that look like it and are not, or are and look different.
final class FieldKeyMatchTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder() }

    func testKeysThatStartLikeTheNextFieldAreNotTakenForIt() throws {
        // `visits` items list `date` first: `dates` and `da` must not read as `date`.
        let path = try scratch.write("k.ndjson", #"{"id": "C1", "visits": [{"dates": "x", "da": 1, "date": "2024-01-02"}]}"#)
        let result = read(path)
        XCTAssertEqual(result.records.count, 1)
        let visit = try XCTUnwrap(result.records.first?.value["visits"]?[0])
        XCTAssertEqual(visit["date"]?.asDate, date("2024-01-02"))
        XCTAssertEqual(visit["dates"]?.stringValue, "x", "an unknown field is kept as it is")
        XCTAssertEqual(visit["da"]?.intValue, 1)
        XCTAssertEqual(result.warnings.count, 2, "one warning for each unknown field")
    }

    func testAnEscapedKeyIsStillItsField() throws {
        let path = try scratch.write("e.ndjson", #"{"\u0069d": "C1", "te\u0061m": "North"}"#)
        let result = read(path)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.ids, ["C1"])
        XCTAssertEqual(result.records.first?.value["team"]?.stringValue, "North")
    }

    func testFieldsOutOfSchemaOrderAndRepeatedAreFoundAndReported() throws {
        let path = try scratch.write("o.ndjson", #"{"worker": "W", "team": "T", "id": "C1", "team": "U"}"#)
        let result = read(path)
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.map(\.message), ["field 'team' appears twice in the same object"])
    }

    func testAKeyCutOffAtTheEndOfTheLineIsASyntaxError() throws {
        let path = try scratch.write("t.ndjson", "{\"id\": \"C1\", \"team\n")
        let result = read(path)
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.count, 1)
        XCTAssertTrue(result.errors[0].message.hasPrefix("unterminated text"), result.errors[0].message)
    }
}
