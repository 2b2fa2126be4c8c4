import XCTest
@testable import CEL

final class LibraryStringTests: XCTestCase {
    func testSizeCountsCodePointsBytesAndElements() {
        assertValue(Library.call("size", .string("")), .int(0))
        assertValue(Library.call("size", .string("ÿ")), .int(1))
        assertValue(Library.call("size", .string("🐱😀")), .int(2))
        assertValue(Library.call("size", .string("e\u{301}")), .int(2))
        assertValue(Library.method("size", .string("four")), .int(4))
        assertValue(Library.call("size", .bytes([1, 2, 3])), .int(3))
        assertValue(Library.call("size", .list([.int(1), .null])), .int(2))
        assertValue(Library.method("size", .map(MapValue(stringKeyed: [("a", .int(1))]))), .int(1))
        assertError(Library.call("size", .int(3)), .noSuchOverload)
    }

    func testPrefixSuffixContainsWorkOnCodePoints() {
        assertValue(Library.method("startsWith", .string("foobar"), .string("foo")), .bool(true))
        assertValue(Library.method("startsWith", .string(""), .string("foo")), .bool(false))
        assertValue(Library.method("startsWith", .string(""), .string("")), .bool(true))
        assertValue(Library.method("startsWith", .string("завтра"), .string("за")), .bool(true))
        // Swift's grapheme comparison would say no; CEL compares code points.
        assertValue(Library.method("startsWith", .string("e\u{301}"), .string("e")), .bool(true))
        assertValue(Library.method("endsWith", .string("forté"), .string("té")), .bool(true))
        assertValue(Library.method("endsWith", .string("foobar"), .string("foo")), .bool(false))
        assertValue(Library.method("endsWith", .string("🐱😀😛"), .string("😛")), .bool(true))
        assertValue(Library.method("endsWith", .string("a"), .string("ba")), .bool(false))
        assertValue(Library.method("contains", .string("abababc"), .string("ababc")), .bool(true))
        assertValue(Library.method("contains", .string("hello"), .string("ol")), .bool(false))
        assertValue(Library.method("contains", .string(""), .string("")), .bool(true))
        assertValue(Library.method("contains", .string("aaab"), .string("aab")), .bool(true))
        assertValue(Library.method("contains", .string("ab"), .string("abc")), .bool(false))
        assertValue(Library.method("contains", .string("xyzab"), .string("b")), .bool(true))
        assertValue(Library.method("endsWith", .string(""), .string("a")), .bool(false))
        assertValue(Library.method("startsWith", .string("ab"), .string("abc")), .bool(false))
        assertValue(Library.method("contains", .string("🐱😀😁"), .string("😀")), .bool(true))
        assertError(Library.method("contains", .string("a"), .int(1)), .noSuchOverload)
    }

    func testMatchesFindsPatternAnywhere() {
        assertValue(Library.method("matches", .string("hubba"), .string("ubb")), .bool(true))
        assertValue(Library.method("matches", .string(""), .string("foo|bar")), .bool(false))
        assertValue(Library.method("matches", .string("cows"), .string("")), .bool(true))
        assertValue(Library.method("matches", .string("grey"), .string("gr(a|e)y")), .bool(true))
        assertValue(Library.method("matches", .string("mañana"), .string("a+ñ+a+")), .bool(true))
        assertValue(Library.method("matches", .string("🐱😀😀"), .string("(a|😀){2}")), .bool(true))
        assertValue(Library.call("matches", .string("abc"), .string("^b")), .bool(false))
        assertValue(Library.call("matches", .string("2024-03-01"), .string("(?P<year>\\d{4})-\\d{2}")), .bool(true))
    }

    func testCatastrophicBacktrackingStopsWithAnError() {
        let text = String(repeating: "a", count: 40) + "b"
        let started = Date()
        assertError(Library.method("matches", .string(text), .string("(a+)+$")), .costLimitExceeded, mentioning: "too long")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testInvalidRegexIsAnErrorValue() {
        assertError(Library.method("matches", .string("x"), .string("(")), .invalidArgument, mentioning: "not a valid regular expression")
        assertError(Library.method("matches", .string("x"), .string("[a-")), .invalidArgument)
        assertError(Library.method("matches", .string("aa"), .string("(a)\\1")), .invalidArgument, mentioning: "backreferences")
        assertError(Library.method("matches", .string("ab"), .string("a(?=b)")), .invalidArgument, mentioning: "lookahead")
        assertError(Library.method("matches", .string("ab"), .string("(?<!x)b")), .invalidArgument, mentioning: "lookbehind")
        assertError(Library.method("matches", .string("ab"), .string("(?>a)b")), .invalidArgument, mentioning: "atomic")
        // The same characters where RE2 allows them: escaped, inside a class, a named group.
        assertValue(Library.method("matches", .string("\\1"), .string("\\\\1")), .bool(true))
        assertValue(Library.method("matches", .string("1"), .string("[\\1]")), .bool(true))
        assertValue(Library.method("matches", .string("]="), .string("[]](?:=)")), .bool(true))
        assertValue(Library.method("matches", .string("ab"), .string("(?<x>a)b")), .bool(true))
        // Still an error the second time (errors are not cached as patterns).
        assertError(Library.method("matches", .string("x"), .string("(")), .invalidArgument)
    }
}
