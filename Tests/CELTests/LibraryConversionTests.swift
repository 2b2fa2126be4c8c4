import XCTest
@testable import CEL

final class LibraryConversionTests: XCTestCase {
    func testIntFromEachKind() {
        assertValue(Library.call("int", .int(7)), .int(7))
        assertValue(Library.call("int", .uint(0)), .int(0))
        assertValue(Library.call("int", .double(-123.456)), .int(-123))
        assertValue(Library.call("int", .double(11.5)), .int(11))
        assertValue(Library.call("int", .double(-3.5)), .int(-3))
        assertValue(Library.call("int", .double(36028797018963968)), .int(36028797018963968))
        assertValue(Library.call("int", .string("987")), .int(987))
        assertValue(Library.call("int", .string("-42")), .int(-42))
        assertValue(Library.call("int", ts("2004-09-16T23:59:59Z")), .int(1095379199))
        assertValue(Library.call("int", dur("1.5s")), .int(1_500_000_000))
    }

    func testIntRangeAndParseErrors() {
        assertError(Library.call("int", .uint(.max)), .outOfRange)
        assertError(Library.call("int", .double(9223372036854775807.0)), .outOfRange)
        assertError(Library.call("int", .double(-9223372036854775808.0)), .outOfRange)
        assertError(Library.call("int", .double(1e99)), .outOfRange)
        assertError(Library.call("int", .double(.nan)), .outOfRange)
        assertError(Library.call("int", .string("12a")), .invalidArgument, mentioning: "12a")
        assertError(Library.call("int", .string(" 1")), .invalidArgument)
        assertError(Library.call("int", .string("99999999999999999999")), .invalidArgument)
        assertError(Library.call("int", .bool(true)), .noSuchOverload)
    }

    func testUint() {
        assertValue(Library.call("uint", .int(5)), .uint(5))
        assertValue(Library.call("uint", .double(3.14159265)), .uint(3))
        assertValue(Library.call("uint", .double(25.5)), .uint(25))
        assertValue(Library.call("uint", .string("300")), .uint(300))
        assertError(Library.call("uint", .int(-1)), .outOfRange)
        assertError(Library.call("uint", .double(6.022e23)), .outOfRange)
        assertError(Library.call("uint", .double(-0.5)), .outOfRange)
        assertError(Library.call("uint", .string("-1")), .invalidArgument)
        assertError(Library.call("uint", .string("+1")), .invalidArgument)
    }

    func testDouble() {
        assertValue(Library.call("double", .int(-9007199254740992)), .double(-9007199254740992))
        assertValue(Library.call("double", .uint(.max)), .double(1.8446744073709552e19))
        assertValue(Library.call("double", .string("6.02214e23")), .double(6.02214e23))
        assertValue(Library.call("double", .string("-5.43e-21")), .double(-5.43e-21))
        assertValue(Library.call("double", .string("123")), .double(123))
        assertValue(Library.call("double", .string("NaN")), .double(.nan))
        assertValue(Library.call("double", .string("-Infinity")), .double(-.infinity))
        assertError(Library.call("double", .string("1e400")), .outOfRange)
        assertError(Library.call("double", .string("one")), .invalidArgument)
        assertError(Library.call("double", .string(" 1.5")), .invalidArgument)
        assertError(Library.call("double", .string("")), .invalidArgument)
    }

    func testStringOfNumbersUsesCelGoFormatting() {
        assertValue(Library.call("string", .int(-456)), .string("-456"))
        assertValue(Library.call("string", .uint(9876)), .string("9876"))
        assertValue(Library.call("string", .double(123.456)), .string("123.456"))
        assertValue(Library.call("string", .double(-4.5e-3)), .string("-0.0045"))
        assertValue(Library.call("string", .double(1e-5)), .string("1e-05"))
        assertValue(Library.call("string", .double(100000)), .string("100000"))
        assertValue(Library.call("string", .double(1e6)), .string("1e+06"))
        assertValue(Library.call("string", .double(123456789)), .string("1.23456789e+08"))
        assertValue(Library.call("string", .double(0)), .string("0"))
        assertValue(Library.call("string", .double(1.5)), .string("1.5"))
        assertValue(Library.call("string", .double(.infinity)), .string("+Inf"))
        assertValue(Library.call("string", .double(1e300)), .string("1e+300"))
        assertValue(Library.call("string", .bool(false)), .string("false"))
    }

    func testStringAndBytes() {
        assertValue(Library.call("string", .bytes([0xC3, 0xBF])), .string("ÿ"))
        assertError(Library.call("string", .bytes([0x00, 0xFF])), .invalidArgument, mentioning: "UTF-8")
        assertError(Library.call("string", .bytes([0xED, 0xA0, 0x80])), .invalidArgument)
        assertValue(Library.call("bytes", .string("ÿ")), .bytes([0xC3, 0xBF]))
        assertValue(Library.call("bytes", .string("")), .bytes([]))
        assertValue(Library.call("bytes", .bytes([1, 2])), .bytes([1, 2]))
    }

    func testBoolFromString() {
        for t in ["1", "t", "T", "true", "TRUE", "True"] { assertValue(Library.call("bool", .string(t)), .bool(true)) }
        for f in ["0", "f", "F", "false", "FALSE", "False"] { assertValue(Library.call("bool", .string(f)), .bool(false)) }
        for bad in ["TrUe", "FaLsE", "yes", "", " true"] { assertError(Library.call("bool", .string(bad)), .invalidArgument) }
        assertValue(Library.call("bool", .bool(true)), .bool(true))
        assertError(Library.call("bool", .int(1)), .noSuchOverload)
    }

    func testIdentityConversions() {
        assertValue(Library.call("timestamp", ts("2009-02-13T23:31:30Z")), ts("2009-02-13T23:31:30Z"))
        assertValue(Library.call("duration", dur("5s")), dur("5s"))
        assertValue(Library.call("string", .string("x")), .string("x"))
        assertValue(Library.call("double", .double(5.5)), .double(5.5))
        assertValue(Library.call("uint", .uint(1)), .uint(1))
    }
}
