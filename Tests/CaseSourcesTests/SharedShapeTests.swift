import CEL
import CaseModel
import CaseSources
import XCTest

/// Objects read by the JSON loaders share key layouts (shapes) when they list the same
/// schema fields in the same order; whatever the order or the extra fields, each object
/// must read back exactly as written.
final class SharedShapeTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder() }

    func testObjectsWithTheSameFieldsShareOneShapeAndKeepTheirOwnValues() throws {
        let path = try scratch.write("c.ndjson", """
        {"id": "C1", "visits": [{"date": "2024-01-01", "seen": true}, {"date": "2024-01-08", "seen": false}]}
        {"id": "C2", "visits": [{"date": "2024-02-01", "seen": true}]}
        """)
        let result = read(path)
        XCTAssertEqual(result.diagnostics, [])
        guard case .map(let a)? = result.records[0].value["visits"]?[0], case .map(let b)? = result.records[0].value["visits"]?[1],
              case .map(let c)? = result.records[1].value["visits"]?[0] else { return XCTFail("visits are not records") }
        XCTAssertTrue(a.shape.isIdentical(to: b.shape), "two visits with the same fields share a shape")
        XCTAssertTrue(a.shape.isIdentical(to: c.shape), "and so do visits of different records")
        XCTAssertEqual(a[string: "date"]?.asDate, date("2024-01-01"))
        XCTAssertEqual(b[string: "date"]?.asDate, date("2024-01-08"))
        XCTAssertEqual(b[string: "seen"]?.literalText, "false")
        XCTAssertEqual(c[string: "date"]?.asDate, date("2024-02-01"))
        XCTAssertNil(a[string: "kind"], "a field the object does not have is absent, not null")
    }

    func testFieldsInAnyOrderAndUnknownFieldsReadBackAsWritten() throws {
        let path = try scratch.write("c.ndjson", """
        {"worker": "Ann", "id": "C1", "visits": [{"seen": true, "date": "2024-01-01"}, {"date": "2024-01-02", "seen": false}, {"date": "2024-01-03", "mood": "good", "seen": true}]}
        """)
        let result = read(path)
        XCTAssertEqual(result.errors, [])
        let record = try XCTUnwrap(result.records.first)
        guard case .map(let child) = record.value else { return XCTFail("not a record") }
        XCTAssertEqual(child.keys.map(\.literalText), ["\"worker\"", "\"id\"", "\"visits\""], "keys keep the file's order")
        guard case .map(let first)? = record.value["visits"]?[0], case .map(let second)? = record.value["visits"]?[1],
              case .map(let third)? = record.value["visits"]?[2] else { return XCTFail("visits are not records") }
        XCTAssertFalse(first.shape.isIdentical(to: second.shape), "another field order is another shape")
        XCTAssertEqual(first.keys.map(\.literalText), ["\"seen\"", "\"date\""])
        XCTAssertEqual(first[string: "date"]?.asDate, date("2024-01-01"))
        XCTAssertEqual(second[string: "seen"]?.literalText, "false")
        XCTAssertEqual(third.keys.map(\.literalText), ["\"date\"", "\"mood\"", "\"seen\""])
        XCTAssertEqual(third[string: "mood"]?.literalText, "\"good\"")
        XCTAssertEqual(third[string: "seen"]?.literalText, "true")
    }

    func testADuplicatedFieldIsStillAnErrorOnAShapedObject() throws {
        let path = try scratch.write("c.ndjson", """
        {"id": "C1", "visits": [{"date": "2024-01-01", "seen": true, "date": "2024-01-02"}]}
        {"id": "C2"}
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C2"])
        XCTAssertTrue(result.errors.contains { $0.message.contains("'visits[0].date' appears twice") }, "\(result.rendered)")
    }
}
