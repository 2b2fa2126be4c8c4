import XCTest
@testable import CEL

final class LibraryFormatTests: XCTestCase {
    private func format(_ template: String, _ args: Value...) -> Value {
        Library.method("format", .string(template), .list(args))
    }

    func testSubstitutionAndPercentEscapes() {
        assertValue(format("no substitution"), .string("no substitution"))
        assertValue(format("str is %s and some more", .string("filler")), .string("str is filler and some more"))
        assertValue(format("%% and also %%"), .string("% and also %"))
        assertValue(format("%%%s%%", .string("text")), .string("%text%"))
        assertValue(format("%d %s", .int(1), .string("A")), .string("1 A"))
        assertValue(format("©%s", .string("α")), .string("©α"))
    }

    func testNumericClauses() {
        assertValue(format("%.3f", .double(1.2345)), .string("1.234"))
        assertValue(format("%f", .int(2)), .string("2.000000"))
        assertValue(format("%f", .uint(3)), .string("3.000000"))
        assertValue(format("%.0f", .double(2.5)), .string("2"))
        assertValue(format("%.0f", .double(1.5)), .string("2"))
        assertValue(format("%.3f", .double(-123.4994)), .string("-123.499"))
        assertValue(format("%e", .double(2.71828)), .string("2.718280e+00"))
        assertValue(format("%.6e", .double(1052.032911275)), .string("1.052033e+03"))
        assertValue(format("%e", .uint(3)), .string("3.000000e+00"))
        assertValue(format("%b", .int(5)), .string("101"))
        assertValue(format("%b", .bool(true)), .string("1"))
        assertValue(format("%o", .int(11)), .string("13"))
        assertValue(format("%o", .uint(65535)), .string("177777"))
        assertValue(format("%x", .int(30)), .string("1e"))
        assertValue(format("%X", .int(30)), .string("1E"))
        assertValue(format("%x", .int(-30)), .string("-1e"))
        assertValue(format("%X", .uint(6000)), .string("1770"))
        assertValue(format("%x", .string("Hello world!")), .string("48656c6c6f20776f726c6421"))
        assertValue(format("%X", .bytes(Array("byte string".utf8))), .string("6279746520737472696E67"))
        assertValue(format("%d", .uint(64)), .string("64"))
    }

    func testNonFiniteDoubles() {
        assertValue(format("%e", .double(.nan)), .string("NaN"))
        assertValue(format("%f", .double(.infinity)), .string("Infinity"))
        assertValue(format("%d", .double(-.infinity)), .string("-Infinity"))
        assertValue(format("%s", .list([.double(.nan), .double(.infinity), .double(-.infinity)])), .string("[NaN, Infinity, -Infinity]"))
    }

    func testStringClauseOnEveryKind() {
        assertValue(format("%s", .null), .string("null"))
        assertValue(format("%s", .int(999999999999)), .string("999999999999"))
        assertValue(format("%s", .bytes(Array("xyz".utf8))), .string("xyz"))
        assertValue(format("%s", .type(.string)), .string("string"))
        assertValue(format("%s, %s", .bool(true), .double(56.8)), .string("true, 56.8"))
        assertValue(format("%s", .double(1e20)), .string("100000000000000000000"))
        assertValue(format("%s", ts("2009-11-10T23:00:00Z")), .string("2009-11-10T23:00:00Z"))
        assertValue(format("%s", dur("8747s")), .string("8747s"))
        assertValue(format("%s", .list([.string("abc"), .double(3.14), .null, .list([.int(9), .int(8)]), ts("2023-02-03T23:31:20Z")])),
                    .string("[abc, 3.14, null, [9, 8], 2023-02-03T23:31:20Z]"))
        let map = MapValue([(.string("strKey"), .string("x")), (.int(6), dur("422s")), (.bool(true), .int(42))])!
        assertValue(format("%s", .map(map)), .string("{6: 422s, strKey: x, true: 42}"))
    }

    func testErrors() {
        assertError(format("%a", .int(1)), .invalidArgument, mentioning: "unrecognized formatting clause \"a\"")
        assertError(format("%E", .double(0.5)), .invalidArgument, mentioning: "unrecognized")
        assertError(format("%d %d %d", .int(0), .int(1)), .outOfRange, mentioning: "index 2 out of range")
        assertError(format("%d", dur("30m2s")), .invalidArgument, mentioning: "google.protobuf.Duration")
        assertError(format("double is %x", .double(0.5)), .invalidArgument, mentioning: "hex")
        assertError(format("null: %d", .null), .invalidArgument, mentioning: "null_type")
        assertError(format("null: %e", .null), .invalidArgument)
        assertError(format("null: %f", .null), .invalidArgument)
        assertError(format("null: %b", .null), .invalidArgument)
        assertError(format("null: %o", .null), .invalidArgument)
        assertError(format("trailing %"), .invalidArgument)
        assertError(format("%.3", .double(1)), .invalidArgument)
        assertError(format("%.100000f", .double(1)), .invalidArgument, mentioning: "too large")
    }
}
