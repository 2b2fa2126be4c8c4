import XCTest
import CEL

/// `Environment.trace`: each sub-expression's value from one evaluation, for explanations.
final class TraceTests: XCTestCase {
    private func trace(_ source: String, _ vars: [String: Value], maxDepth: Int = 3) throws -> (Value, [String]) {
        let harness = CoreHarness(vars)
        let (value, steps) = try harness.environment.trace(source, activation: harness.activation(), maxDepth: maxDepth)
        let lines = steps.map { step in
            String(repeating: "  ", count: step.depth) + step.text + " = " + (step.value.map(\.literalText) ?? "(not evaluated)")
        }
        return (value, lines)
    }

    func testRecordsEachOperandOutermostFirst() throws {
        let (value, lines) = try trace("a + b * 2 > 10 && !done", ["a": .int(3), "b": .int(4), "done": .bool(false)])
        XCTAssertTrue(coreIdentical(value, .bool(true)))
        XCTAssertEqual(lines, [
            "a + b * 2 > 10 && !done = true",
            "  a + b * 2 > 10 = true",
            "    a + b * 2 = 11",
            "      b * 2 = 8",
            "  !done = true",
        ])
    }

    func testShortCircuitedOperandsAreMarkedNotEvaluated() throws {
        let harness = CoreHarness(["x": .int(1)])
        let (_, steps) = try harness.environment.trace("x == 1 || x / 0 == 2", activation: harness.activation())
        XCTAssertEqual(steps.map(\.text), ["x == 1 || x / 0 == 2", "x == 1", "x / 0 == 2", "x / 0"])
        XCTAssertNil(steps[2].value, "the right side of || was not needed")
        XCTAssertTrue(steps[2].mayBeSkipped)
        XCTAssertNil(steps[3].value)
    }

    func testComprehensionBodiesAreNotRecordedButTheirResultIs() throws {
        let (_, lines) = try trace("xs.exists(x, x > 2)", ["xs": .list([.int(1), .int(3)])])
        XCTAssertEqual(lines, ["xs.exists(x, x > 2) = true"])
    }

    func testParenthesesOnlyWhereThePrecedenceNeedsThem() throws {
        let (_, lines) = try trace("(a - b) - (a - b) == 0 ? 'same' : 'differ'", ["a": .int(5), "b": .int(2)], maxDepth: 1)
        XCTAssertEqual(lines, [
            "a - b - (a - b) == 0 ? \"same\" : \"differ\" = \"same\"",
            "  a - b - (a - b) == 0 = true",
        ], "literals are not recorded; depth stops at 1")
    }

    func testTraceGivesTheSameResultAsOrdinaryEvaluation() throws {
        let vars: [String: Value] = ["m": .map(MapValue(stringKeyed: [("k", .int(2))])), "n": .int(7)]
        for source in ["m.k * n", "has(m.k) && m.k < n", "[n, m.k].size()", "n % m.k == 1 ? m : {}", "m.missing"] {
            let harness = CoreHarness(vars)
            let plain = try harness.eval(source)
            let (traced, _) = try trace(source, vars)
            XCTAssertEqual(plain.literalText, traced.literalText, source)
        }
    }

    func testCompileErrorsAreThrownAsByCompile() {
        let harness = CoreHarness(["a": .int(1)])
        XCTAssertThrowsError(try harness.environment.trace("a +", activation: harness.activation())) { error in
            XCTAssertTrue(error is CompileError)
        }
    }
}
