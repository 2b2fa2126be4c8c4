import XCTest
@testable import CEL

final class LibraryMathTests: XCTestCase {
    func testGreatestAndLeastKeepTheWinnersType() {
        assertValue(Library.call("math.greatest", .int(-5)), .int(-5))
        assertValue(Library.call("math.greatest", .int(-7), .int(5)), .int(5))
        assertValue(Library.call("math.greatest", .int(1), .double(1.0)), .int(1))
        assertValue(Library.call("math.greatest", .uint(5), .int(-7)), .uint(5))
        assertValue(Library.call("math.greatest", .int(-3), .uint(3)), .uint(3))
        assertValue(Library.call("math.greatest", .double(5.4), .int(10), .uint(3), .double(-5.0), .int(.max)), .int(.max))
        assertValue(Library.call("math.greatest", .double(5.4), .int(10), .uint(3), .double(-5.0), .uint(.max)), .uint(.max))
        assertValue(Library.call("math.greatest", .double(1.797693e308), .int(1)), .double(1.797693e308))
        assertValue(Library.call("math.least", .int(1), .int(.min)), .int(.min))
        assertValue(Library.call("math.least", .double(5.4), .int(10), .uint(3), .double(-5.0), .double(1.797693e308)), .double(-5.0))
        assertValue(Library.call("math.least", .uint(.max), .uint(1)), .uint(1))
        // An int just above a double's value: exact comparison, no rounding through double.
        assertValue(Library.call("math.greatest", .double(9007199254740992), .int(9007199254740993)), .int(9007199254740993))
    }

    func testListForms() {
        assertValue(Library.call("math.greatest", .list([.double(5.4), .double(10.5), .uint(3), .double(-5.0), .double(3.5)])), .double(10.5))
        assertValue(Library.call("math.least", .list([.double(5.4), .uint(10), .uint(3), .uint(1), .double(3.5)])), .uint(1))
        assertError(Library.call("math.greatest", .list([])), .invalidArgument, mentioning: "at least one")
        assertError(Library.call("math.least", .list([.int(1), .string("a")])), .noSuchOverload)
        assertError(Library.call("math.greatest", .int(1), .bool(true)), .noSuchOverload)
        assertError(Library.call("math.greatest", .string("a")), .noSuchOverload)
    }

    func testRoundingFunctions() {
        assertValue(Library.call("math.ceil", .double(-1.2)), .double(-1.0))
        assertValue(Library.call("math.ceil", .double(1.2)), .double(2.0))
        assertValue(Library.call("math.floor", .double(-1.2)), .double(-2.0))
        assertValue(Library.call("math.round", .double(-1.5)), .double(-2.0))
        assertValue(Library.call("math.round", .double(1.5)), .double(2.0))
        assertValue(Library.call("math.round", .double(2.5)), .double(3.0))
        assertValue(Library.call("math.round", .double(.nan)), .double(.nan))
        assertValue(Library.call("math.trunc", .double(-1.2)), .double(-1.0))
        assertError(Library.call("math.ceil", .int(1)), .noSuchOverload)
        assertValue(Library.call("math.sqrt", .int(16)), .double(4))
        assertValue(Library.call("math.sqrt", .double(2.25)), .double(1.5))
    }

    func testAbsSignAndClassification() {
        assertValue(Library.call("math.abs", .int(-11)), .int(11))
        assertValue(Library.call("math.abs", .uint(1)), .uint(1))
        assertValue(Library.call("math.abs", .double(-1.5)), .double(1.5))
        assertError(Library.call("math.abs", .int(.min)), .overflow)
        assertValue(Library.call("math.sign", .uint(100)), .uint(1))
        assertValue(Library.call("math.sign", .int(0)), .int(0))
        assertValue(Library.call("math.sign", .int(-4)), .int(-1))
        assertValue(Library.call("math.sign", .double(-32.0)), .double(-1.0))
        assertValue(Library.call("math.sign", .double(0.0)), .double(0.0))
        assertError(Library.call("math.sign", .bool(true)), .noSuchOverload)
        assertValue(Library.call("math.isNaN", .double(.nan)), .bool(true))
        assertValue(Library.call("math.isInf", .double(-.infinity)), .bool(true))
        assertValue(Library.call("math.isInf", .double(.nan)), .bool(false))
        assertValue(Library.call("math.isFinite", .double(1)), .bool(true))
        assertValue(Library.call("math.isFinite", .double(.infinity)), .bool(false))
    }

    func testBitwise() {
        assertValue(Library.call("math.bitAnd", .int(1), .int(-1)), .int(1))
        assertValue(Library.call("math.bitAnd", .uint(1), .uint(2)), .uint(0))
        assertValue(Library.call("math.bitOr", .int(4), .int(-2)), .int(-2))
        assertValue(Library.call("math.bitXor", .uint(1), .uint(3)), .uint(2))
        assertValue(Library.call("math.bitNot", .int(1)), .int(-2))
        assertValue(Library.call("math.bitNot", .uint(1)), .uint(18446744073709551614))
        assertError(Library.call("math.bitAnd", .uint(2), .int(1)), .noSuchOverload)
        assertValue(Library.call("math.bitShiftLeft", .int(-1), .int(200)), .int(0))
        assertValue(Library.call("math.bitShiftLeft", .uint(1), .int(2)), .uint(4))
        assertValue(Library.call("math.bitShiftRight", .int(1024), .int(2)), .int(256))
        assertValue(Library.call("math.bitShiftRight", .int(-1024), .int(3)), .int(2305843009213693824))
        assertValue(Library.call("math.bitShiftRight", .int(-1024), .int(64)), .int(0))
        assertError(Library.call("math.bitShiftLeft", .uint(1), .int(-1)), .invalidArgument, mentioning: "negative offset")
        assertError(Library.call("math.bitShiftRight", .uint(1), .int(-1)), .invalidArgument)
    }
}
