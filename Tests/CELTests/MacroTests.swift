import Foundation
import XCTest
import CEL

/// The macros and their treatment of errors, through compiled programs.
final class MacroTests: XCTestCase {
    let h = CoreHarness(["xs": .list([.int(1), .int(2), .int(3)]),
                         "m": .map(MapValue(stringKeyed: [("a", .int(1)), ("b", .int(2))])),
                         "zero": .int(0)])

    func testAllAndExistsAbsorbErrorsWhenTheResultIsDecided() {
        XCTAssertCEL(h, "xs.all(x, x / zero == 1 && x > 2)", .bool(false))
        XCTAssertCEL(h, "xs.all(x, x / zero == 1 || x > 0)", .bool(true))
        XCTAssertEvalError(h, "xs.all(x, x > 2 || x / zero == 1)", kind: .divideByZero)
        XCTAssertCEL(h, "xs.exists(x, x / zero == 1 || x == 2)", .bool(true))
        XCTAssertEvalError(h, "xs.exists(x, x / zero == 1 || x == 9)", kind: .divideByZero)
    }

    func testNonBoolPredicatesAreErrors() {
        XCTAssertEvalError(h, "xs.all(x, x)", kind: .noSuchOverload, checked: false)
        XCTAssertEvalError(h, "xs.filter(x, 1)", kind: .noSuchOverload, checked: false)
        XCTAssertEvalError(h, "xs.exists_one(x, 'a')", kind: .noSuchOverload, checked: false)
        XCTAssertEvalError(h, "zero.all(x, true)", kind: .noSuchOverload, checked: false)
    }

    func testExistsOneCountsExactlyOne() {
        XCTAssertCEL(h, "xs.exists_one(x, x > 2)", .bool(true))
        XCTAssertCEL(h, "xs.exists_one(x, x > 1)", .bool(false))
        XCTAssertCEL(h, "xs.existsOne(i, x, i == 0 && x == 1)", .bool(true))
    }

    func testMapWithFilterAndTwoVariableForms() {
        XCTAssertCEL(h, "xs.map(x, x > 1, x * 10)", .list([.int(20), .int(30)]))
        XCTAssertCEL(h, "xs.transformList(i, x, i > 0, i * x)", .list([.int(2), .int(6)]))
        XCTAssertCEL(h, "m.all(k, v, v > 0 && k != '')", .bool(true))
        XCTAssertCEL(h, "m.exists(k, v, k == 'b' && v == 2)", .bool(true))
        XCTAssertCEL(h, "m.map(k, k)", .list([.string("a"), .string("b")]))
        XCTAssertCEL(h, "m.filter(k, m[k] > 1)", .list([.string("b")]))
        XCTAssertCEL(h, "m.transformMapEntry(k, v, {v: k})",
                     .map(MapValue([(.int(1), .string("a")), (.int(2), .string("b"))])!))
        XCTAssertEvalError(h, "m.transformMapEntry(k, v, {'same': v})", kind: .invalidArgument)
    }

    func testCelBindNamesAValueOnce() throws {
        XCTAssertCEL(h, "cel.bind(t, xs.size() * 2, t + t)", .int(12))
        XCTAssertCEL(h, "cel.bind(a, 1, cel.bind(a, a + 1, a * 10))", .int(20))
        XCTAssertCEL(h, "cel.bind(e, 1 / zero, true)", .bool(true))
        XCTAssertEvalError(h, "cel.bind(e, 1 / zero, e > 0)", kind: .divideByZero)
        XCTAssertCEL(h, "xs.map(x, cel.bind(y, x * x, y + 1))", .list([.int(2), .int(5), .int(10)]))
        XCTAssertCompileError(h, "cel.bind(1, 2, 3)")
        XCTAssertEqual(try h.compile("cel.bind(s, 'a', s + 'b')").resultType, .string)
    }

    func testHasOnMapsAndItsErrors() {
        XCTAssertCEL(h, "has(m.a) && !has(m.z)", .bool(true))
        XCTAssertEvalError(h, "has(xs.a)", kind: .noSuchField, checked: false)
    }

    func testConcurrentEvaluationOfOneProgram() throws {
        let program = try h.compile("xs.map(x, x * 2).filter(y, y > 2).size() == 2 && m.exists(k, v, v == 2)")
        let activation = h.activation()
        let failures = UnsafeMutablePointer<Int>.allocate(capacity: 8)
        failures.initialize(repeating: 0, count: 8)
        defer { failures.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for _ in 0..<2_000 {
                if case .bool(true) = program.evaluate(activation) {} else { failures[worker] += 1 }
            }
        }
        XCTAssertEqual((0..<8).map { failures[$0] }.reduce(0, +), 0)
    }
}
