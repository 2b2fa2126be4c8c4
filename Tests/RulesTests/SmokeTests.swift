import CaseModel
import XCTest
@testable import Rules

final class SmokeTests: XCTestCase {
    func testDesignExampleRuleLoadsAndRuns() {
        let pack = Fixture.rules("""
        rules:
          - id: CP-REVIEW
            title: Review conferences held on time
            severity: high
            area: child-protection
            for_each: child.cp_plans
            as: plan
            when: plan.start_date <= as_of
            cadence:
              events: plan.reviews
              from: plan.start_date
              until: plan.end_date
              first_within: 3 months
              then_every: 6 months
            message: "Review conference overdue since {{due}} ({{late}} late)"
        """)
        XCTAssertEqual(pack.rules.count, 1)
        let record = Fixture.record("{id: X2, worker: Sam, cp_plans: [{start_date: 2024-01-10, reviews: []}]}")
        let findings = pack.rules[0].check(record: record, asOf: Fixture.date("2024-06-01"))
        XCTAssertEqual(findings.map(\.message), ["Review conference overdue since 2024-04-10 (52 days late)"])
        XCTAssertEqual(findings.first?.item, "cp_plans[0]")
        XCTAssertEqual(findings.first?.worker, "Sam")
    }
}
