import XCTest
import CEL

/// Evaluation semantics through the public API: variables in slots, records as maps,
/// errors as values.
final class EvaluationTests: XCTestCase {
    static let planType = ObjectType(name: "plan", fields: ["start": .int, "end": .int])

    func record(_ pairs: [(String, Value)]) -> Value { .map(MapValue(stringKeyed: pairs)) }

    func testRuleLikeExpressions() {
        let a = record([("start", .int(10)), ("end", .null)])
        let b = record([("start", .int(10)), ("end", .int(5))])
        XCTAssertCEL(CoreHarness(["a": a]), "a.end == null || a.end > a.start", .bool(true))
        XCTAssertCEL(CoreHarness(["a": b]), "a.end == null || a.end > a.start", .bool(false))
        let xs = Value.list([record([("kind", .string("cin")), ("seen", .bool(true))]),
                             record([("kind", .string("cp")), ("seen", .bool(true))])])
        XCTAssertCEL(CoreHarness(["xs": xs]), "xs.exists(x, x.kind == 'cp' && x.seen)", .bool(true))
        XCTAssertCEL(CoreHarness(["xs": xs]), "xs.filter(x, x.kind == 'cin').size() == 1", .bool(true))
        XCTAssertCEL(CoreHarness(["xs": xs]), "xs.map(x, x.kind)", .list([.string("cin"), .string("cp")]))
    }

    func testDeclaredObjectFieldsReadAsNullWhenAbsent() {
        let harness = CoreHarness(["p": record([("start", .int(1))])], types: ["p": .object(Self.planType)])
        XCTAssertCEL(harness, "p.end == null", .bool(true))
        XCTAssertCEL(harness, "has(p.end)", .bool(false))
        XCTAssertCEL(harness, "has(p.start)", .bool(true))
        // Without a declared shape an absent key is an error, as CEL specifies for maps.
        let dyn = CoreHarness(["p": record([("start", .int(1))])])
        XCTAssertEvalError(dyn, "p.end == null", kind: .noSuchKey)
    }

    func testObjectConstructionOfDeclaredTypes() throws {
        var harness = CoreHarness()
        harness.environment.declareType(.object(Self.planType))
        XCTAssertCEL(harness, "plan{start: 1}.start", .int(1))
        XCTAssertCEL(harness, "plan{start: 1}.end", .null)
        let error = try XCTUnwrap(XCTAssertCompileError(harness, "plan{strat: 1}"))
        XCTAssertEqual(error.hint, "did you mean 'start'?")
        XCTAssertCompileError(harness, "nosuch{a: 1}")
    }

    func testErrorsAreAbsorbedByLogicCommutatively() {
        let h = CoreHarness(["x": .int(0)])
        XCTAssertCEL(h, "1 / x == 1 && false", .bool(false))
        XCTAssertCEL(h, "false && 1 / x == 1", .bool(false))
        XCTAssertCEL(h, "1 / x == 1 || true", .bool(true))
        XCTAssertEvalError(h, "1 / x == 1 || false", kind: .divideByZero)
        XCTAssertEvalError(h, "true && 1 / x == 1 && true", kind: .divideByZero)
        XCTAssertCEL(h, "true && 1 / x == 1 && false", .bool(false))
        XCTAssertCEL(h, "false || 1 / x == 1 || true", .bool(true))
        XCTAssertEvalError(h, "false || false || 1 / x == 1", kind: .divideByZero)
        XCTAssertEvalError(h, "dyn('a') && true && true", kind: .noSuchOverload)
        XCTAssertCEL(h, "dyn('a') && true && false", .bool(false))
        XCTAssertCEL(h, "true && true && true && 1 / x == 1 && false", .bool(false))
    }

    func testArithmeticErrors() {
        let h = CoreHarness(["big": .int(.max), "small": .int(.min), "zero": .int(0), "u": .uint(0)])
        XCTAssertEvalError(h, "big + 1", kind: .overflow)
        XCTAssertEvalError(h, "small - 1", kind: .overflow)
        XCTAssertEvalError(h, "big * 2", kind: .overflow)
        XCTAssertEvalError(h, "small / -1", kind: .overflow)
        XCTAssertEvalError(h, "small % -1", kind: .overflow)
        XCTAssertEvalError(h, "-small", kind: .overflow)
        XCTAssertEvalError(h, "1 / zero", kind: .divideByZero)
        XCTAssertEvalError(h, "1 % zero", kind: .divideByZero)
        XCTAssertEvalError(h, "u - 1u", kind: .overflow)
        XCTAssertEvalError(h, "1u / u", kind: .divideByZero)
        XCTAssertCEL(h, "1.0 / 0.0", .double(.infinity))
    }

    func testErrorsCarryTheOffsetOfTheFailingNode() throws {
        let h = CoreHarness(["zero": .int(0)])
        let e = try XCTUnwrap(XCTAssertEvalError(h, "1 + 2 / zero"))
        XCTAssertEqual(e.offset, 6)
    }

    func testHeterogeneousNumbers() {
        let h = CoreHarness()
        XCTAssertCEL(h, "1 == 1.0 && 1u == 1 && 2.5 > 2 && 3u < 3.5 && -1 < 0u", .bool(true))
        XCTAssertCEL(h, "dyn(1u) in [1, 2]", .bool(true))
        XCTAssertCEL(h, "{1: 'a'}[1u]", .string("a"))
        XCTAssertCEL(h, "[1, 2][1u]", .int(2))
    }

    func testIndexingErrors() {
        let h = CoreHarness(["xs": .list([.int(1)]), "m": record([("a", .int(1))])])
        XCTAssertEvalError(h, "xs[1]", kind: .outOfRange)
        XCTAssertEvalError(h, "xs[-1]", kind: .outOfRange)
        XCTAssertEvalError(h, "m['b']", kind: .noSuchKey)
        XCTAssertEvalError(h, "m.b", kind: .noSuchKey)
        XCTAssertEvalError(h, "xs.a", kind: .noSuchField)
        XCTAssertEvalError(h, "xs['a']", kind: .invalidArgument)
    }

    func testTypesAsValues() {
        let h = CoreHarness()
        XCTAssertCEL(h, "type(1) == int && type('a') == string && type([]) == list && type({}) == map", .bool(true))
        XCTAssertCEL(h, "type(null) == null_type && type(int) == type && type(1u) != int", .bool(true))
        XCTAssertCEL(h, "type(duration('1s')) == google.protobuf.Duration", .bool(true))
        XCTAssertCEL(h, "type(type(1))", .type(.type))
    }

    func testConcatenation() {
        let h = CoreHarness(["s": .string("ab"), "b": .bytes([1]), "xs": .list([.int(1)])])
        XCTAssertCEL(h, "s + 'c'", .string("abc"))
        XCTAssertCEL(h, "b + b'\\x02'", .bytes([1, 2]))
        XCTAssertCEL(h, "xs + [2]", .list([.int(1), .int(2)]))
    }

    func testStringComparisonIsByCodePoint() {
        let h = CoreHarness()
        XCTAssertCEL(h, "'a' < 'b' && 'Z' < 'a' && 'é' > 'z' && b'a' < b'b'", .bool(true))
        XCTAssertCEL(h, "'Am\\u00E9lie' == 'Ame\\u0301lie'", .bool(false))
    }

    func testQualifiedFunctionNamesYieldToVariables() {
        XCTAssertCEL(CoreHarness(), "math.greatest(1, 5, 3)", .int(5))
        let math = record([("greatest", .int(7))])
        XCTAssertCEL(CoreHarness(["math": math]), "math.greatest", .int(7))
    }

    func testComprehensionVariablesShadowAndNest() {
        let h = CoreHarness(["x": .int(100)])
        XCTAssertCEL(h, "[1, 2].map(x, x * 2)", .list([.int(2), .int(4)]))
        XCTAssertCEL(h, "x", .int(100))
        XCTAssertCEL(h, "[1, 2].all(a, [3, 4].exists(b, b > a))", .bool(true))
        XCTAssertCEL(h, "[[1], [2, 3]].map(l, l.filter(v, v > 1))", .list([.list([]), .list([.int(2), .int(3)])]))
        XCTAssertCEL(h, "{'a': 1, 'b': 2}.transformMap(k, v, v * 10)",
                     .map(MapValue(stringKeyed: [("a", .int(10)), ("b", .int(20))])))
        XCTAssertCEL(h, "[5, 6].transformList(i, v, i + v)", .list([.int(5), .int(7)]))
    }

    func testAShortActivationIsAnErrorNotACrash() throws {
        var env = Environment()
        env.declare("a")
        env.declare("b")
        let program = try env.compile("b")
        guard case .error(let e) = program.evaluate(Activation(count: 1)) else { return XCTFail("expected an error") }
        XCTAssertEqual(e.kind, .invalidArgument)
    }

    func testProgramsAreReusableAcrossActivations() throws {
        var env = Environment()
        let slot = env.declare("n", type: .int)
        let program = try env.compile("n * n")
        for i in 0..<50 {
            var activation = env.makeActivation()
            activation[slot] = .int(Int64(i))
            XCTAssertEqual(program.evaluate(activation).literalText, String(i * i))
        }
    }
}

final class ProgramRenderingTests: XCTestCase {
    func testEvaluationErrorsRenderWithACaret() throws {
        let harness = CoreHarness(["m": .map(MapValue(stringKeyed: [("a", .int(1))]))])
        let program = try harness.compile("m.a == 1 &&\n  m.b == 2")
        guard case .error(let e) = program.evaluate(harness.activation()) else { return XCTFail("expected an error") }
        XCTAssertEqual(program.render(e), """
            2:5: no such key: 'b'
             |   m.b == 2
             |     ^
            """)
    }
}
