import XCTest
@testable import CEL

final class LibraryTimeTests: XCTestCase {
    func testParseAndFormatTimestamps() {
        assertValue(Library.call("int", ts("2009-02-13T23:31:30Z")), .int(1234567890))
        assertValue(Library.call("string", ts("2009-02-13T23:31:30Z")), .string("2009-02-13T23:31:30Z"))
        assertValue(Library.call("string", ts("9999-12-31T23:59:59.999999999Z")), .string("9999-12-31T23:59:59.999999999Z"))
        assertValue(Library.call("string", ts("2009-02-13T23:31:30.500Z")), .string("2009-02-13T23:31:30.5Z"))
        assertValue(Library.call("string", ts("2009-02-14T01:01:30+01:30")), .string("2009-02-13T23:31:30Z"))
        assertValue(Library.call("string", ts("0001-01-01T00:00:00Z")), .string("0001-01-01T00:00:00Z"))
        assertValue(Library.call("string", ts("1969-12-31T23:59:59.25Z")), .string("1969-12-31T23:59:59.25Z"))
        assertValue(Library.call("string", ts("2024-02-29T12:00:00-08:00")), .string("2024-02-29T20:00:00Z"))
    }

    func testBadTimestampText() {
        for bad in ["2009-02-13", "2009-02-13 23:31:30Z", "2009-02-13T23:31:30", "2009-13-01T00:00:00Z",
                    "2023-02-29T00:00:00Z", "2009-02-13T24:00:00Z", "2009-02-13T23:31:30.Z", "x", ""] {
            assertError(ts(bad), .invalidArgument)
        }
    }

    func testTimestampRange() {
        assertError(Library.call("timestamp", .int(-62135596801)), .outOfRange)
        assertError(Library.call("timestamp", .int(253402300800)), .outOfRange)
        assertValue(Library.call("int", Library.call("timestamp", .int(253402300799))), .int(253402300799))
        assertError(ts("0001-01-01T00:00:00+01:00"), .outOfRange)
    }

    func testDurationParsing() {
        assertValue(Library.call("string", dur("1h2m3.5s")), .string("3723.5s"))
        assertValue(Library.call("string", dur("-1.5s")), .string("-1.5s"))
        assertValue(Library.call("string", dur("100ns")), .string("0.0000001s"))
        assertValue(Library.call("string", dur("1000000s")), .string("1000000s"))
        assertValue(Library.call("string", dur("2h")), .string("7200s"))
        assertValue(Library.call("string", dur("1.5ms")), .string("0.0015s"))
        assertValue(Library.call("string", dur("3us")), .string("0.000003s"))
        assertValue(Library.call("string", dur("3µs")), .string("0.000003s"))
        assertValue(Library.call("string", dur("0")), .string("0s"))
        assertValue(Library.call("string", dur("+.5m")), .string("30s"))
        assertValue(Library.call("int", dur("-9223372036854775808ns")), .int(.min))
    }

    func testBadDurations() {
        assertError(dur("1d"), .invalidArgument)
        assertError(dur("1"), .invalidArgument)
        assertError(dur(""), .invalidArgument)
        assertError(dur("-"), .invalidArgument)
        assertError(dur("s"), .invalidArgument)
        assertError(dur("1h 2m"), .invalidArgument)
        assertError(dur("-200000000000s"), .outOfRange)
        assertError(dur("9223372036854775808ns"), .outOfRange)
        assertError(dur("99999999999999999999h"), .outOfRange)
    }

    func testTimestampAccessorsInUTC() {
        let t = ts("2009-02-13T23:31:30Z")
        assertValue(Library.method("getFullYear", t), .int(2009))
        assertValue(Library.method("getMonth", t), .int(1))
        assertValue(Library.method("getDate", t), .int(13))
        assertValue(Library.method("getDayOfMonth", t), .int(12))
        assertValue(Library.method("getDayOfWeek", t), .int(5))
        assertValue(Library.method("getDayOfYear", t), .int(43))
        assertValue(Library.method("getHours", t), .int(23))
        assertValue(Library.method("getMinutes", t), .int(31))
        assertValue(Library.method("getSeconds", t), .int(30))
        assertValue(Library.method("getMilliseconds", ts("2009-02-13T23:31:20.123456789Z")), .int(123))
        // Before the epoch, fields must not go negative.
        let early = ts("1969-12-31T23:59:59Z")
        assertValue(Library.method("getFullYear", early), .int(1969))
        assertValue(Library.method("getHours", early), .int(23))
        assertValue(Library.method("getDayOfWeek", early), .int(3))
        assertValue(Library.method("getDayOfYear", ts("2024-12-31T00:00:00Z")), .int(365))
    }

    func testTimestampAccessorsWithTimeZones() {
        let t = ts("2009-02-13T23:31:30Z")
        assertValue(Library.method("getDate", t, .string("Australia/Sydney")), .int(14))
        assertValue(Library.method("getDayOfMonth", t, .string("US/Central")), .int(12))
        assertValue(Library.method("getDayOfMonth", t, .string("+11:00")), .int(13))
        assertValue(Library.method("getHours", t, .string("02:00")), .int(1))
        assertValue(Library.method("getMinutes", t, .string("Asia/Kathmandu")), .int(16))
        assertValue(Library.method("getSeconds", t, .string("-00:00")), .int(30))
        assertValue(Library.method("getFullYear", t, .string("-09:30")), .int(2009))
        assertValue(Library.method("getDayOfWeek", t, .string("UTC")), .int(5))
        let early = ts("2009-02-13T02:00:00Z")
        assertValue(Library.method("getDayOfMonth", early, .string("-02:30")), .int(11))
        assertValue(Library.method("getDayOfMonth", early, .string("America/St_Johns")), .int(11))
        assertValue(Library.method("getHours", early, .string("-02:30")), .int(23))
        // Daylight saving: London is UTC+1 in July, UTC in January.
        assertValue(Library.method("getHours", ts("2024-07-01T12:00:00Z"), .string("Europe/London")), .int(13))
        assertValue(Library.method("getHours", ts("2024-01-01T12:00:00Z"), .string("Europe/London")), .int(12))
    }

    func testUnknownTimeZonesAndBadOffsets() {
        let t = ts("2009-02-13T23:31:30Z")
        assertError(Library.method("getHours", t, .string("Mars/Olympus_Mons")), .invalidArgument, mentioning: "unknown time zone")
        assertError(Library.method("getHours", t, .string("+25:00")), .invalidArgument)
        assertError(Library.method("getHours", t, .string("+1:0")), .invalidArgument)
        assertError(Library.method("getHours", t, .string("ab:cd")), .invalidArgument)
        assertError(Library.method("getHours", t, .int(1)), .noSuchOverload)
    }

    func testDurationAccessorsGiveTotals() {
        assertValue(Library.method("getHours", dur("10000s")), .int(2))
        assertValue(Library.method("getMinutes", dur("3730s")), .int(62))
        assertValue(Library.method("getSeconds", dur("3730s")), .int(3730))
        assertValue(Library.method("getMilliseconds", dur("123.321456789s")), .int(123321))
        assertValue(Library.method("getMinutes", dur("-90s")), .int(-1))
    }

    func testArithmetic() {
        assertValue(Library.call("_+_", ts("2009-02-13T23:00:00Z"), dur("240s")), ts("2009-02-13T23:04:00Z"))
        assertValue(Library.call("_+_", dur("120s"), ts("2009-02-13T23:01:00Z")), ts("2009-02-13T23:03:00Z"))
        assertValue(Library.call("_+_", dur("600s"), dur("50s")), dur("650s"))
        assertValue(Library.call("_+_", ts("0001-01-01T00:00:01.000000001Z"), dur("-999999999ns")), ts("0001-01-01T00:00:00.000000002Z"))
        assertValue(Library.call("_+_", ts("0001-01-01T00:00:01.999999999Z"), dur("999999999ns")), ts("0001-01-01T00:00:02.999999998Z"))
        assertValue(Library.call("_-_", ts("2009-02-13T23:10:00Z"), dur("600s")), ts("2009-02-13T23:00:00Z"))
        assertValue(Library.call("_-_", dur("900s"), dur("42s")), dur("858s"))
        assertValue(Library.call("_-_", ts("2009-02-13T23:10:00Z"), ts("2009-02-13T23:00:00.5Z")), dur("599.5s"))
        assertValue(Library.call("-_", dur("1.5s")), dur("-1.5s"))
    }

    func testArithmeticRangeErrors() {
        assertError(Library.call("_+_", ts("0001-01-01T00:00:00Z"), dur("-1s")), .outOfRange)
        assertError(Library.call("_+_", ts("0001-01-01T00:00:00Z"), dur("-1ns")), .outOfRange)
        assertError(Library.call("_+_", ts("9999-12-31T23:59:59Z"), dur("1s")), .outOfRange)
        assertError(Library.call("_-_", ts("9999-12-31T23:59:59Z"), ts("0001-01-01T00:00:00Z")), .outOfRange)
        assertError(Library.call("_+_", dur("-9000000000s"), dur("-9000000000s")), .outOfRange)
        assertError(Library.call("_-_", dur("-9000000000s"), dur("9000000000s")), .outOfRange)
        assertError(Library.call("-_", dur("-9223372036854775808ns")), .outOfRange)
    }
}
