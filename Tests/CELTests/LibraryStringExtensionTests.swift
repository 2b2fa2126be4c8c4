import XCTest
@testable import CEL

final class LibraryStringExtensionTests: XCTestCase {
    private func s(_ text: String) -> Value { .string(text) }
    private func strings(_ items: String...) -> Value { .list(items.map { .string($0) }) }

    func testCharAt() {
        assertValue(Library.method("charAt", s("tacocat"), .int(7)), s(""))
        assertValue(Library.method("charAt", s("©αT"), .int(1)), s("α"))
        assertError(Library.method("charAt", s("tacocat"), .int(30)), .outOfRange, mentioning: "30")
        assertError(Library.method("charAt", s("tacocat"), .int(-1)), .outOfRange)
        assertError(Library.method("charAt", s("hello"), .bool(true)), .noSuchOverload)
    }

    func testIndexOf() {
        assertValue(Library.method("indexOf", s("tacocat"), s("")), .int(0))
        assertValue(Library.method("indexOf", s("tacocat"), s("ac")), .int(1))
        assertValue(Library.method("indexOf", s("tacocat"), s("none")), .int(-1))
        assertValue(Library.method("indexOf", s("tacocat"), s(""), .int(3)), .int(3))
        assertValue(Library.method("indexOf", s("tacocat"), s("a"), .int(3)), .int(5))
        assertValue(Library.method("indexOf", s("ta©o©αT"), s("©αT"), .int(3)), .int(4))
        assertValue(Library.method("indexOf", s("ta©o©αT"), s("©α"), .int(5)), .int(-1))
        assertValue(Library.method("indexOf", s("hello wello"), s("ello"), .int(6)), .int(7))
        assertValue(Library.method("indexOf", s("ab"), s("abc")), .int(-1))
        assertError(Library.method("indexOf", s("tacocat"), s("a"), .int(30)), .outOfRange)
        assertError(Library.method("indexOf", s("tacocat"), s("a"), .int(-1)), .outOfRange)
    }

    func testLastIndexOf() {
        assertValue(Library.method("lastIndexOf", s("tacocat"), s("")), .int(7))
        assertValue(Library.method("lastIndexOf", s("tacocat"), s("at")), .int(5))
        assertValue(Library.method("lastIndexOf", s("ta©o©αT"), s("©")), .int(4))
        assertValue(Library.method("lastIndexOf", s("ta©o©αT"), s("©"), .int(3)), .int(2))
        assertValue(Library.method("lastIndexOf", s("hello wello"), s("ello"), .int(6)), .int(1))
        assertValue(Library.method("lastIndexOf", s("bananananana"), s("nana"), .int(7)), .int(6))
        assertValue(Library.method("lastIndexOf", s("hello wello"), s("hello wello")), .int(0))
        assertValue(Library.method("lastIndexOf", s(""), s("a")), .int(-1))
        assertError(Library.method("lastIndexOf", s("tacocat"), s("a"), .int(-1)), .outOfRange)
        assertError(Library.method("lastIndexOf", s("tacocat"), s("a"), .int(30)), .outOfRange)
    }

    func testAsciiCasing() {
        assertValue(Library.method("lowerAscii", s("TacoCÆt Xii")), s("tacocÆt xii"))
        assertValue(Library.method("upperAscii", s("tacoCαt")), s("TACOCαT"))
    }

    func testReplace() {
        assertValue(Library.method("replace", s("{0} days {0} hours"), s("{0}"), s("2")), s("2 days 2 hours"))
        assertValue(Library.method("replace", s("{0} days {0} hours"), s("{0}"), s("2"), .int(1)), s("2 days {0} hours"))
        assertValue(Library.method("replace", s("1 ©αT taco"), s("αT"), s("o©α")), s("1 ©o©α taco"))
        assertValue(Library.method("replace", s("abc"), s(""), s("-")), s("-a-b-c-"))
        assertValue(Library.method("replace", s("abc"), s(""), s("-"), .int(2)), s("-a-bc"))
        assertValue(Library.method("replace", s("aaa"), s("a"), s("b"), .int(0)), s("aaa"))
        assertValue(Library.method("replace", s("aaa"), s("a"), s("b"), .int(-1)), s("bbb"))
        assertError(Library.method("replace", s("42"), s("2"), .int(1)), .noSuchOverload)
    }

    func testSplit() {
        assertValue(Library.method("split", s("hello world"), s(" ")), strings("hello", "world"))
        assertValue(Library.method("split", s("hello world events!"), s(" "), .int(1)), strings("hello world events!"))
        assertValue(Library.method("split", s("hello world events!"), s(" "), .int(2)), strings("hello", "world events!"))
        assertValue(Library.method("split", s("o©o©o©o"), s("©"), .int(-1)), strings("o", "o", "o", "o"))
        assertValue(Library.method("split", s("a,b"), s(","), .int(0)), .list([]))
        assertValue(Library.method("split", s("a©c"), s("")), strings("a", "©", "c"))
        assertValue(Library.method("split", s("abc"), s(""), .int(2)), strings("a", "bc"))
        assertValue(Library.method("split", s(""), s(",")), strings(""))
        assertValue(Library.method("split", s(",a,"), s(",")), strings("", "a", ""))
    }

    func testSubstring() {
        assertValue(Library.method("substring", s("tacocat"), .int(4)), s("cat"))
        assertValue(Library.method("substring", s("tacocat"), .int(7)), s(""))
        assertValue(Library.method("substring", s("tacocat"), .int(4), .int(4)), s(""))
        assertValue(Library.method("substring", s("ta©o©αT"), .int(2), .int(6)), s("©o©α"))
        assertError(Library.method("substring", s("tacocat"), .int(40)), .outOfRange, mentioning: "40")
        assertError(Library.method("substring", s("tacocat"), .int(-1)), .outOfRange)
        assertError(Library.method("substring", s("tacocat"), .int(1), .int(50)), .outOfRange, mentioning: "50")
        assertError(Library.method("substring", s("tacocat"), .int(3), .int(1)), .outOfRange)
    }

    func testTrimUsesUnicodeWhiteSpace() {
        assertValue(Library.method("trim", s(" \u{0C}\n\r\t\u{0B}text  ")), s("text"))
        assertValue(Library.method("trim", s("\u{85}\u{A0}\u{1680}text")), s("text"))
        assertValue(Library.method("trim", s("text\u{2000}\u{2001}\u{2009}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}")), s("text"))
        let notSpace = "\u{180E}text\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}"
        assertValue(Library.method("trim", s(notSpace)), s(notSpace))
        assertValue(Library.method("trim", s("   ")), s(""))
    }

    func testJoinReverseQuote() {
        assertValue(Library.method("join", strings("x", "y")), s("xy"))
        assertValue(Library.method("join", strings("x", "y"), s("-")), s("x-y"))
        assertValue(Library.method("join", .list([]), s("-")), s(""))
        assertError(Library.method("join", .list([.string("a"), .int(1)])), .invalidArgument, mentioning: "list of strings")
        assertValue(Library.method("reverse", s("☺ab©")), s("©ba☺"))
        assertValue(Library.method("reverse", s("")), s(""))
        assertValue(Library.call("strings.quote", s("first\nsecond")), s("\"first\\nsecond\""))
        assertValue(Library.call("strings.quote", s("bell\u{07}\u{08}\u{0C}\t\u{0B}\r")), s("\"bell\\a\\b\\f\\t\\v\\r\""))
        assertValue(Library.call("strings.quote", s("say \"hi\" \\ ok")), s("\"say \\\"hi\\\" \\\\ ok\""))
        assertValue(Library.call("strings.quote", s("😀ÿ")), s("\"😀ÿ\""))
        assertValue(Library.call("strings.quote", s("")), s("\"\""))
    }
}
