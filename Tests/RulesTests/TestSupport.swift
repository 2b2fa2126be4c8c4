import CEL
import CaseModel
import XCTest
@testable import Rules

/// Shared helpers: dates from text, loading rule text, building records.
enum Fixture {
    static func date(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CalendarDate {
        guard let d = CalendarDate(iso: text) else {
            XCTFail("bad test date \(text)", file: file, line: line)
            return CalendarDate(dayNumber: 0)
        }
        return d
    }

    /// A small case schema in the shape of `rules/schema.yaml`, so absent fields read as null.
    static let schema: CaseSchema = {
        func o(_ name: String, _ fields: [(String, FieldType)]) -> FieldType {
            .object(ObjectSchema(name: name, fields: fields.map { ObjectSchema.Field(name: $0.0, type: $0.1) }))
        }
        let plan = o("cp_plan", [("id", .string), ("start_date", .date), ("end_date", .date), ("reviews", .list(.date)),
                                 ("core_groups", .list(.date))])
        let visit = o("visit", [("date", .date), ("kind", .string), ("seen", .bool), ("seen_alone", .bool)])
        let placement = o("placement", [("id", .string), ("start_date", .date), ("end_date", .date), ("type", .string)])
        let assessment = o("assessment", [("id", .string), ("start_date", .date), ("authorised_date", .date)])
        let episode = o("episode", [("id", .string), ("referral_date", .date), ("closure_date", .date)])
        guard case .object(let child) = o("child", [
            ("id", .string), ("worker", .string), ("team", .string), ("birth_date", .date), ("hours", .double),
            ("cp_plans", .list(plan)), ("visits", .list(visit)), ("placements", .list(placement)),
            ("assessments", .list(assessment)), ("episodes", .list(episode)),
        ]) else { fatalError("unreachable") }
        return CaseSchema(root: child)
    }()

    static func load(_ yaml: String, name: String = "rules.yaml", schema: CaseSchema? = Fixture.schema) -> (RulePack, [Diagnostic]) {
        RulePack.load(sources: [RuleSource(name: name, text: yaml)], schema: schema, calendar: WorkingDayCalendar.weekendsOnly)
    }

    /// Loads rules that must load cleanly.
    static func rules(_ yaml: String, schema: CaseSchema? = Fixture.schema, file: StaticString = #filePath,
                      line: UInt = #line) -> RulePack {
        let (pack, diagnostics) = load(yaml, schema: schema)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [], file: file, line: line)
        return pack
    }

    /// The one rule of rule text that must load cleanly.
    static func rule(_ yaml: String, schema: CaseSchema? = Fixture.schema, file: StaticString = #filePath,
                     line: UInt = #line) throws -> CompiledRule {
        try XCTUnwrap(rules(yaml, schema: schema, file: file, line: line).rules.first, "the rule did not load", file: file, line: line)
    }

    /// A record from YAML written as an example case would be.
    static func record(_ yaml: String, id: String? = nil, file: StaticString = #filePath, line: UInt = #line) -> CaseRecord {
        let wrapped = """
        rules:
          - id: HOLDER
            title: holder
            severity: info
            expect: 'true'
            examples:
              - name: holder
                as_of: 2024-01-01
                expect: pass
                case: \(yaml)
        """
        let (pack, diagnostics) = load(wrapped)
        XCTAssertEqual(diagnostics.map(\.description), [], file: file, line: line)
        let value = pack.rules.first?.definition.examples.first?.records.first ?? .null
        let recordID = id ?? RuleEvaluation.text(value, "id")
        return CaseRecord(id: recordID, value: value, location: SourceLocation(file: "cases.yaml", line: 3))
    }
}
