import CEL
import CaseModel
import XCTest
@testable import Rules

/// A cadence's `events` are evaluated once a record when they cannot depend on the item,
/// and once an item when they can; either way each item is checked against its own dates.
final class CadenceEventsTests: XCTestCase {
    private func d(_ s: String) -> CalendarDate { Fixture.date(s) }

    private func cadence(events: String) throws -> CompiledRule {
        try Fixture.rule("""
        rules:
          - id: SEEN
            title: Seen every 10 working days
            severity: high
            for_each: child.cp_plans
            as: plan
            cadence:
              events: \(events)
              from: plan.start_date
              until: plan.end_date
              then_every: 10 working days
        """)
    }

    func testEventsOfTheItemAreReadForEachItem() throws {
        let rule = try cadence(events: "plan.reviews")
        XCTAssertFalse(rule.eventsPerRecord, "`plan.reviews` depends on the plan")
        // Both plans start Mon 1 Jan (due Mon 15 Jan); only the first has a review in time.
        let record = Fixture.record("""
        {id: C1, cp_plans: [{id: P1, start_date: 2024-01-01, reviews: [2024-01-10]},
                            {id: P2, start_date: 2024-01-01, reviews: []}]}
        """)
        let findings = rule.check(record: record, asOf: d("2024-01-20"))
        XCTAssertEqual(findings.map(\.item), ["cp_plans[1]"], "the second plan is judged on its own (empty) reviews")
        XCTAssertEqual(findings.first?.due, d("2024-01-15"))
    }

    func testRecordWideEventsAreSharedButEachItemKeepsItsOwnSchedule() throws {
        let rule = try cadence(events: "child.visits.filter(v, v.seen).map(v, v.date)")
        XCTAssertTrue(rule.eventsPerRecord, "visits of the child are the same for every plan")
        // P1 from Mon 1 Jan: the visit of 10 Jan is in time. P2 ran through December with no
        // visit in it: overdue since Fri 15 Dec.
        let record = Fixture.record("""
        {id: C1, cp_plans: [{id: P1, start_date: 2024-01-01}, {id: P2, start_date: 2023-12-01, end_date: 2023-12-31}],
         visits: [{date: 2024-01-10, seen: true}, {date: 2023-12-05, seen: false}]}
        """)
        let findings = rule.check(record: record, asOf: d("2024-01-12"))
        XCTAssertEqual(findings.map(\.item), ["cp_plans[1]"])
        XCTAssertEqual(findings.first?.due, d("2023-12-15"))
    }

    func testAFailingRecordWideExpressionIsAnErrorForEveryItem() throws {
        let rule = try cadence(events: "child.visits.map(v, v.date)")
        XCTAssertTrue(rule.eventsPerRecord)
        let record = Fixture.record("""
        {id: C1, cp_plans: [{id: P1, start_date: 2024-01-01}, {id: P2, start_date: 2024-02-01}], visits: 7}
        """)
        let findings = rule.check(record: record, asOf: d("2024-03-01"))
        XCTAssertEqual(findings.map(\.status), [.error, .error])
        XCTAssertEqual(findings.map(\.item), ["cp_plans[0]", "cp_plans[1]"])
    }
}
