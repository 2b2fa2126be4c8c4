import XCTest
import CEL

/// Compiles and evaluates expressions for the core tests: variables are declared as dyn
/// (or with the given types) and bound from `vars`.
struct CoreHarness {
    var environment = Environment()
    var values: [String: Value] = [:]

    init(_ vars: [String: Value] = [:], types: [String: CELType] = [:]) {
        for name in Set(vars.keys).union(types.keys).sorted() {
            environment.declare(name, type: types[name] ?? .dyn)
        }
        values = vars
    }

    func compile(_ source: String, checked: Bool = true) throws -> Program {
        try environment.compile(source, checked: checked)
    }

    func activation() -> Activation {
        var activation = environment.makeActivation()
        for (name, value) in values { activation[environment.slot(of: name)!] = value }
        return activation
    }

    func eval(_ source: String, checked: Bool = true, limits: EvaluationLimits = .default) throws -> Value {
        try compile(source, checked: checked).evaluate(activation(), limits: limits)
    }
}

/// Structural identity of values (1 and 1u differ; NaN matches NaN), for assertions.
func coreIdentical(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.uint(let x), .uint(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
    case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case (.bytes(let x), .bytes(let y)): return x == y
    case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { coreIdentical($0, $1) }
    case (.map(let x), .map(let y)):
        return x.count == y.count && x.entries.allSatisfy { k, v in y[k].map { coreIdentical(v, $0) } ?? false }
    case (.type(let x), .type(let y)): return x == y
    default: return false
    }
}

func XCTAssertCEL(_ harness: CoreHarness, _ source: String, _ expected: Value,
                  file: StaticString = #filePath, line: UInt = #line) {
    do {
        let actual = try harness.eval(source)
        XCTAssertTrue(coreIdentical(actual, expected), "\(source): got \(actual.literalText), expected \(expected.literalText)",
                      file: file, line: line)
    } catch {
        XCTFail("\(source): did not compile: \(error)", file: file, line: line)
    }
}

/// Asserts that compiling fails, and returns the error for further checks.
@discardableResult
func XCTAssertCompileError(_ harness: CoreHarness, _ source: String,
                           file: StaticString = #filePath, line: UInt = #line) -> CompileError? {
    do {
        let program = try harness.compile(source)
        XCTFail("\(source): expected a compile error, but it compiled (result type \(program.resultType))",
                file: file, line: line)
        return nil
    } catch let error as CompileError {
        return error
    } catch {
        XCTFail("\(source): threw \(error) instead of a CompileError", file: file, line: line)
        return nil
    }
}

/// Asserts that evaluation yields an error value, optionally of a given kind.
@discardableResult
func XCTAssertEvalError(_ harness: CoreHarness, _ source: String, kind: EvalError.Kind? = nil,
                        checked: Bool = true, limits: EvaluationLimits = .default,
                        file: StaticString = #filePath, line: UInt = #line) -> EvalError? {
    do {
        let value = try harness.eval(source, checked: checked, limits: limits)
        guard case .error(let e) = value else {
            XCTFail("\(source): expected an error, got \(value.literalText)", file: file, line: line)
            return nil
        }
        if let kind { XCTAssertEqual(e.kind, kind, "\(source): \(e.message)", file: file, line: line) }
        return e
    } catch {
        XCTFail("\(source): did not compile: \(error)", file: file, line: line)
        return nil
    }
}
