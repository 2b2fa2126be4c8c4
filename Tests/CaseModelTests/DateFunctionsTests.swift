import XCTest
import CEL
import CaseModel

/// The date functions called through the registry, as the evaluator calls them: the first
/// overload that accepts the arguments runs.
final class DateFunctionsTests: XCTestCase {
    var registry: FunctionRegistry!

    override func setUpWithError() throws {
        registry = DateFunctions.registry(calendar: try englandAndWales())
    }

    private func call(_ name: String, _ args: Value..., member: Bool = false,
                      file: StaticString = #filePath, line: UInt = #line) -> Value {
        guard let overload = registry.overloads(named: name).first(where: { $0.accepts(args, member: member) }) else {
            XCTFail("no overload of \(name) accepts \(args.map(\.celType))", file: file, line: line)
            return .null
        }
        return overload.implementation(args)
    }

    private func method(_ name: String, _ args: Value..., file: StaticString = #filePath, line: UInt = #line) -> Value {
        guard let overload = registry.overloads(named: name).first(where: { $0.accepts(args, member: true) }) else {
            XCTFail("no method \(name) accepts \(args.map(\.celType))", file: file, line: line)
            return .null
        }
        return overload.implementation(args)
    }

    private func d(_ iso: String) -> Value { .date(day(iso)) }
    private func s(_ text: String) -> Value { .span(try! CalendarSpan(parsing: text)) }

    private func assertDate(_ v: Value, _ iso: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(v.asDate?.isoString, iso, "got \(v)", file: file, line: line)
    }

    private func assertError(_ v: Value, contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        guard case .error(let e) = v else { return XCTFail("expected an error, got \(v)", file: file, line: line) }
        XCTAssertTrue(e.message.contains(text), "message: \(e.message)", file: file, line: line)
    }

    private func assertInt(_ v: Value, _ n: Int64, file: StaticString = #filePath, line: UInt = #line) {
        guard case .int(let i) = v else { return XCTFail("expected an int, got \(v)", file: file, line: line) }
        XCTAssertEqual(i, n, file: file, line: line)
    }

    func testDateFromString() {
        assertDate(call("date", .string("2024-02-29")), "2024-02-29")
        assertError(call("date", .string("2024-02-30")), contains: "February 2024 has 29 days")
        assertError(call("date", .string("2024-2-3")), contains: "YYYY-MM-DD")
        assertError(call("date", .null), contains: "date(): the value is null")
        assertDate(call("date", d("2024-03-01")), "2024-03-01")
    }

    func testDateFromTimestampIsTheUTCDay() {
        let lateEvening = Timestamp(seconds: Int64(day("2024-03-01").dayNumber) * 86_400 + 86_399)
        assertDate(call("date", .timestamp(lateEvening)), "2024-03-01")
        assertDate(call("date", .timestamp(Timestamp(seconds: -1))), "1969-12-31")
        assertDate(call("date", .timestamp(Timestamp(seconds: 0))), "1970-01-01")
    }

    func testSpanConstructor() {
        XCTAssertEqual(call("span", .string("45 working days")).asSpan, CalendarSpan(45, .workingDays))
        assertError(call("span", .string("3 monhts")), contains: "did you mean '3 months'?")
        XCTAssertEqual(call("span", s("2 weeks")).asSpan, CalendarSpan(2, .weeks))
    }

    func testDatePlusAndMinusSpan() {
        assertDate(call("_+_", d("2024-01-31"), s("1 month")), "2024-02-29")
        assertDate(call("_+_", s("1 month"), d("2024-01-31")), "2024-02-29")
        assertDate(call("_+_", d("2024-12-20"), s("10 working days")), "2025-01-08")
        assertDate(call("_-_", d("2025-01-08"), s("10 working days")), "2024-12-20")
        assertDate(call("_+_", d("2024-01-10"), s("3 months")), "2024-04-10")
        assertDate(call("_-_", d("2024-02-29"), s("1 year")), "2023-02-28")
        assertDate(call("_+_", d("2024-12-21"), s("1 working day")), "2024-12-23")
    }

    func testDateAndDuration() {
        assertDate(call("_+_", d("2024-02-28"), .duration(CELDuration(seconds: 86_400))), "2024-02-29")
        assertDate(call("_+_", .duration(CELDuration(seconds: 2 * 86_400)), d("2024-02-28")), "2024-03-01")
        assertDate(call("_-_", d("2024-03-01"), .duration(CELDuration(seconds: 86_400))), "2024-02-29")
        assertError(call("_+_", d("2024-03-01"), .duration(CELDuration(seconds: 36 * 3600))), contains: "whole days")
        assertError(call("_+_", d("2024-03-01"), .duration(CELDuration(seconds: 86_400, nanos: 1))), contains: "whole days")
    }

    func testDateMinusDateIsDays() {
        assertInt(call("_-_", d("2024-03-01"), d("2024-02-01")), 29)
        assertInt(call("_-_", d("2024-02-01"), d("2024-03-01")), -29)
    }

    func testMethods() {
        assertDate(method("addDays", d("2024-02-28"), .int(2)), "2024-03-01")
        assertDate(method("addDays", d("2024-03-01"), .int(-1)), "2024-02-29")
        assertDate(method("addWorkingDays", d("2024-12-20"), .int(10)), "2025-01-08")
        assertDate(method("addWorkingDays", d("2025-04-17"), .int(1)), "2025-04-22")
        assertDate(method("addMonths", d("2024-01-31"), .int(1)), "2024-02-29")
        assertDate(method("addMonths", d("2023-01-31"), .int(1)), "2023-02-28")
        assertDate(method("addYears", d("2024-02-29"), .int(1)), "2025-02-28")
        assertInt(method("year", d("2024-02-29")), 2024)
        assertInt(method("month", d("2024-02-29")), 2)
        assertInt(method("day", d("2024-02-29")), 29)
        assertInt(method("dayOfWeek", d("2024-12-22")), 7)
        assertInt(method("dayOfWeek", d("2024-12-23")), 1)
        XCTAssertEqual(method("isWorkingDay", d("2024-12-25")).asBoolForTest, false)
    }

    func testGlobals() {
        assertInt(call("workingDaysBetween", d("2024-12-20"), d("2025-01-03")), 7)
        assertInt(call("workingDaysBetween", d("2025-01-03"), d("2024-12-20")), -7)
        assertInt(call("daysBetween", d("2024-02-01"), d("2024-03-01")), 29)
        XCTAssertEqual(call("isWorkingDay", d("2025-04-18")).asBoolForTest, false)
        XCTAssertEqual(call("isWorkingDay", d("2025-04-22")).asBoolForTest, true)
        XCTAssertEqual(call("isWorkingDay", d("2024-12-21")).asBoolForTest, false)
    }

    func testStringOfDateAndSpan() {
        guard case .string(let text) = call("string", d("2024-02-29")) else { return XCTFail() }
        XCTAssertEqual(text, "2024-02-29")
        guard case .string(let spanText) = call("string", s("45 working days")) else { return XCTFail() }
        XCTAssertEqual(spanText, "45 working days")
    }

    func testNullWhereADateIsExpectedNamesTheFunction() {
        assertError(call("workingDaysBetween", .null, d("2024-01-01")), contains: "workingDaysBetween(): the first date is null")
        assertError(call("workingDaysBetween", d("2024-01-01"), .null), contains: "workingDaysBetween(): the second date is null")
        assertError(call("workingDaysBetween", .null, .null), contains: "workingDaysBetween()")
        assertError(call("daysBetween", .null, d("2024-01-01")), contains: "daysBetween()")
        assertError(call("isWorkingDay", .null), contains: "isWorkingDay(): the date is null")
        assertError(method("addWorkingDays", .null, .int(3)), contains: "addWorkingDays(): the date is null")
        assertError(method("addDays", .null, .int(3)), contains: "addDays()")
        assertError(method("addMonths", .null, .int(3)), contains: "addMonths()")
        assertError(method("year", .null), contains: "year()")
        assertError(method("dayOfWeek", .null), contains: "dayOfWeek()")
        assertError(call("_+_", .null, s("3 months")), contains: "date + span: the date is null")
        assertError(call("_-_", .null, d("2024-01-01")), contains: "date - date: the first date is null")
        assertError(call("_+_", .null, .duration(CELDuration(seconds: 86_400))), contains: "date + duration")
    }

    func testHugeAmountsAreErrorsNotCrashes() {
        assertError(method("addDays", d("2024-01-01"), .int(.max)), contains: "too large")
        assertError(method("addDays", d("2024-01-01"), .int(.min)), contains: "too large")
        assertError(method("addMonths", d("2024-01-01"), .int(.max)), contains: "too large")
        assertError(method("addYears", d("2024-01-01"), .int(.min)), contains: "too large")
        assertError(method("addWorkingDays", d("2024-01-01"), .int(.max)), contains: "too large")
        assertError(method("addDays", d("9999-12-31"), .int(1)), contains: "outside the years")
        assertError(call("_+_", d("2024-01-01"), .duration(CELDuration(seconds: 315_576_000_000))), contains: "outside the years")
        assertError(call("_-_", d("2024-01-01"), .duration(CELDuration(seconds: Int64.min / 86_400 * 86_400))), contains: "too large")
        assertError(call("_+_", d("9000-01-01"), s("1000000 years")), contains: "outside the years")
    }

    func testOverloadsDeclareResultTypes() {
        XCTAssertEqual(registry.overloads(named: "addWorkingDays").first?.resultType, .opaque("date"))
        XCTAssertEqual(registry.overloads(named: "workingDaysBetween").first?.resultType, .int)
        XCTAssertEqual(registry.overloads(named: "span").first?.resultType, .opaque("span"))
        XCTAssertTrue(registry.overloads(named: "addDays").allSatisfy(\.isMember))
        XCTAssertTrue(registry.overloads(named: "daysBetween").allSatisfy { !$0.isMember })
    }
}

extension Value {
    var asBoolForTest: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}
