import Foundation
import Reports
import Rules
import XCTest

final class ReportOrderTests: XCTestCase {
    private func finding(_ child: String?, _ rule: String, item: String? = nil, late: Int? = nil) -> Finding {
        Fixtures.finding(rule, .medium, .breach, child: child, item: item, group: child == nil ? "g" : nil, message: "m", late: late)
    }

    func testCanonicalOrderIsChildRuleItemWithNumbersAsNumbers() {
        let expected = [
            finding("C1", "A", item: "visits[2]"),
            finding("C1", "A", item: "visits[10]"),
            finding("C1", "B", item: "visits[1]"),
            finding("C10", "A"),
            finding("C2", "A"),
            finding(nil, "A"),
        ]
        for shuffled in [expected.reversed(), Array(expected.dropFirst(3) + expected.prefix(3))] {
            XCTAssertEqual(shuffled.sorted(by: ReportOrder.canonical).map { "\($0.caseID ?? "-") \($0.rule) \($0.item ?? "")" },
                           expected.map { "\($0.caseID ?? "-") \($0.rule) \($0.item ?? "")" })
        }
    }

    func testLongDigitRunsCompareWithoutOverflow() {
        let small = finding("C1", "A", item: "x[99999999999999999999998]")
        let large = finding("C1", "A", item: "x[99999999999999999999999]")
        let longer = finding("C1", "A", item: "x[100000000000000000000000]")
        XCTAssertEqual([longer, large, small].sorted(by: ReportOrder.canonical).map(\.item), [small.item, large.item, longer.item])
    }

    func testLatenessOrderPutsMostLateFirstAndUnknownLast() {
        let findings = [finding("C1", "A", late: nil), finding("C2", "A", late: 3), finding("C3", "A", late: 40), finding("C4", "A", late: -2)]
        XCTAssertEqual(findings.sorted(by: ReportOrder.byLateness).map(\.caseID), ["C3", "C2", "C4", "C1"])
    }
}
