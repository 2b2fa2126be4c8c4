import XCTest
import CEL

/// What the checker rejects before evaluation, and the hints it gives.
final class CheckerTests: XCTestCase {
    static let plan = ObjectType(name: "cp_plan", fields: [
        "start_date": .timestamp, "end_date": .timestamp, "reviews": .listOf(.timestamp), "kind": .string,
    ])
    static let visit = ObjectType(name: "visit", fields: ["kind": .string, "seen": .bool, "d": .int])

    let typed = CoreHarness(types: [
        "plan": .object(CheckerTests.plan),
        "visits": .listOf(.object(CheckerTests.visit)),
        "n": .int,
        "s": .string,
        "x": .dyn,
    ])

    func testUnknownFieldOfAnObjectSuggestsTheNearestField() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(typed, "plan.end_dte == null"))
        XCTAssertEqual(error.hint, "did you mean 'end_date'?")
        XCTAssertEqual(error.column, 6, "the caret goes under the field name")
        XCTAssertTrue(error.message.contains("end_dte"), error.message)
        XCTAssertTrue(error.description.contains("did you mean 'end_date'?"))
    }

    func testUnknownFieldInsideAComprehensionOverObjects() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(typed, "visits.exists(v, v.kidn == 'cp')"))
        XCTAssertEqual(error.hint, "did you mean 'kind'?")
        XCTAssertNoThrow(try typed.compile("visits.exists(v, v.kind == 'cp' && v.seen)"))
    }

    func testHasOnAnUnknownFieldIsAnError() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(typed, "has(plan.end)"))
        XCTAssertEqual(error.hint, "did you mean 'end_date'?")
    }

    func testUndeclaredVariableSuggestsADeclaredOne() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(typed, "paln.kind == 'cp'"))
        XCTAssertTrue(error.message.contains("undeclared reference to 'paln'"), error.message)
        XCTAssertEqual(error.hint, "did you mean 'plan'?")
    }

    func testUndeclaredFunctionSuggestsAKnownOne() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(typed, "sise(visits) > 1"))
        XCTAssertEqual(error.hint, "did you mean 'size'?")
        XCTAssertCompileError(typed, "plan.kind.noSuchMethod()")
    }

    func testWrongNumberOfArguments() throws {
        let error = try XCTUnwrap(XCTAssertCompileError(typed, "size(visits, visits)"))
        XCTAssertTrue(error.message.contains("argument"), error.message)
    }

    func testProvableTypeMismatches() {
        XCTAssertCompileError(typed, "n == 'one'")
        XCTAssertCompileError(typed, "1 == 'a'")
        XCTAssertCompileError(typed, "'a' + 1")
        XCTAssertCompileError(typed, "s - s")
        XCTAssertCompileError(typed, "n < 'a'")
        XCTAssertCompileError(typed, "n && true")
        XCTAssertCompileError(typed, "!n")
        XCTAssertCompileError(typed, "n ? 1 : 2")
        XCTAssertCompileError(typed, "-'a'")
        XCTAssertCompileError(typed, "n.exists(i, true)")
        XCTAssertCompileError(typed, "[1].all(i, i + 1)")
        XCTAssertCompileError(typed, "{[1]: 2}")
    }

    func testDynAndMixedNumbersStayLenient() {
        XCTAssertNoThrow(try typed.compile("x == 'one'"))
        XCTAssertNoThrow(try typed.compile("x + 1"))
        XCTAssertNoThrow(try typed.compile("n < 1.5 && n == 1u"))
        XCTAssertNoThrow(try typed.compile("plan.end_date == null"))
        XCTAssertNoThrow(try typed.compile("dyn(n) == 'one'"))
    }

    func testResultTypesAreInferred() throws {
        XCTAssertEqual(try typed.compile("n + 1").resultType, .int)
        XCTAssertEqual(try typed.compile("plan.kind").resultType, .string)
        XCTAssertEqual(try typed.compile("visits.exists(v, v.seen)").resultType, .bool)
        XCTAssertEqual(try typed.compile("visits.map(v, v.d)").resultType, .listOf(.int))
        XCTAssertEqual(try typed.compile("x.y").resultType, .dyn)
        XCTAssertEqual(try typed.compile("size(s)").resultType, .int)
    }

    func testUncheckedCompilationDefersErrorsToEvaluation() throws {
        let harness = CoreHarness()
        XCTAssertCompileError(harness, "missing + 1")
        let program = try harness.compile("missing + 1", checked: false)
        guard case .error(let e) = program.evaluate(harness.activation()) else {
            return XCTFail("expected an error value")
        }
        XCTAssertTrue(e.message.contains("missing"), e.message)
        XCTAssertEqual(try harness.eval("missing || true", checked: false).literalText, "true")
        XCTAssertEqual(try harness.eval("nope(1) || true", checked: false).literalText, "true")
    }
}
