import CaseModel
import Engine
import Foundation
import XCTest

final class CheckSetupTests: XCTestCase {
    private func pack(in folder: URL, calendar: Bool = true, schema: String? = EngineFixture.schemaYAML) throws -> String {
        let rules = folder.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules.appendingPathComponent("calendars"), withIntermediateDirectories: true)
        try EngineFixture.rulesYAML.write(to: rules.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        if let schema { try schema.write(to: rules.appendingPathComponent("schema.yaml"), atomically: true, encoding: .utf8) }
        if calendar {
            try "name: Test\nbank_holidays:\n  2024:\n    2024-05-27: Spring bank holiday\n"
                .write(to: rules.appendingPathComponent("calendars/england-and-wales.yaml"), atomically: true, encoding: .utf8)
        }
        return rules.path
    }

    func testLoadsSchemaAndCalendarFromTheRulesFolder() throws {
        let rules = try pack(in: EngineFixture.folder(self))
        let (setup, diagnostics) = CheckSetup.load(rulePaths: [rules])
        XCTAssertEqual(diagnostics.map(\.description), [])
        let loaded = try XCTUnwrap(setup)
        XCTAssertEqual(loaded.pack.rules.map(\.id), ["CP-REVIEW", "BIRTH-DATE", "THIRD-VISIT-SEEN", "CASELOAD"])
        XCTAssertEqual(loaded.calendar.name, "Test")
        XCTAssertFalse(loaded.calendar.isWorkingDay(CalendarDate(iso: "2024-05-27")!))
        XCTAssertNotNil(loaded.schema.itemSchema(ofList: "cp_plans"))
        // A rule file named directly finds the pack files beside it.
        XCTAssertNotNil(CheckSetup.load(rulePaths: [rules + "/pack.yaml"]).0)
    }

    func testMissingDefaultCalendarIsAWarningAndWeekendsOnly() throws {
        let rules = try pack(in: EngineFixture.folder(self), calendar: false)
        let (setup, diagnostics) = CheckSetup.load(rulePaths: [rules])
        XCTAssertEqual(diagnostics.map(\.severity), [.warning])
        XCTAssertTrue(diagnostics[0].message.contains("no bank-holiday calendar found"))
        XCTAssertTrue(try XCTUnwrap(setup).calendar.isWorkingDay(CalendarDate(iso: "2024-05-27")!))
    }

    func testMissingSchemaOrNamedCalendarIsAnError() throws {
        let rules = try pack(in: EngineFixture.folder(self), schema: nil)
        let (noSchema, schemaDiagnostics) = CheckSetup.load(rulePaths: [rules])
        XCTAssertNil(noSchema)
        XCTAssertEqual(schemaDiagnostics.first?.severity, .error)
        XCTAssertEqual(schemaDiagnostics.first?.location.file, rules + "/schema.yaml")

        let other = try pack(in: EngineFixture.folder(self))
        let (noCalendar, calendarDiagnostics) = CheckSetup.load(rulePaths: [other], calendarPath: other + "/nowhere.yaml")
        XCTAssertNil(noCalendar)
        XCTAssertEqual(calendarDiagnostics.map(\.severity), [.error])
    }

    func testRulesInASubfolderUseTheSchemaAndCalendarAboveThem() throws {
        let rules = try pack(in: EngineFixture.folder(self))
        let sub = rules + "/local"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        try EngineFixture.rulesYAML.write(toFile: sub + "/extra.yaml", atomically: true, encoding: .utf8)
        XCTAssertEqual(URL(fileURLWithPath: CheckSetup.packFolder(for: [sub])).standardizedFileURL.path,
                       URL(fileURLWithPath: rules).standardizedFileURL.path)
        let (setup, diagnostics) = CheckSetup.load(rulePaths: [sub + "/extra.yaml"])
        XCTAssertEqual(diagnostics.map(\.description), [])
        XCTAssertEqual(try XCTUnwrap(setup).calendar.name, "Test")
    }

    func testNoSchemaAnywhereSaysHowToNameOne() throws {
        let rules = try pack(in: EngineFixture.folder(self), schema: nil)
        let (setup, diagnostics) = CheckSetup.load(rulePaths: [rules])
        XCTAssertNil(setup)
        XCTAssertEqual(diagnostics.first?.message, "no case schema found beside the rules or in a folder above them")
        XCTAssertEqual(diagnostics.first?.hint, "name one with --schema, e.g. --schema rules/schema.yaml")
    }
}
