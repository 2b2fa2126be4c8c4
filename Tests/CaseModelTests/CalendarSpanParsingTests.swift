import XCTest
import CEL
import CaseModel

final class CalendarSpanParsingTests: XCTestCase {
    func testAcceptedForms() throws {
        let cases: [(String, CalendarSpan)] = [
            ("45 working days", CalendarSpan(45, .workingDays)),
            ("1 working day", CalendarSpan(1, .workingDays)),
            ("10 days", CalendarSpan(10, .days)),
            ("1 day", CalendarSpan(1, .days)),
            ("6 weeks", CalendarSpan(6, .weeks)),
            ("1 week", CalendarSpan(1, .weeks)),
            ("3 months", CalendarSpan(3, .months)),
            ("1 month", CalendarSpan(1, .months)),
            ("2 years", CalendarSpan(2, .years)),
            ("1 year", CalendarSpan(1, .years)),
            ("  45   Working   DAYS ", CalendarSpan(45, .workingDays)),
            ("3 MONTHS", CalendarSpan(3, .months)),
            ("3\tmonths", CalendarSpan(3, .months)),
            ("3months", CalendarSpan(3, .months)),
            ("0 days", CalendarSpan(0, .days)),
            ("2 month", CalendarSpan(2, .months)),
            ("-1 week", CalendarSpan(-1, .weeks)),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try CalendarSpan(parsing: text), expected, text)
        }
    }

    func testDescriptionReadsBackAsWritten() throws {
        for text in ["45 working days", "1 working day", "6 weeks", "1 month", "2 years", "1 day"] {
            XCTAssertEqual(try CalendarSpan(parsing: text).description, text)
        }
    }

    private func assertRejects(_ text: String, messageContains: String, suggestion: String?,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try CalendarSpan(parsing: text), file: file, line: line) { error in
            guard let e = error as? CalendarSpanParseError else { return XCTFail("wrong error type", file: file, line: line) }
            XCTAssertTrue(e.message.contains(messageContains), "\(text): \(e.message)", file: file, line: line)
            XCTAssertEqual(e.suggestion, suggestion, text, file: file, line: line)
            if let suggestion {
                XCTAssertEqual(e.hint, "did you mean '\(suggestion)'?", file: file, line: line)
                XCTAssertTrue(e.description.contains("did you mean '\(suggestion)'?"), file: file, line: line)
            } else {
                XCTAssertNil(e.hint, file: file, line: line)
            }
        }
    }

    func testMisspeltUnitSuggestsTheUnit() {
        assertRejects("3 monhts", messageContains: "'monhts' is not a unit", suggestion: "3 months")
        assertRejects("6 weeeks", messageContains: "not a unit", suggestion: "6 weeks")
        assertRejects("45 working dyas", messageContains: "not a unit", suggestion: "45 working days")
        assertRejects("2 yeras", messageContains: "not a unit", suggestion: "2 years")
    }

    func testSynonymsSuggestTheAcceptedUnit() {
        assertRejects("45 workdays", messageContains: "'workdays' is not a unit", suggestion: "45 working days")
        assertRejects("10 business days", messageContains: "not a unit", suggestion: "10 working days")
        assertRejects("6w", messageContains: "not a unit", suggestion: "6 weeks")
        assertRejects("3 mths", messageContains: "not a unit", suggestion: "3 months")
    }

    func testNumberInWordsSuggestsDigits() {
        assertRejects("three months", messageContains: "number in digits", suggestion: "3 months")
        assertRejects("a year", messageContains: "number in digits", suggestion: "1 year")
        assertRejects("ten working days", messageContains: "number in digits", suggestion: "10 working days")
    }

    func testOtherBadInput() {
        assertRejects("", messageContains: "empty", suggestion: nil)
        assertRejects("   ", messageContains: "empty", suggestion: nil)
        assertRejects("45", messageContains: "no unit", suggestion: "45 days")
        assertRejects("months", messageContains: "needs a number", suggestion: "1 month")
        assertRejects("1.5 months", messageContains: "whole number", suggestion: nil)
        assertRejects("soon", messageContains: "not a duration", suggestion: nil)
        assertRejects("3 fortnights", messageContains: "not a unit", suggestion: nil)
        assertRejects("+3 months", messageContains: "not a duration", suggestion: nil)
        assertRejects("99999999 days", messageContains: "too large", suggestion: nil)
        assertRejects("6 weeks.", messageContains: "not a unit", suggestion: "6 weeks")
    }

    func testSpanValueEqualityAndOrdering() {
        let three = SpanValue(CalendarSpan(3, .months)), year = SpanValue(CalendarSpan(1, .years))
        XCTAssertTrue(three.isEqual(to: SpanValue(CalendarSpan(3, .months))))
        XCTAssertFalse(three.isEqual(to: year))
        XCTAssertEqual(three.compare(to: year), -1)
        XCTAssertEqual(SpanValue(CalendarSpan(12, .months)).compare(to: year), 0)
        XCTAssertEqual(SpanValue(CalendarSpan(2, .weeks)).compare(to: SpanValue(CalendarSpan(14, .days))), 0)
        XCTAssertEqual(SpanValue(CalendarSpan(15, .days)).compare(to: SpanValue(CalendarSpan(2, .weeks))), 1)
        XCTAssertNil(three.compare(to: SpanValue(CalendarSpan(90, .days))))
        XCTAssertNil(SpanValue(CalendarSpan(5, .workingDays)).compare(to: SpanValue(CalendarSpan(1, .weeks))))
        XCTAssertEqual(three.textDescription, "3 months")
        XCTAssertEqual(Value.span(CalendarSpan(3, .months)).asSpan, CalendarSpan(3, .months))
        XCTAssertEqual(Value.span(CalendarSpan(3, .months)).celType, .opaque("span"))
        XCTAssertNil(Value.int(3).asSpan)
    }
}
