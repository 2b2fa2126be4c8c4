import CaseModel
import CaseSources
import Foundation
import Rules
import XCTest

/// A small schema and rule pack, and case files written to a temporary folder.
enum EngineFixture {
    static let schemaYAML = """
    child:
      fields:
        id: {type: string, required: true}
        worker: string
        team: string
        birth_date: date
        cp_plans:
          type: list
          fields:
            id: string
            start_date: date
            end_date: date
            reviews: {type: list, items: date}
        visits:
          type: list
          fields:
            date: date
            seen: bool
    """

    static let rulesYAML = """
    rules:
      - id: CP-REVIEW
        title: Review conferences held on time
        severity: high
        for_each: child.cp_plans
        as: plan
        cadence:
          events: plan.reviews
          from: plan.start_date
          until: plan.end_date
          first_within: 3 months
          then_every: 6 months
      - id: BIRTH-DATE
        title: Birth date recorded
        severity: low
        expect: has(child.birth_date)
      - id: THIRD-VISIT-SEEN
        title: Child seen at the third visit
        severity: medium
        expect: child.visits[2].seen
      - id: CASELOAD
        title: Caseload per worker
        severity: medium
        aggregate: {group_by: child.worker, count: true, max: 3}
        message: "{{group}} holds {{value}} cases"
    """

    static var schema: CaseSchema {
        try! CaseSchema(yaml: schemaYAML, file: "schema.yaml")
    }

    static func pack(_ yaml: String = rulesYAML, file: StaticString = #filePath, line: UInt = #line) -> RulePack {
        let (pack, diagnostics) = RulePack.load(sources: [RuleSource(name: "rules.yaml", text: yaml)],
                                                schema: schema.root, calendar: WeekdayCalendar())
        XCTAssertEqual(diagnostics.map(\.description), [], file: file, line: line)
        return pack
    }

    static let asOf = CalendarDate(iso: "2024-06-01")!

    /// A fresh temporary folder, removed when the test ends.
    static func folder(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("engine-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Writes NDJSON lines to `name` in `folder` and returns its path.
    static func write(_ lines: [String], to name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A child of `worker` with a plan that is reviewed late or not, and three visits.
    static func child(_ id: String, worker: String, reviewed: Bool, birthDate: Bool = true, thirdSeen: Bool = true) -> String {
        let reviews = reviewed ? "[\"2024-03-01\"]" : "[]"
        let birth = birthDate ? ", \"birth_date\": \"2015-05-05\"" : ""
        return """
        {"id": "\(id)", "worker": "\(worker)"\(birth), "cp_plans": [{"id": "P1", "start_date": "2024-01-10", "reviews": \(reviews)}], \
        "visits": [{"date": "2024-01-12", "seen": true}, {"date": "2024-02-12", "seen": true}, {"date": "2024-03-12", "seen": \(thirdSeen)}]}
        """
    }
}
