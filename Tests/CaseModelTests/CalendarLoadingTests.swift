import XCTest
import CaseModel

final class CalendarLoadingTests: XCTestCase {
    private func load(_ yaml: String) -> LoadResult<WorkingDayCalendar> {
        WorkingDayCalendar.parse(yaml: yaml, file: "cal.yaml")
    }

    private func assertDiagnostic(_ result: LoadResult<WorkingDayCalendar>, line: Int, column: Int, contains text: String,
                                  severity: Diagnostic.Severity = .error, hint: String? = nil,
                                  file: StaticString = #filePath, testLine: UInt = #line) {
        let match = result.diagnostics.first { $0.location.line == line && $0.message.contains(text) }
        guard let match else {
            return XCTFail("no diagnostic at line \(line) containing '\(text)'; got:\n\(result.diagnostics)", file: file, line: testLine)
        }
        XCTAssertEqual(match.location.file, "cal.yaml", file: file, line: testLine)
        XCTAssertEqual(match.location.column, column, "\(match)", file: file, line: testLine)
        XCTAssertEqual(match.severity, severity, file: file, line: testLine)
        if let hint { XCTAssertEqual(match.hint, hint, file: file, line: testLine) }
    }

    func testSmallValidCalendar() throws {
        let cal = try WorkingDayCalendar(yaml: """
            name: Test
            bank_holidays:
              2024:
                2024-12-25: Christmas Day
                2024-12-26: Boxing Day
            """, file: "cal.yaml")
        XCTAssertEqual(cal.name, "Test")
        XCTAssertEqual(cal.coveredYears, 2024...2024)
        XCTAssertEqual(cal.holidayName(on: day("2024-12-26")), "Boxing Day")
        XCTAssertEqual(cal.workingDaysBetween(day("2024-12-24"), day("2024-12-27")), 1)
    }

    func testBadDateIsReportedWithPositionAndOthersStillChecked() {
        let result = load("""
            name: Test
            bank_holidays:
              2024:
                2024-02-30: Not a day
                2024-13-01: Nor this
                2024-12-25: Christmas Day
            """)
        XCTAssertNil(result.value)
        XCTAssertEqual(result.errors.count, 2)
        assertDiagnostic(result, line: 4, column: 5, contains: "February 2024 has 29 days")
        assertDiagnostic(result, line: 5, column: 5, contains: "month 13 does not exist")
        XCTAssertThrowsError(try result.get()) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("cal.yaml:4:5: error:"), text)
        }
    }

    func testDateUnderTheWrongYear() {
        let result = load("""
            name: Test
            bank_holidays:
              2024:
                2025-01-01: New Year's Day
            """)
        assertDiagnostic(result, line: 4, column: 5, contains: "listed under 2024", hint: "move it under 2025 or correct the year")
    }

    func testWeekendHoliday() {
        let result = load("""
            name: Test
            bank_holidays:
              2022:
                2022-12-25: Christmas Day
            """)
        assertDiagnostic(result, line: 4, column: 5, contains: "is a Sunday")
    }

    func testUnknownKeyHasDidYouMean() {
        let result = load("""
            name: Test
            bank_holiday:
              2024:
                2024-12-25: Christmas Day
            """)
        assertDiagnostic(result, line: 2, column: 1, contains: "unknown key 'bank_holiday'", hint: "did you mean 'bank_holidays'?")
        XCTAssertTrue(result.diagnostics.contains { $0.message.contains("no 'bank_holidays'") })
    }

    func testMissingNameAndNameless() {
        let result = load("""
            bank_holidays:
              2024:
                2024-12-25:
            """)
        XCTAssertTrue(result.diagnostics.contains { $0.message.contains("no 'name'") })
        assertDiagnostic(result, line: 3, column: 16, contains: "needs a name")
    }

    func testBadYearAndBadShapes() {
        let result = load("""
            name: Test
            bank_holidays:
              twenty:
                2024-12-25: Christmas Day
              2025: [2025-12-25]
            """)
        assertDiagnostic(result, line: 3, column: 3, contains: "'twenty' is not a year")
        assertDiagnostic(result, line: 5, column: 9, contains: "must be written 'YYYY-MM-DD: name'")
        let notMapping = load("- a\n- b\n")
        assertDiagnostic(notMapping, line: 1, column: 1, contains: "must be a mapping")
        let badList = load("name: Test\nbank_holidays: [2024-12-25]\n")
        assertDiagnostic(badList, line: 2, column: 16, contains: "'bank_holidays' must list years")
    }

    func testGapYearIsAWarning() throws {
        let result = load("""
            name: Test
            bank_holidays:
              2023:
                2023-12-25: Christmas Day
              2025:
                2025-12-25: Christmas Day
            """)
        XCTAssertFalse(result.hasErrors)
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertEqual(result.diagnostics.first?.severity, .warning)
        XCTAssertTrue(result.diagnostics.first?.message.contains("2024") ?? false)
        XCTAssertEqual(try result.get().coveredYears, 2023...2025)
    }

    func testDuplicateDateReportedAtTheRepeat() {
        let result = load("""
            name: Test
            bank_holidays:
              2024:
                2024-12-25: Christmas Day
                2024-12-26: Boxing Day
                2024-12-25: Christmas again
                2024-02-30: bad
            """)
        assertDiagnostic(result, line: 6, column: 5, contains: "'2024-12-25' appears more than once")
        // Loading went on after the repeat and found the bad date below it.
        assertDiagnostic(result, line: 7, column: 5, contains: "February 2024 has 29 days")
    }

    func testMalformedYAMLAndEmptyFile() {
        let result = load("name: Test\nbank_holidays:\n  2024:\n    - [unclosed\n")
        XCTAssertNil(result.value)
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertTrue(result.diagnostics[0].message.contains("not valid YAML"), result.diagnostics[0].message)
        XCTAssertGreaterThan(result.diagnostics[0].location.line, 1)
        let empty = load("")
        XCTAssertTrue(empty.diagnostics.first?.message.contains("empty") ?? false)
    }

    func testMissingFile() {
        let result = WorkingDayCalendar.load(path: "/nonexistent/calendar.yaml")
        XCTAssertNil(result.value)
        XCTAssertTrue(result.diagnostics.first?.message.contains("cannot read the calendar file") ?? false)
        XCTAssertEqual(result.diagnostics.first?.location.file, "/nonexistent/calendar.yaml")
    }
}
