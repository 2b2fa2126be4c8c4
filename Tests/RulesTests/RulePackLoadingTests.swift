import CaseModel
import Dispatch
import Foundation
import XCTest
@testable import Rules

final class RulePackLoadingTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("calendars"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("local"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ path: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    private func rule(_ id: String) -> String {
        "rules:\n  - id: \(id)\n    title: t\n    severity: low\n    expect: \"true\"\n"
    }

    func testDirectoryLoadsRuleFilesSortedSkippingSchemaCalendarsAndWaivers() throws {
        try write("visits.yaml", rule("V"))
        try write("waivers.yaml", "waivers:\n  - fingerprint: 0123456789abcdef\n")
        try write("assessments.yml", rule("A"))
        try write("local/extra.yaml", rule("L"))
        try write("schema.yaml", "child: {fields: {id: string}}\n")
        try write("calendars/england-and-wales.yaml", "not: [rules\n")
        try write("notes.txt", "ignored")
        let (pack, diagnostics) = RulePack.load(paths: [directory.path])
        XCTAssertEqual(diagnostics.map(\.description), [])
        XCTAssertEqual(pack.rules.map(\.id), ["A", "L", "V"])
        XCTAssertEqual(pack.files.map { URL(fileURLWithPath: $0).lastPathComponent }, ["assessments.yml", "extra.yaml", "visits.yaml"])
    }

    func testMissingPathIsADiagnostic() {
        let (pack, diagnostics) = RulePack.load(paths: [directory.appendingPathComponent("nope.yaml").path])
        XCTAssertTrue(pack.rules.isEmpty)
        XCTAssertEqual(diagnostics.map(\.message), ["no such rule file or directory"])
    }

    func testOneBrokenFileDoesNotStopTheOthers() throws {
        try write("a.yaml", "rules:\n  - id: [\n")
        try write("b.yaml", rule("B"))
        let (pack, diagnostics) = RulePack.load(paths: [directory.path])
        XCTAssertEqual(pack.rules.map(\.id), ["B"])
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics[0].location.file.hasSuffix("a.yaml"))
    }

    func testRulesAreUsableFromManyThreadsAtOnce() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: V
            title: t
            severity: low
            for_each: child.cp_plans
            cadence: {events: item.reviews, from: item.start_date, then_every: 1 month}
            message: "{{child.id}} overdue {{late}}"
        """)
        let records = (0..<200).map { n in
            Fixture.record("{id: C\(n), cp_plans: [{start_date: 2024-01-01, reviews: [2024-01-20]}]}")
        }
        let asOf = Fixture.date("2024-03-01")
        let expected = records.map { rule.check(record: $0, asOf: asOf) }
        let results = ResultsBox(count: records.count)
        DispatchQueue.concurrentPerform(iterations: records.count) { n in
            results.set(n, rule.check(record: records[n], asOf: asOf))
        }
        XCTAssertEqual(results.all(), expected)
        XCTAssertEqual(expected.first?.first?.message, "C0 overdue 10 days")
    }

    /// The repository's own schema and calendar, as the CLI loads them.
    func testRulesCheckAgainstTheRepositorySchemaAndCalendar() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let schemaPath = root.appendingPathComponent("rules/schema.yaml").path
        let calendarPath = root.appendingPathComponent("rules/calendars/england-and-wales.yaml").path
        guard FileManager.default.fileExists(atPath: schemaPath), FileManager.default.fileExists(atPath: calendarPath) else {
            throw XCTSkip("rules/schema.yaml or the calendar is not in this checkout")
        }
        let schema = try CaseSchema.load(path: schemaPath).get()
        let calendar = try WorkingDayCalendar.load(path: calendarPath).get()
        try write("assess.yaml", """
        rules:
          - id: ASSESS
            title: Assessments within 45 working days
            severity: high
            for_each: child.assessments
            as: a
            deadline: {start: a.start_date, done: a.authorised_date, within: 45 working days}
            examples:
              - name: Easter counted out
                as_of: 2024-06-01
                expect: pass
                case: {id: C1, assessments: [{id: A1, start_date: 2024-03-01, authorised_date: 2024-05-08}]}
          - id: TYPO
            title: t
            severity: low
            for_each: child.cp_plans
            as: plan
            expect: plan.end_dat == null
        """)
        let (pack, diagnostics) = RulePack.load(paths: [directory.path], schema: schema, calendar: calendar)
        XCTAssertEqual(pack.rules.map(\.id), ["ASSESS"])
        XCTAssertEqual(diagnostics.map(\.hint), ["did you mean 'end_date'?"])
        // 1 March 2024 + 45 working days, skipping Good Friday, Easter Monday and the May Day holiday: 8 May.
        XCTAssertEqual(pack.rules.first?.runExamples().map(\.passed), [true])
    }
}

/// Collects results written from several threads, each to its own index.
private final class ResultsBox: @unchecked Sendable {
    private var values: [[Finding]]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: [], count: count) }

    func set(_ index: Int, _ findings: [Finding]) {
        lock.lock()
        values[index] = findings
        lock.unlock()
    }

    func all() -> [[Finding]] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
