import CaseModel
import XCTest
@testable import Rules

final class DeadlineCheckTests: XCTestCase {
    private let calendar = WorkingDayCalendar.weekendsOnly
    private func d(_ s: String) -> CalendarDate { Fixture.date(s) }

    private func check(start: String, done: String?, within: CalendarSpan, warn: CalendarSpan? = nil,
                       asOf: String) -> CheckOutcome? {
        DeadlineCheck.evaluate(start: d(start), done: done.map(d), within: within, warnWithin: warn,
                               asOf: d(asOf), calendar: calendar)
    }

    func testDoneExactlyOnTheDueDateIsOnTime() {
        XCTAssertNil(check(start: "2024-01-10", done: "2024-01-20", within: CalendarSpan(10, .days), asOf: "2024-06-01"))
    }

    func testDoneTheDayAfterTheDueDateIsABreachOneDayLate() {
        let o = check(start: "2024-01-10", done: "2024-01-21", within: CalendarSpan(10, .days), asOf: "2024-06-01")
        XCTAssertEqual(o, CheckOutcome(status: .breach, due: d("2024-01-20"), daysLate: 1))
    }

    func testNotDoneAndPastDueIsOverdueCountedToAsOf() {
        let o = check(start: "2024-01-10", done: nil, within: CalendarSpan(1, .months), asOf: "2024-02-15")
        XCTAssertEqual(o, CheckOutcome(status: .overdue, due: d("2024-02-10"), daysLate: 5))
    }

    func testNotDoneOnTheDueDateItselfIsNotYetOverdue() {
        XCTAssertNil(check(start: "2024-01-10", done: nil, within: CalendarSpan(1, .months), asOf: "2024-02-10"))
    }

    func testDueWithinTheWarningWindowIsDueSoon() {
        let o = check(start: "2024-01-10", done: nil, within: CalendarSpan(1, .months), warn: CalendarSpan(7, .days),
                      asOf: "2024-02-05")
        XCTAssertEqual(o, CheckOutcome(status: .dueSoon, due: d("2024-02-10"), value: 5))
        XCTAssertNil(check(start: "2024-01-10", done: nil, within: CalendarSpan(1, .months), warn: CalendarSpan(7, .days),
                           asOf: "2024-02-02"))
    }

    func testWorkingDaysSkipWeekends() {
        // Friday 2024-03-01 + 45 working days = Friday 2024-05-03 (no bank holidays in this calendar).
        XCTAssertNil(check(start: "2024-03-01", done: "2024-05-03", within: CalendarSpan(45, .workingDays), asOf: "2024-06-01"))
        let o = check(start: "2024-03-01", done: "2024-05-06", within: CalendarSpan(45, .workingDays), asOf: "2024-06-01")
        XCTAssertEqual(o?.due, d("2024-05-03"))
        XCTAssertEqual(o?.daysLate, 3)
    }
}
