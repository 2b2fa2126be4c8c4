import CaseModel
import Rules
import XCTest

final class FindingOrderTests: XCTestCase {
    private func finding(_ caseID: String?, _ rule: String, _ item: String? = nil, group: String? = nil) -> Finding {
        Finding(rule: rule, severity: .high, status: .breach, caseID: caseID, item: item, group: group, message: "m",
                due: nil, daysLate: nil, worker: nil, team: nil, location: nil,
                ruleLocation: SourceLocation(file: "r.yaml", line: 1), fingerprint: Fingerprint.of([rule, caseID ?? "", item ?? ""]))
    }

    func testOrdersByCaseRuleThenItemWithNumericPositions() {
        let expected = [finding("A", "R1", "visits[2]"), finding("A", "R1", "visits[10]"), finding("A", "R2"),
                        finding("B", "R1", "cp_plans[0]"), finding("B", "R1", "cp_plans[0].reviews[1]"),
                        finding(nil, "CASELOAD", group: "Kim"), finding(nil, "CASELOAD", group: "Sam")]
        XCTAssertEqual(FindingOrder.sorted(expected.reversed()), expected)
        XCTAssertEqual(FindingOrder.sorted([expected[3], expected[0], expected[6], expected[1], expected[5], expected[2], expected[4]]),
                       expected)
    }

    func testEqualFindingsDoNotPrecedeEachOther() {
        let a = finding("A", "R1", "visits[2]")
        XCTAssertFalse(FindingOrder.precedes(a, a))
    }
}
