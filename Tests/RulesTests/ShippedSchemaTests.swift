import CaseModel
import Foundation
import XCTest
import Yams
@testable import Rules

/// The JSON Schemas shipped in schemas/ are current, well formed, accept the default pack
/// and the sample cases, and reject the mistakes an editor should underline.
final class ShippedSchemaTests: XCTestCase {
    private func shipped(_ name: String) throws -> JSONSchemaCheck {
        let data = Data(try PackageFiles.text("schemas/\(name)").utf8)
        return JSONSchemaCheck(root: try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    private func document(_ yaml: String) throws -> Any {
        JSONSchemaCheck.value(of: try XCTUnwrap(try Yams.compose(yaml: yaml)))
    }

    func testShippedSchemasAreUpToDate() throws {
        XCTAssertTrue(try PackageFiles.text("schemas/rules.schema.json") == RuleFileJSONSchema.text(),
                      "schemas/rules.schema.json is out of date; regenerate it with: swift run casecheck rules schema --output schemas/rules.schema.json")
        XCTAssertTrue(try PackageFiles.text("schemas/cases.schema.json") == CaseRecordJSONSchema.text(for: try PackageFiles.schema()),
                      "schemas/cases.schema.json is out of date with rules/schema.yaml; regenerate it with: swift run casecheck cases schema --output schemas/cases.schema.json")
    }

    func testShippedSchemasAreWellFormedDraft07() throws {
        for name in ["rules.schema.json", "cases.schema.json"] {
            let schema = try shipped(name)
            XCTAssertEqual(schema.root["$schema"] as? String, "http://json-schema.org/draft-07/schema#")
            XCTAssertEqual(schema.structuralProblems(), [], name)
        }
    }

    func testTheStructuralCheckCatchesABrokenSchema() {
        let broken = JSONSchemaCheck(root: ["type": "objekt", "properties": ["a": ["$ref": "#/definitions/none"]],
                                            "required": ["b"], "colour": "red"])
        XCTAssertEqual(Set(broken.structuralProblems()), [
            "#: unknown keyword 'colour'", "#: unknown type 'objekt'", "#: required 'b' is not a property",
            "#/properties/a: $ref '#/definitions/none' does not resolve",
        ])
    }

    func testEveryDefaultRuleFileConformsToTheRuleSchema() throws {
        let schema = try shipped("rules.schema.json")
        let files = try PackageFiles.yamlFiles(in: "rules")
        XCTAssertGreaterThan(files.count, 5)
        for file in files {
            XCTAssertEqual(schema.validate(try document(PackageFiles.text(file))), [], file)
        }
    }

    func testEverySampleCaseFileConformsToTheCaseSchema() throws {
        let schema = try shipped("cases.schema.json")
        let files = try PackageFiles.yamlFiles(in: "cases")
        XCTAssertGreaterThan(files.count, 3)
        for file in files {
            XCTAssertEqual(schema.validate(try document(PackageFiles.text(file))), [], file)
        }
    }

    func testRuleSchemaFlagsWhatTheEditorShouldUnderline() throws {
        let schema = try shipped("rules.schema.json")
        let misspelt = try document("rules:\n  - {id: A, tilte: t, severity: high, expect: 'true'}\n")
        XCTAssertTrue(schema.validate(misspelt).contains("$.rules[0]: 'tilte' is not allowed here"), "\(schema.validate(misspelt))")
        let twoKinds = try document("rules:\n  - {id: A, title: t, severity: high, expect: 'true', duration: {start: a, end: b, max: 1 year}}\n")
        XCTAssertTrue(schema.validate(twoKinds).contains("$.rules[0]: should match exactly one of the allowed forms, matches 2"))
        let badDuration = try document("rules:\n  - {id: A, title: t, severity: high, deadline: {start: a, done: b, within: 3 monhts}}\n")
        XCTAssertTrue(schema.validate(badDuration).contains { $0.hasPrefix("$.rules[0].deadline.within: '3 monhts' does not match") })
        let shared = try document("x-defaults: {severity: high}\nrules:\n  - {id: A, title: t, severity: high, expect: 'true'}\n")
        XCTAssertEqual(schema.validate(shared), [])
    }

    func testCaseSchemaFlagsWhatTheEditorShouldUnderline() throws {
        let schema = try shipped("cases.schema.json")
        let misspelt = try document("id: C1\ncp_plans:\n  - {start_dat: 2024-01-01}\n")
        XCTAssertTrue(schema.validate(misspelt).contains("$.cp_plans[0]: 'start_dat' is not allowed here"), "\(schema.validate(misspelt))")
        let badDate = try document("- id: C1\n  birth_date: 01/02/2020\n")
        XCTAssertTrue(schema.validate(badDate).contains { $0.contains("'01/02/2020' does not match") }, "\(schema.validate(badDate))")
        let noID = try document("worker: Sam\n")
        XCTAssertTrue(schema.validate(noID).contains("$: 'id' is missing"), "\(schema.validate(noID))")
        let visitKind = try document("id: C1\nvisits: [{date: 2024-01-01, kind: home}]\n")
        XCTAssertTrue(schema.validate(visitKind).contains("$.visits[0].kind: 'home' is not one of the allowed values"), "\(schema.validate(visitKind))")
    }
}
