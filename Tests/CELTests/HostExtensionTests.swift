import XCTest
import CEL

/// A calendar date as a host would add it: an opaque value with its own ordering and
/// functions and operators registered in the function registry.
final class TestDay: OpaqueValue, @unchecked Sendable {
    static let typeName = "day"
    let number: Int

    init(_ number: Int) { self.number = number }

    func isEqual(to other: any OpaqueValue) -> Bool { (other as? TestDay)?.number == number }

    func compare(to other: any OpaqueValue) -> Int? {
        guard let other = other as? TestDay else { return nil }
        return number < other.number ? -1 : (number == other.number ? 0 : 1)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(number) }
    var textDescription: String { "day(\(number))" }
}

final class HostExtensionTests: XCTestCase {
    func makeHarness() -> CoreHarness {
        var harness = CoreHarness(["a": .opaque(TestDay(1)), "b": .opaque(TestDay(5)), "n": .int(3)],
                                  types: ["a": .opaque("day"), "b": .opaque("day"), "n": .int])
        var functions = FunctionRegistry.standard
        functions.register("_+_", Overload(id: "add_day_int", parameters: [.opaque("day"), .int], result: .opaque("day")) { args in
            guard case .opaque(let d as TestDay) = args[0], case .int(let n) = args[1] else {
                return .error(EvalError(.noSuchOverload, "bad arguments"))
            }
            return .opaque(TestDay(d.number + Int(n)))
        })
        functions.register("day", Overload(id: "day_int", parameters: [.int], result: .opaque("day")) { args in
            guard case .int(let n) = args[0] else { return .error(EvalError(.noSuchOverload, "bad argument")) }
            return .opaque(TestDay(Int(n)))
        })
        functions.register("addDays", Overload(id: "day_add_days", member: true, parameters: [.opaque("day"), .int],
                                               result: .opaque("day")) { args in
            guard case .opaque(let d as TestDay) = args[0], case .int(let n) = args[1] else {
                return .error(EvalError(.noSuchOverload, "bad arguments"))
            }
            return .opaque(TestDay(d.number + Int(n)))
        })
        let declared = harness.environment.variables
        harness.environment = Environment(functions: functions)
        for v in declared { harness.environment.declare(v.name, type: v.type) }
        harness.environment.declareType(.opaque("day"))
        return harness
    }

    func testOpaqueValuesCompareThroughTheirProtocol() {
        let h = makeHarness()
        XCTAssertCEL(h, "a < b && b >= a && a != b && a == day(1)", .bool(true))
        XCTAssertCEL(h, "day(5) in [a, b]", .bool(true))
        XCTAssertCEL(h, "[b, a].exists(d, d < day(2))", .bool(true))
    }

    func testRegisteredOperatorAndMethodOverloadsAreDispatched() {
        let h = makeHarness()
        XCTAssertCEL(h, "a + 4 == b", .bool(true))
        XCTAssertCEL(h, "a.addDays(n + 1) == b", .bool(true))
        XCTAssertEvalError(h, "a + 'x'", kind: .noSuchOverload, checked: false)
        XCTAssertCompileError(h, "a + 'x'")
    }

    func testComparingAHostValueWithABuiltInValueIsACompileError() throws {
        let h = makeHarness()
        let error = try XCTUnwrap(XCTAssertCompileError(h, "a == '2024-01-01'"))
        XCTAssertTrue(error.message.contains("day"), error.message)
        XCTAssertCompileError(h, "a < 3")
        XCTAssertNoThrow(try h.compile("a == null || a != b || a in [b]"))
        XCTAssertNoThrow(try h.compile("dyn(a) == '2024-01-01'"))
    }

    func testHostTypesCanBeNamed() {
        let h = makeHarness()
        XCTAssertCEL(h, "type(a) == day && type(a) != int", .bool(true))
    }

    func testOpaqueValuesWithoutAnOrderingAreAnError() {
        let h = makeHarness()
        XCTAssertEvalError(h, "a < 1", kind: .noSuchOverload, checked: false)
    }
}
