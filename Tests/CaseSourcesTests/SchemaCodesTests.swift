import CEL
import CaseModel
import CaseSources
import XCTest

/// Text fields whose schema lists the allowed codes, and the real `rules/schema.yaml`.
final class SchemaCodesTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder() }

    static let schema = ObjectSchema(name: "child", fields: [
        .init(name: "id", type: .string, required: true),
        .init(name: "visits", type: .list(.object(ObjectSchema(name: "visit", fields: [
            .init(name: "date", type: .date),
            .init(name: "kind", type: .string, allowedValues: ["cin", "cp", "lac", "other"]),
        ])))),
    ])

    func testUnlistedCodeIsKeptWithOneWarning() throws {
        let json = try scratch.write("v.json", """
        [{"id": "A", "visits": [{"kind": "cp"}, {"kind": "CP"}, {"kind": "CP"}]},
         {"id": "B", "visits": [{"kind": "home"}]}]
        """)
        let reader = CaseReader(paths: [json], schema: Self.schema)
        var records: [CaseRecord] = [], diagnostics: [Diagnostic] = []
        while let batch = reader.nextBatch() { records += batch.records; diagnostics += batch.diagnostics }
        XCTAssertEqual(records.map(\.id), ["A", "B"])
        XCTAssertEqual(diagnostics.map(\.message), [
            "field 'visits[1].kind': \"CP\" is not one of the listed values (cin, cp, lac, other); it is kept as written (reported once a file)",
            "field 'visits[0].kind': \"home\" is not one of the listed values (cin, cp, lac, other); it is kept as written (reported once a file)",
        ])
        XCTAssertEqual(diagnostics.first?.hint, "did you mean 'cp'?")
        XCTAssertEqual(records[0].value["visits"]?[1]?["kind"]?.stringValue, "CP")
    }

    func testUnlistedCodeInYAML() throws {
        let yaml = try scratch.write("v.yaml", "id: A\nvisits:\n  - {kind: lac}\n  - {kind: LAC}\n")
        let all = CaseReader.readAll(paths: [yaml], schema: Self.schema)
        XCTAssertEqual(all.records.count, 1)
        XCTAssertEqual(all.diagnostics.map(\.location.line), [4])
        XCTAssertEqual(all.diagnostics.first?.hint, "did you mean 'lac'?")
    }

    /// The schema the tool ships with, read by CaseModel, drives the loaders end to end.
    func testShippedSchemaTypesARecord() throws {
        let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../rules/schema.yaml").standardized.path
        guard FileManager.default.fileExists(atPath: schemaPath) else {
            throw XCTSkip("rules/schema.yaml is not in this checkout (\(schemaPath))")
        }
        let loaded = CaseSchema.load(path: schemaPath)
        let schema = try XCTUnwrap(loaded.value, "\(loaded.diagnostics)")
        let path = try scratch.write("c.yaml", """
        id: C1
        birth_date: 2015-06-01
        worker: Ann
        cp_plans:
          - start_date: 2024-01-10
            reviews: [2024-04-02]
        visits:
          - {date: 2024-01-12, kind: cp, seen: true}
        """)
        let reader = CaseReader(paths: [path], schema: schema)
        var records: [CaseRecord] = [], diagnostics: [Diagnostic] = []
        while let batch = reader.nextBatch() { records += batch.records; diagnostics += batch.diagnostics }
        XCTAssertEqual(diagnostics, [])
        let child = try XCTUnwrap(records.first?.value)
        XCTAssertEqual(child["cp_plans"]?[0]?["reviews"]?[0]?.asDate, date("2024-04-02"))
        XCTAssertEqual(child["visits"]?[0]?["seen"]?.boolValue, true)
        XCTAssertEqual(child["visits"]?[0]?["date"]?.asDate, date("2024-01-12"))
    }
}
