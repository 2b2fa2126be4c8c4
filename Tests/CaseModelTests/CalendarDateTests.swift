import XCTest
import Foundation
import CaseModel

final class CalendarDateTests: XCTestCase {
    private func date(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> CalendarDate {
        guard let d = CalendarDate(iso: s) else {
            XCTFail("could not parse \(s)", file: file, line: line)
            return CalendarDate(dayNumber: 0)
        }
        return d
    }

    func testEpochAndKnownDayNumbers() {
        XCTAssertEqual(CalendarDate(iso: "1970-01-01")?.dayNumber, 0)
        XCTAssertEqual(CalendarDate(iso: "1970-01-02")?.dayNumber, 1)
        XCTAssertEqual(CalendarDate(iso: "1969-12-31")?.dayNumber, -1)
        // 2000-03-01 is 11,017 days after the epoch (30 years incl. 7 leap days + Jan/Feb 2000).
        XCTAssertEqual(CalendarDate(iso: "2000-03-01")?.dayNumber, 11_017)
        XCTAssertEqual(CalendarDate(iso: "2024-02-29")?.dayNumber, 19_782)
    }

    func testRoundTripOverFourCenturies() {
        // Every day from 1800 to 2200 parses back to itself and consecutive days differ by one.
        var previous = date("1799-12-31")
        var d = date("1800-01-01")
        let end = date("2200-12-31")
        while d <= end {
            XCTAssertEqual(d.dayNumber, previous.dayNumber + 1)
            let (y, m, day) = d.components
            XCTAssertEqual(CalendarDate(year: y, month: m, day: day), d)
            XCTAssertEqual(CalendarDate(iso: d.isoString), d)
            previous = d
            d = d.addingDays(1)
        }
    }

    func testComponentsAndISOString() {
        let d = date("2024-02-29")
        XCTAssertEqual(d.year, 2024)
        XCTAssertEqual(d.month, 2)
        XCTAssertEqual(d.day, 29)
        XCTAssertEqual(d.isoString, "2024-02-29")
        XCTAssertEqual("\(d)", "2024-02-29")
        XCTAssertEqual(date("0001-01-01").isoString, "0001-01-01")
        XCTAssertEqual(date("9999-12-31").isoString, "9999-12-31")
        XCTAssertEqual(date("0001-01-01").addingDays(-1).isoString, "0000-12-31")
    }

    func testLeapYears() {
        XCTAssertTrue(CalendarDate.isLeapYear(2024))
        XCTAssertTrue(CalendarDate.isLeapYear(2000))
        XCTAssertFalse(CalendarDate.isLeapYear(1900))
        XCTAssertFalse(CalendarDate.isLeapYear(2023))
        XCTAssertNotNil(CalendarDate(iso: "2000-02-29"))
        XCTAssertNil(CalendarDate(iso: "1900-02-29"))
        XCTAssertNil(CalendarDate(iso: "2023-02-29"))
        XCTAssertEqual(date("1900-02-28").addingDays(1).isoString, "1900-03-01")
        XCTAssertEqual(date("2000-02-28").addingDays(1).isoString, "2000-02-29")
        XCTAssertEqual(CalendarDate.daysBetween(date("2024-01-01"), date("2025-01-01")), 366)
        XCTAssertEqual(CalendarDate.daysBetween(date("2023-01-01"), date("2024-01-01")), 365)
    }

    func testDayOfWeek() {
        XCTAssertEqual(date("1970-01-01").dayOfWeek, 4)   // Thursday
        XCTAssertEqual(date("2024-12-25").dayOfWeek, 3)   // Wednesday
        XCTAssertEqual(date("2024-12-23").dayOfWeek, 1)   // Monday
        XCTAssertEqual(date("2024-12-22").dayOfWeek, 7)   // Sunday
        XCTAssertEqual(date("1969-12-28").dayOfWeek, 7)   // Sunday, before the epoch
        XCTAssertTrue(date("2024-12-21").isWeekend)
        XCTAssertFalse(date("2024-12-20").isWeekend)
    }

    func testAddingMonthsClampsToMonthEnd() {
        XCTAssertEqual(date("2024-01-31").addingMonths(1).isoString, "2024-02-29")
        XCTAssertEqual(date("2023-01-31").addingMonths(1).isoString, "2023-02-28")
        XCTAssertEqual(date("2024-03-31").addingMonths(-1).isoString, "2024-02-29")
        XCTAssertEqual(date("2024-08-31").addingMonths(1).isoString, "2024-09-30")
        XCTAssertEqual(date("2024-01-10").addingMonths(3).isoString, "2024-04-10")
        XCTAssertEqual(date("2024-11-15").addingMonths(2).isoString, "2025-01-15")
        XCTAssertEqual(date("2024-01-15").addingMonths(-13).isoString, "2022-12-15")
        XCTAssertEqual(date("2024-05-31").addingMonths(0), date("2024-05-31"))
    }

    func testAddingYears() {
        XCTAssertEqual(date("2024-02-29").addingYears(1).isoString, "2025-02-28")
        XCTAssertEqual(date("2024-02-29").addingYears(4).isoString, "2028-02-29")
        XCTAssertEqual(date("2024-06-01").addingYears(-2).isoString, "2022-06-01")
    }

    func testDaysBetween() {
        XCTAssertEqual(date("2024-01-01").days(to: date("2024-01-03")), 2)
        XCTAssertEqual(date("2024-01-03").days(to: date("2024-01-01")), -2)
        XCTAssertEqual(CalendarDate.daysBetween(date("2024-02-01"), date("2024-03-01")), 29)
    }

    func testStrictParsingRejectsWithReasons() {
        let cases: [(String, String)] = [
            ("2024-02-30", "February 2024 has 29 days"),
            ("2023-02-29", "February 2023 has 28 days"),
            ("2024-04-31", "April 2024 has 30 days"),
            ("2024-13-01", "month 13 does not exist"),
            ("2024-00-10", "month 0 does not exist"),
            ("2024-01-00", "January 2024 has 31 days, not 0"),
            ("0000-01-01", "year 0 is out of range"),
            ("2024-2-3", "YYYY-MM-DD"),
            ("03/02/2024", "YYYY-MM-DD"),
            ("2024-02-03T10:00:00Z", "YYYY-MM-DD"),
            (" 2024-02-03", "YYYY-MM-DD"),
            ("garbage", "YYYY-MM-DD"),
            ("", "YYYY-MM-DD"),
            ("2024-0a-03", "YYYY-MM-DD"),
            ("2024/02/03", "YYYY-MM-DD"),
        ]
        for (text, expected) in cases {
            XCTAssertNil(CalendarDate(iso: text), text)
            XCTAssertThrowsError(try CalendarDate(validatingISO: text), text) { error in
                guard let e = error as? CalendarDateParseError else { return XCTFail("wrong error type for \(text)") }
                XCTAssertTrue(e.message.contains(expected), "\(text): \(e.message)")
                XCTAssertTrue(e.message.contains("'\(text)'"), "message quotes the text: \(e.message)")
            }
        }
    }

    func testParsingFromUTF8Bytes() {
        XCTAssertEqual(CalendarDate(isoUTF8: Array("2024-02-29".utf8)), date("2024-02-29"))
        XCTAssertEqual(CalendarDate(isoUTF8: "2024-02-29".utf8[...]), date("2024-02-29"))
        XCTAssertNil(CalendarDate(isoUTF8: Array("2024-02-30".utf8)))
    }

    func testMemberwiseInitRejectsImpossibleDays() {
        XCTAssertNil(CalendarDate(year: 2024, month: 2, day: 30))
        XCTAssertNil(CalendarDate(year: 2024, month: 0, day: 1))
        XCTAssertEqual(CalendarDate(year: 2024, month: 2, day: 29), date("2024-02-29"))
    }
}

final class CalendarDateExtremesTests: XCTestCase {
    func testAbsurdAmountsSaturateInsteadOfCrashing() {
        let d = CalendarDate(iso: "2024-01-01")!
        XCTAssertEqual(d.addingDays(.max).dayNumber, Int32.max)
        XCTAssertLessThan(d.addingDays(.min).dayNumber, -2_000_000_000)
        XCTAssertGreaterThan(d.addingMonths(.max), d)
        XCTAssertLessThan(d.addingYears(.min), d)
        XCTAssertGreaterThan(WorkingDayCalendar.weekendsOnly.adding(workingDays: .max, to: d), d)
        XCTAssertLessThan(WorkingDayCalendar.weekendsOnly.adding(workingDays: .min, to: d), d)
    }
}

final class CalendarDateCodableTests: XCTestCase {
    struct Holder: Codable, Equatable {
        var due: CalendarDate
        var within: CalendarSpan
    }

    func testEncodesAsISOTextAndSpanAsWritten() throws {
        let holder = Holder(due: CalendarDate(iso: "2024-02-29")!, within: CalendarSpan(45, .workingDays))
        let data = try JSONEncoder().encode(holder)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"2024-02-29\""), text)
        XCTAssertTrue(text.contains("\"45 working days\""), text)
        XCTAssertEqual(try JSONDecoder().decode(Holder.self, from: data), holder)
    }

    func testDecodingBadTextFailsWithTheReason() {
        let bad = Data(#"{"due": "2024-02-30", "within": "3 months"}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(Holder.self, from: bad)) { error in
            XCTAssertTrue("\(error)".contains("February 2024 has 29 days"), "\(error)")
        }
        let badSpan = Data(#"{"due": "2024-02-29", "within": "3 monhts"}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(Holder.self, from: badSpan)) { error in
            XCTAssertTrue("\(error)".contains("did you mean '3 months'?"), "\(error)")
        }
    }

    func testToday() {
        let noonUTC = Date(timeIntervalSince1970: Double(CalendarDate(iso: "2024-06-01")!.dayNumber) * 86_400 + 43_200)
        XCTAssertEqual(CalendarDate.today(in: TimeZone(secondsFromGMT: 0)!, now: noonUTC).isoString, "2024-06-01")
        // 23:30 UTC on 31 May is already 1 June an hour east (British Summer Time).
        let lateEvening = Date(timeIntervalSince1970: Double(CalendarDate(iso: "2024-05-31")!.dayNumber) * 86_400 + 84_600)
        XCTAssertEqual(CalendarDate.today(in: TimeZone(secondsFromGMT: 3600)!, now: lateEvening).isoString, "2024-06-01")
        XCTAssertEqual(CalendarDate.today(in: TimeZone(secondsFromGMT: 0)!, now: lateEvening).isoString, "2024-05-31")
    }

    func testLocationDescription() {
        XCTAssertEqual(SourceLocation(file: "a.yaml", line: 3, column: 5).description, "a.yaml:3:5")
        XCTAssertEqual(SourceLocation(file: "a.yaml", line: 3).description, "a.yaml:3")
        XCTAssertEqual(SourceLocation(file: "a.yaml", line: 0).description, "a.yaml")
    }
}
