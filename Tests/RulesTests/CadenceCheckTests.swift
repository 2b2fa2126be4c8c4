import CaseModel
import XCTest
@testable import Rules

final class CadenceCheckTests: XCTestCase {
    private let calendar = WorkingDayCalendar.weekendsOnly
    private func d(_ s: String) -> CalendarDate { Fixture.date(s) }
    private let reviews: [ScheduleStep] = [.within(CalendarSpan(3, .months)), .every(CalendarSpan(6, .months), for: nil)]

    private func lapses(from: String, until: String? = nil, events: [String], schedule: [ScheduleStep]? = nil,
                        asOf: String) -> [CheckOutcome] {
        CadenceCheck.evaluate(from: d(from), until: until.map(d), events: events.map(d), schedule: schedule ?? reviews,
                              asOf: d(asOf), calendar: calendar)
    }

    func testEventsExactlyOnTheirDueDatesAreOnTime() {
        XCTAssertEqual(lapses(from: "2024-01-10", events: ["2024-04-10", "2024-10-10"], asOf: "2025-04-10"), [])
    }

    func testAnEventOneDayAfterItsDueDateIsABreach() {
        let found = lapses(from: "2024-01-10", events: ["2024-04-11"], asOf: "2024-06-01")
        XCTAssertEqual(found.map(\.status), [.breach])
        XCTAssertEqual(found.first?.due, d("2024-04-10"))
        XCTAssertEqual(found.first?.daysLate, 1)
    }

    func testNoEventsAtAllIsOverdueFromTheFirstDueDate() {
        let found = lapses(from: "2024-01-10", events: [], asOf: "2024-06-01")
        XCTAssertEqual(found, [CheckOutcome(status: .overdue, due: d("2024-04-10"), daysLate: 52, occurrence: "2024-04-10")])
    }

    func testNoEventsButFirstNotYetDueFindsNothing() {
        XCTAssertEqual(lapses(from: "2024-01-10", events: [], asOf: "2024-04-10"), [])
    }

    func testOpenTimelineIsCheckedUpToAsOf() {
        // Reviewed on time, then nothing: the next review was due 6 months later.
        let found = lapses(from: "2024-01-10", events: ["2024-03-01"], asOf: "2024-10-01")
        XCTAssertEqual(found.map(\.status), [.overdue])
        XCTAssertEqual(found.first?.due, d("2024-09-01"))
        XCTAssertEqual(found.first?.daysLate, 30)
    }

    func testEventsOutOfOrderAreSortedFirst() {
        let inOrder = lapses(from: "2024-01-10", events: ["2024-03-01", "2024-08-01", "2025-01-15"], asOf: "2025-03-01")
        let shuffled = lapses(from: "2024-01-10", events: ["2025-01-15", "2024-03-01", "2024-08-01"], asOf: "2025-03-01")
        XCTAssertEqual(inOrder, [])
        XCTAssertEqual(shuffled, inOrder)
    }

    func testClosedTimelineEndingBeforeTheNextDueDateFindsNothing() {
        XCTAssertEqual(lapses(from: "2024-01-10", until: "2024-04-01", events: [], asOf: "2025-01-01"), [])
    }

    func testClosedTimelineThatRanPastADueDateIsABreachToItsEnd() {
        let found = lapses(from: "2024-01-10", until: "2024-05-10", events: [], asOf: "2025-01-01")
        XCTAssertEqual(found, [CheckOutcome(status: .breach, due: d("2024-04-10"), daysLate: 30, occurrence: "2024-04-10")])
    }

    func testEveryLateGapIsItsOwnLapse() {
        let found = lapses(from: "2024-01-10", events: ["2024-05-01", "2024-12-01"], asOf: "2025-01-01")
        XCTAssertEqual(found.map(\.due), [d("2024-04-10"), d("2024-11-01")])
        XCTAssertEqual(found.map(\.daysLate), [21, 30])
        XCTAssertEqual(Set(found.compactMap(\.occurrence)).count, 2, "each lapse must be told apart in fingerprints")
    }

    func testEventsBeforeTheStartDoNotCount() {
        let found = lapses(from: "2024-01-10", events: ["2023-12-01"], asOf: "2024-05-01")
        XCTAssertEqual(found.map(\.status), [.overdue])
    }

    func testSteppedScheduleUsesTheIntervalOfThePhaseTheLastEventFellIn() {
        // Within 1 week, then every 6 weeks for the first year, then every 3 months.
        let schedule: [ScheduleStep] = [.within(CalendarSpan(1, .weeks)),
                                        .every(CalendarSpan(6, .weeks), for: CalendarSpan(1, .years)),
                                        .every(CalendarSpan(3, .months), for: nil)]
        // First visit on day 7 (on time), then every 6 weeks exactly: all fine.
        var visits = ["2024-01-08"]
        var last = d("2024-01-08")
        while true {
            let next = last.addingDays(42)
            if next >= d("2025-01-01") { break }
            visits.append(next.isoString)
            last = next
        }
        // last is 2024-12-09, still in the first year: the next is due 6 weeks later, 2025-01-20.
        XCTAssertEqual(lapses(from: "2024-01-01", events: visits, schedule: schedule, asOf: "2025-01-20"), [])
        let late = lapses(from: "2024-01-01", events: visits, schedule: schedule, asOf: "2025-01-21")
        XCTAssertEqual(late.map(\.due), [d("2025-01-20")])
        // A visit made in the second year allows 3 months until the next.
        let second = visits + ["2025-01-20"]
        XCTAssertEqual(lapses(from: "2024-01-01", events: second, schedule: schedule, asOf: "2025-04-20"), [])
        XCTAssertEqual(lapses(from: "2024-01-01", events: second, schedule: schedule, asOf: "2025-04-21").map(\.due),
                       [d("2025-04-20")])
    }

    func testSteppedScheduleFirstEventLateWithinAWeek() {
        let schedule: [ScheduleStep] = [.within(CalendarSpan(1, .weeks)), .every(CalendarSpan(6, .weeks), for: nil)]
        let found = lapses(from: "2024-01-01", events: ["2024-01-10"], schedule: schedule, asOf: "2024-01-20")
        XCTAssertEqual(found, [CheckOutcome(status: .breach, due: d("2024-01-08"), daysLate: 2, occurrence: "2024-01-08")])
    }

    func testScheduleWhoseLastStepEndsRequiresNothingAfterIt() {
        let schedule: [ScheduleStep] = [.within(CalendarSpan(10, .days)), .every(CalendarSpan(10, .days), for: CalendarSpan(1, .months))]
        // The last visit falls after the month: nothing more is required.
        XCTAssertEqual(lapses(from: "2024-01-01", events: ["2024-01-10", "2024-01-20", "2024-01-30", "2024-02-05"],
                              schedule: schedule, asOf: "2024-12-01"), [])
    }
}
