import CaseModel
import Foundation
import XCTest
@testable import Rules

final class FindingTests: XCTestCase {
    private func d(_ s: String) -> CalendarDate { Fixture.date(s) }

    private let overdueRule = """
    rules:
      - id: REVIEW
        title: Reviews on time
        severity: high
        for_each: child.cp_plans
        cadence: {events: item.reviews, from: item.start_date, until: item.end_date, then_every: 1 month}
        message: "overdue by {{late}}"
    """

    func testFingerprintIsStableAcrossRunDatesAndMessages() throws {
        let rule = try Fixture.rule(overdueRule)
        let record = Fixture.record("{id: C1, cp_plans: [{id: P9, start_date: 2024-01-01}]}")
        let early = rule.check(record: record, asOf: d("2024-02-05"))
        let later = rule.check(record: record, asOf: d("2024-02-20"))
        XCTAssertEqual(early.count, 1)
        XCTAssertNotEqual(early.first?.message, later.first?.message)
        XCTAssertEqual(early.first?.fingerprint, later.first?.fingerprint)
        XCTAssertEqual(early.first?.fingerprint.count, 16)
    }

    func testFingerprintFollowsTheItemIdNotItsPosition() throws {
        let rule = try Fixture.rule(overdueRule)
        let one = Fixture.record("{id: C1, cp_plans: [{id: P9, start_date: 2024-01-01}]}")
        let moved = Fixture.record("{id: C1, cp_plans: [{id: P1, start_date: 2023-01-01, end_date: 2023-01-10}, {id: P9, start_date: 2024-01-01}]}")
        let a = rule.check(record: one, asOf: d("2024-03-01")), b = rule.check(record: moved, asOf: d("2024-03-01"))
        XCTAssertEqual(a.map(\.item), ["cp_plans[0]"])
        XCTAssertEqual(b.map(\.item), ["cp_plans[1]"])
        XCTAssertEqual(a.map(\.fingerprint), b.map(\.fingerprint))
    }

    func testFingerprintsDifferByRuleCaseItemAndMissedEvent() throws {
        let rule = try Fixture.rule(overdueRule)
        let c1 = Fixture.record("{id: C1, cp_plans: [{start_date: 2024-01-01, reviews: [2024-03-01]}, {start_date: 2024-01-01}]}")
        let c2 = Fixture.record("{id: C2, cp_plans: [{start_date: 2024-01-01, reviews: [2024-03-01]}, {start_date: 2024-01-01}]}")
        let all = rule.check(record: c1, asOf: d("2024-05-01")) + rule.check(record: c2, asOf: d("2024-05-01"))
        // Per child: plan 0 late once (breach) then overdue again; plan 1 overdue.
        XCTAssertEqual(all.count, 6)
        XCTAssertEqual(Set(all.map(\.fingerprint)).count, 6)
        XCTAssertEqual(Fingerprint.of(["a", "bc"]) == Fingerprint.of(["ab", "c"]), false)
    }

    func testFindingCarriesWorkerTeamAndLocations() throws {
        let rule = try Fixture.rule(overdueRule)
        var record = Fixture.record("{id: C1, worker: Ann, team: North, cp_plans: [{start_date: 2024-01-01}]}")
        record.itemLines = ["cp_plans[0]": 14]
        let f = try XCTUnwrap(rule.check(record: record, asOf: d("2024-03-01")).first)
        XCTAssertEqual(f.worker, "Ann")
        XCTAssertEqual(f.team, "North")
        XCTAssertEqual(f.location, SourceLocation(file: "cases.yaml", line: 14))
        XCTAssertEqual(f.ruleLocation, SourceLocation(file: "rules.yaml", line: 2, column: 5))
        XCTAssertEqual(f.caseID, "C1")
        XCTAssertEqual(f.severity, .high)
    }

    func testJSONUsesTheDesignFieldNamesAndRoundTrips() throws {
        let finding = Finding(rule: "R", severity: .critical, status: .dueSoon, caseID: "C1", item: "visits[2]", group: nil,
                              message: "m", due: d("2024-02-29"), daysLate: 0, worker: "Ann", team: nil,
                              location: SourceLocation(file: "c.yaml", line: 3), ruleLocation: SourceLocation(file: "r.yaml", line: 7),
                              fingerprint: "00ff")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(finding), as: UTF8.self)
        XCTAssertEqual(json, #"{"case":"C1","days_late":0,"due":"2024-02-29","fingerprint":"00ff","item":"visits[2]","location":{"column":0,"file":"c.yaml","line":3},"message":"m","rule":"R","rule_location":{"column":0,"file":"r.yaml","line":7},"severity":"critical","status":"due_soon","worker":"Ann"}"#)
        XCTAssertEqual(try JSONDecoder().decode(Finding.self, from: Data(json.utf8)), finding)
        XCTAssertThrowsError(try JSONDecoder().decode(Finding.self, from: Data(json.replacingOccurrences(of: "2024-02-29", with: "2023-02-29").utf8)))
    }

    func testSeverityOrder() {
        XCTAssertEqual(Severity.allCases.sorted(), [.info, .low, .medium, .high, .critical])
        XCTAssertTrue(Severity.critical > .high)
        XCTAssertFalse(Severity.low >= .medium)
    }
}
