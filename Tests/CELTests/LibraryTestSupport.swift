import XCTest
@testable import CEL

/// Calls library functions the way the evaluator does: picks the overload of `name` that
/// accepts the arguments and runs it. No matching overload gives a no-such-overload error,
/// as the evaluator would report.
enum Library {
    static let registry = FunctionRegistry.library

    static func call(_ name: String, _ args: Value...) -> Value { dispatch(name, member: false, args) }
    static func method(_ name: String, _ args: Value...) -> Value { dispatch(name, member: true, args) }

    static func dispatch(_ name: String, member: Bool, _ args: [Value]) -> Value {
        guard let overload = registry.overloads(named: name).first(where: { $0.accepts(args, member: member) }) else {
            return .error(EvalError(.noSuchOverload, "no overload of \(name) for these arguments"))
        }
        return overload.implementation(args)
    }
}

/// Structural equality of values for assertions (doubles: NaN equals NaN, 0.0 and -0.0 differ).
func sameValue(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.uint(let x), .uint(let y)): return x == y
    case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)
    case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case (.bytes(let x), .bytes(let y)): return x == y
    case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { sameValue($0, $1) }
    case (.timestamp(let x), .timestamp(let y)): return x == y
    case (.duration(let x), .duration(let y)): return x == y
    case (.type(let x), .type(let y)): return x == y
    default: return false
    }
}

func assertValue(_ actual: Value, _ expected: Value, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(sameValue(actual, expected), "got \(actual), expected \(expected)", file: file, line: line)
}

/// Asserts that the value is an error, optionally of a given kind and mentioning some text.
func assertError(_ actual: Value, _ kind: EvalError.Kind? = nil, mentioning text: String? = nil,
                 file: StaticString = #filePath, line: UInt = #line) {
    guard case .error(let e) = actual else {
        XCTFail("expected an error, got \(actual)", file: file, line: line)
        return
    }
    if let kind { XCTAssertEqual(e.kind, kind, "message: \(e.message)", file: file, line: line) }
    if let text { XCTAssertTrue(e.message.contains(text), "message '\(e.message)' does not mention '\(text)'", file: file, line: line) }
}

/// Shorthand constructors for tests.
func ts(_ text: String) -> Value { Library.call("timestamp", .string(text)) }
func dur(_ text: String) -> Value { Library.call("duration", .string(text)) }
