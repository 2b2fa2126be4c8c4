import XCTest
@testable import CEL

/// The library as rule writers meet it: through compiled expressions, so that names,
/// member-versus-global forms and qualified names (`math.greatest`) resolve as registered.
final class LibraryEndToEndTests: XCTestCase {
    private func eval(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> Value {
        let env = Environment()
        do {
            return try env.compile(source).evaluate(env.makeActivation())
        } catch {
            XCTFail("did not compile: \(error)", file: file, line: line)
            return .null
        }
    }

    func testExpressionsUsingTheLibrary() {
        assertValue(eval("math.greatest([1, 5u, 2.5]) == 5u"), .bool(true))
        assertValue(eval("math.least(3, -2.5, 7u)"), .double(-2.5))
        assertValue(eval("'Case %s is %d days late'.format(['X1', 12])"), .string("Case X1 is 12 days late"))
        assertValue(eval("'a,b,c'.split(',').join('-')"), .string("a-b-c"))
        assertValue(eval("size('ÿ') + 'abc'.size()"), .int(4))
        assertValue(eval("'worker: Sam'.matches('^worker: [A-Z]')"), .bool(true))
        assertValue(eval("matches('abc', 'b')"), .bool(true))
        assertValue(eval("timestamp('2024-03-01T09:00:00Z').getDayOfWeek('Europe/London')"), .int(5))
        assertValue(eval("string(timestamp('2024-03-01T09:00:00Z') + duration('36h'))"), .string("2024-03-02T21:00:00Z"))
        assertValue(eval("timestamp('2024-03-02T00:00:00Z') - timestamp('2024-03-01T12:00:00Z') == duration('12h')"), .bool(true))
        assertValue(eval("strings.quote('a\"b')"), .string("\"a\\\"b\""))
    }

    func testErrorsSurfaceAsErrorValues() {
        assertError(eval("int('twelve')"), .invalidArgument)
        assertError(eval("'x'.matches('(')"), .invalidArgument)
        assertError(eval("timestamp('2024-02-30T00:00:00Z')"), .invalidArgument)
        assertError(eval("timestamp('2024-03-01T00:00:00Z').getHours('Nowhere/Special')"), .invalidArgument)
        assertError(eval("math.abs(-9223372036854775807 - 1)"), .overflow)
    }

    func testReplaceRefusesToBuildAnEnormousString() {
        assertError(Library.method("replace", .string(String(repeating: "a", count: 100_000)), .string(""),
                                   .string(String(repeating: "b", count: 1_000))), .outOfRange, mentioning: "MB")
        assertError(Library.method("replace", .string(String(repeating: "a", count: 100_000)), .string("a"),
                                   .string(String(repeating: "b", count: 1_000))), .outOfRange)
    }
}
