import XCTest
import CaseModel

final class WorkingDayCalendarTests: XCTestCase {
    var calendar: WorkingDayCalendar!

    override func setUpWithError() throws {
        calendar = try englandAndWales()
    }

    func testShippedCalendarCovers2015To2030() {
        XCTAssertEqual(calendar.name, "England and Wales")
        XCTAssertEqual(calendar.coveredYears, 2015...2030)
        XCTAssertTrue(calendar.covers(day("2015-01-01")))
        XCTAssertTrue(calendar.covers(day("2030-12-31")))
        XCTAssertFalse(calendar.covers(day("2014-12-31")))
        XCTAssertFalse(calendar.covers(day("2031-01-01")))
        // Eight bank holidays a year, plus the one-offs of 2022 (two) and 2023 (one).
        for year in 2015...2030 {
            let count = calendar.holidays.keys.filter { $0.year == year }.count
            XCTAssertEqual(count, year == 2022 ? 10 : year == 2023 ? 9 : 8, "\(year)")
        }
    }

    func testOneOffAndMovedHolidays() {
        XCTAssertEqual(calendar.holidayName(on: day("2020-05-08")), "Early May bank holiday (VE day)")
        XCTAssertTrue(calendar.isWorkingDay(day("2020-05-04")))     // the usual first Monday, moved
        XCTAssertFalse(calendar.isWorkingDay(day("2022-06-02")))    // spring bank holiday, moved
        XCTAssertFalse(calendar.isWorkingDay(day("2022-06-03")))    // Platinum Jubilee
        XCTAssertTrue(calendar.isWorkingDay(day("2022-05-30")))     // the usual last Monday, moved
        XCTAssertFalse(calendar.isWorkingDay(day("2022-09-19")))    // State Funeral
        XCTAssertFalse(calendar.isWorkingDay(day("2023-05-08")))    // Coronation
        XCTAssertFalse(calendar.isWorkingDay(day("2023-05-01")))    // early May, still held
    }

    func testSubstituteDays() {
        XCTAssertFalse(calendar.isWorkingDay(day("2015-12-28")))    // Boxing Day on Saturday
        XCTAssertFalse(calendar.isWorkingDay(day("2016-12-27")))    // Christmas on Sunday
        XCTAssertFalse(calendar.isWorkingDay(day("2017-01-02")))    // New Year's Day on Sunday
        XCTAssertFalse(calendar.isWorkingDay(day("2021-12-27")))
        XCTAssertFalse(calendar.isWorkingDay(day("2021-12-28")))
        XCTAssertFalse(calendar.isWorkingDay(day("2022-01-03")))
        XCTAssertFalse(calendar.isWorkingDay(day("2027-12-28")))
        XCTAssertTrue(calendar.isWorkingDay(day("2021-12-29")))
    }

    func testEasterFromTheComputusInProjectedYears() {
        // Easter Sunday 2029 is 1 April, 2030 is 21 April.
        XCTAssertEqual(calendar.holidayName(on: day("2029-03-30")), "Good Friday")
        XCTAssertEqual(calendar.holidayName(on: day("2029-04-02")), "Easter Monday")
        XCTAssertEqual(calendar.holidayName(on: day("2030-04-19")), "Good Friday")
        XCTAssertEqual(calendar.holidayName(on: day("2030-04-22")), "Easter Monday")
    }

    func testChristmas2024() {
        // (Fri 20 Dec, Fri 3 Jan]: 23, 24, 27, 30, 31 Dec, 2, 3 Jan; 25, 26 Dec and 1 Jan are holidays.
        XCTAssertEqual(calendar.workingDaysBetween(day("2024-12-20"), day("2025-01-03")), 7)
        XCTAssertEqual(calendar.workingDaysBetween(day("2025-01-03"), day("2024-12-20")), -7)
        XCTAssertEqual(calendar.adding(workingDays: 10, to: day("2024-12-20")), day("2025-01-08"))
        XCTAssertEqual(calendar.adding(workingDays: 3, to: day("2024-12-23")), day("2024-12-30"))
        XCTAssertEqual(calendar.adding(workingDays: -3, to: day("2024-12-30")), day("2024-12-23"))
        XCTAssertFalse(calendar.isWorkingDay(day("2024-12-25")))
        XCTAssertFalse(calendar.isWorkingDay(day("2024-12-26")))
        XCTAssertTrue(calendar.isWorkingDay(day("2024-12-24")))
    }

    func testEaster2025() {
        // Good Friday 18 April, Easter Monday 21 April.
        XCTAssertEqual(calendar.workingDaysBetween(day("2025-04-14"), day("2025-04-25")), 7)
        XCTAssertEqual(calendar.adding(workingDays: 1, to: day("2025-04-17")), day("2025-04-22"))
        XCTAssertEqual(calendar.adding(workingDays: -1, to: day("2025-04-22")), day("2025-04-17"))
        XCTAssertEqual(calendar.workingDaysBetween(day("2025-04-17"), day("2025-04-22")), 1)
    }

    func testStartingOnAWeekendOrHoliday() {
        // The start day never counts: Saturday + 1 working day is Monday, - 1 is Friday.
        XCTAssertEqual(calendar.adding(workingDays: 1, to: day("2024-12-21")), day("2024-12-23"))
        XCTAssertEqual(calendar.adding(workingDays: 1, to: day("2024-12-22")), day("2024-12-23"))
        XCTAssertEqual(calendar.adding(workingDays: -1, to: day("2024-12-21")), day("2024-12-20"))
        XCTAssertEqual(calendar.adding(workingDays: 0, to: day("2024-12-21")), day("2024-12-21"))
        // Easter Sunday and Good Friday: the next working day is Tuesday.
        XCTAssertEqual(calendar.adding(workingDays: 1, to: day("2025-04-20")), day("2025-04-22"))
        XCTAssertEqual(calendar.adding(workingDays: 1, to: day("2025-04-18")), day("2025-04-22"))
        XCTAssertEqual(calendar.workingDaysBetween(day("2024-12-21"), day("2024-12-22")), 0)
        XCTAssertEqual(calendar.workingDaysBetween(day("2024-12-21"), day("2024-12-23")), 1)
        // 45 working days from a Saturday referral.
        let due = calendar.adding(workingDays: 45, to: day("2024-03-02"))
        XCTAssertEqual(calendar.workingDaysBetween(day("2024-03-02"), due), 45)
        XCTAssertTrue(calendar.isWorkingDay(due))
    }

    func testOutsideCoveredYearsOnlyWeekendsCount() {
        // 2031 is not covered: 1 January 2031 (Wednesday) counts as a working day.
        XCTAssertTrue(calendar.isWorkingDay(day("2031-01-01")))
        XCTAssertFalse(calendar.isWorkingDay(day("2031-01-04")))
        XCTAssertEqual(calendar.workingDaysBetween(day("2030-12-20"), day("2031-01-10")), 13)
        XCTAssertEqual(calendar.adding(workingDays: 13, to: day("2030-12-20")), day("2031-01-10"))
        XCTAssertEqual(calendar.adding(workingDays: -13, to: day("2031-01-10")), day("2030-12-20"))
        // 2014 is not covered: its Christmas counts as working days.
        XCTAssertEqual(calendar.workingDaysBetween(day("2014-12-24"), day("2015-01-05")), 7)
        XCTAssertEqual(calendar.adding(workingDays: 7, to: day("2014-12-24")), day("2015-01-05"))
        XCTAssertEqual(calendar.workingDaysBetween(day("1999-01-01"), day("1999-01-08")), 5)
        XCTAssertEqual(calendar.adding(workingDays: 5, to: day("1999-01-01")), day("1999-01-08"))
    }

    func testCoveredYearsDefaultToTheHolidaysYears() {
        let cal = WorkingDayCalendar(name: "t", holidays: [day("2020-12-25"): "Christmas Day", day("2022-12-26"): "Boxing Day"])
        XCTAssertEqual(cal.coveredYears, 2020...2022)
        XCTAssertFalse(cal.isWorkingDay(day("2020-12-25")))
        XCTAssertEqual(cal.workingDaysBetween(day("2020-12-24"), day("2020-12-28")), 1)
        // A holiday outside explicitly covered years does not count.
        let narrow = WorkingDayCalendar(name: "t", holidays: [day("2020-12-25"): "Christmas Day"], coveredYears: 2021...2021)
        XCTAssertTrue(narrow.isWorkingDay(day("2020-12-25")))
        XCTAssertEqual(narrow.workingDaysBetween(day("2020-12-24"), day("2020-12-28")), 2)
    }

    func testWeekendsOnlyCalendar() {
        let plain = WorkingDayCalendar.weekendsOnly
        XCTAssertNil(plain.coveredYears)
        XCTAssertTrue(plain.isWorkingDay(day("2024-12-25")))
        XCTAssertEqual(plain.workingDaysBetween(day("2024-12-20"), day("2025-01-03")), 10)
        XCTAssertEqual(plain.adding(workingDays: 10, to: day("2024-12-20")), day("2025-01-03"))
        XCTAssertEqual(plain.adding(workingDays: -10, to: day("2025-01-03")), day("2024-12-20"))
    }

    /// Counts and additions agree with day-by-day stepping, across the covered range's edges.
    func testAgreesWithStepping() {
        var rng = SystemRandomNumberGenerator()
        let lo = Int(day("2013-06-01").dayNumber), hi = Int(day("2032-06-01").dayNumber)
        for _ in 0..<400 {
            let a = CalendarDate(dayNumber: Int32(Int.random(in: lo...hi, using: &rng)))
            let n = Int.random(in: -80...80, using: &rng)
            // Step one day at a time.
            var d = a, remaining = abs(n)
            while remaining > 0 {
                d = d.addingDays(n > 0 ? 1 : -1)
                if calendar.isWorkingDay(d) { remaining -= 1 }
            }
            XCTAssertEqual(calendar.adding(workingDays: n, to: a), d, "\(a) + \(n) working days")
            let b = a.addingDays(Int.random(in: -120...120, using: &rng))
            var count = 0
            if a <= b {
                var x = a.addingDays(1)
                while x <= b { if calendar.isWorkingDay(x) { count += 1 }; x = x.addingDays(1) }
            } else {
                var x = b.addingDays(1)
                while x <= a { if calendar.isWorkingDay(x) { count -= 1 }; x = x.addingDays(1) }
            }
            XCTAssertEqual(calendar.workingDaysBetween(a, b), count, "\(a) to \(b)")
        }
    }

    func testAddingSpans() {
        XCTAssertEqual(calendar.adding(CalendarSpan(45, .workingDays), to: day("2024-12-20")),
                       calendar.adding(workingDays: 45, to: day("2024-12-20")))
        XCTAssertEqual(day("2024-01-31").adding(CalendarSpan(1, .months), in: calendar), day("2024-02-29"))
        XCTAssertEqual(day("2024-01-10").adding(CalendarSpan(6, .weeks), in: calendar), day("2024-02-21"))
        XCTAssertEqual(day("2024-01-10").adding(CalendarSpan(10, .days), in: calendar), day("2024-01-20"))
        XCTAssertEqual(day("2024-02-29").adding(CalendarSpan(1, .years), in: calendar), day("2025-02-28"))
        XCTAssertEqual(day("2024-12-20").adding(CalendarSpan(1, .workingDays), in: calendar), day("2024-12-23"))
        XCTAssertEqual(day("2024-12-27").subtracting(CalendarSpan(1, .workingDays), in: calendar), day("2024-12-24"))
        XCTAssertEqual(day("2024-03-31").subtracting(CalendarSpan(1, .months), in: calendar), day("2024-02-29"))
        XCTAssertEqual(day("2024-01-10").subtracting(CalendarSpan(2, .weeks), in: calendar), day("2023-12-27"))
    }
}
