import CaseModel
import XCTest
@testable import Rules

final class DurationAndOverlapCheckTests: XCTestCase {
    private let calendar = WorkingDayCalendar.weekendsOnly
    private func d(_ s: String) -> CalendarDate { Fixture.date(s) }

    func testClosedBeforeTheMinimumIsAPrematureClosure() {
        let o = DurationCheck.evaluate(start: d("2024-01-10"), end: d("2024-02-01"), min: CalendarSpan(3, .months), max: nil,
                                       asOf: d("2024-06-01"), calendar: calendar)
        XCTAssertEqual(o, CheckOutcome(status: .breach, due: d("2024-04-10"), daysLate: 69, value: 22))
    }

    func testClosedExactlyAtTheMinimumIsFine() {
        XCTAssertNil(DurationCheck.evaluate(start: d("2024-01-10"), end: d("2024-04-10"), min: CalendarSpan(3, .months),
                                            max: nil, asOf: d("2024-06-01"), calendar: calendar))
    }

    func testOpenSpanShorterThanTheMinimumIsNotPremature() {
        XCTAssertNil(DurationCheck.evaluate(start: d("2024-01-10"), end: nil, min: CalendarSpan(3, .months), max: nil,
                                            asOf: d("2024-02-01"), calendar: calendar))
    }

    func testOpenSpanIsMeasuredToAsOfForDrift() {
        XCTAssertNil(DurationCheck.evaluate(start: d("2022-01-10"), end: nil, min: nil, max: CalendarSpan(2, .years),
                                            asOf: d("2024-01-10"), calendar: calendar))
        let o = DurationCheck.evaluate(start: d("2022-01-10"), end: nil, min: nil, max: CalendarSpan(2, .years),
                                       asOf: d("2024-01-15"), calendar: calendar)
        XCTAssertEqual(o?.status, .breach)
        XCTAssertEqual(o?.due, d("2024-01-10"))
        XCTAssertEqual(o?.daysLate, 5)
    }

    func testClosedSpanLongerThanTheMaximumIsDrift() {
        let o = DurationCheck.evaluate(start: d("2022-01-10"), end: d("2024-03-01"), min: nil, max: CalendarSpan(2, .years),
                                       asOf: d("2025-01-01"), calendar: calendar)
        XCTAssertEqual(o?.daysLate, 51)
    }

    private func span(_ s: String, _ e: String?) -> OverlapCheck.Span { OverlapCheck.Span(start: d(s), end: e.map(d)) }

    func testHandoverOnTheSameDayIsNotAnOverlap() {
        XCTAssertTrue(OverlapCheck.overlappingPairs([span("2024-01-01", "2024-03-01"), span("2024-03-01", nil)],
                                                    asOf: d("2024-06-01")).isEmpty)
    }

    func testOverlappingClosedSpansAreFoundWhateverTheirOrder() {
        let pairs = OverlapCheck.overlappingPairs([span("2024-03-01", "2024-05-01"), span("2024-01-01", "2024-03-15")],
                                                  asOf: d("2024-06-01"))
        XCTAssertEqual(pairs.map { [$0.0, $0.1] }, [[0, 1]])
    }

    func testOpenSpanRunsToAsOf() {
        let spans = [span("2024-01-01", nil), span("2024-04-01", "2024-05-01")]
        XCTAssertEqual(OverlapCheck.overlappingPairs(spans, asOf: d("2024-06-01")).count, 1)
        // Before the second span starts, the open one has not reached it yet.
        XCTAssertEqual(OverlapCheck.overlappingPairs(spans, asOf: d("2024-03-01")).count, 0)
    }

    func testEveryOverlappingPairIsReportedOnce() {
        let spans = [span("2024-01-01", "2024-12-31"), span("2024-02-01", "2024-03-01"), span("2024-02-15", "2024-04-01"),
                     span("2025-01-01", nil)]
        let pairs = OverlapCheck.overlappingPairs(spans, asOf: d("2025-06-01")).map { [$0.0, $0.1] }
        XCTAssertEqual(pairs, [[0, 1], [0, 2], [1, 2]])
    }

    func testAggregateBounds() {
        XCTAssertNil(AggregateBounds.excess(20, min: nil, max: 20))
        XCTAssertEqual(AggregateBounds.excess(21, min: nil, max: 20), 1)
        XCTAssertEqual(AggregateBounds.excess(2, min: 5, max: 20), -3)
        XCTAssertNil(AggregateBounds.excess(5, min: 5, max: nil))
    }
}
