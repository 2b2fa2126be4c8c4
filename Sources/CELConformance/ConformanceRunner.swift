import CEL

/// Runs conformance tests against the CEL engine.
public struct ConformanceRunner: Sendable {
    /// The outcome of one test.
    public struct Outcome: Sendable {
        public var test: ConformanceTest
        public var passed: Bool
        /// What the engine produced: a value in CEL syntax, or the error.
        public var actual: String
        /// What the test expected, in the same form.
        public var expected: String
    }

    public var functions: FunctionRegistry
    public var limits: EvaluationLimits

    public init(functions: FunctionRegistry = .standard, limits: EvaluationLimits = .default) {
        self.functions = functions
        self.limits = limits
    }

    public func run(_ test: ConformanceTest) -> Outcome {
        var environment = Environment(functions: functions)
        for name in test.typeEnvironment { environment.declare(name) }
        for (name, _) in test.bindings { environment.declare(name) }
        let expected: String
        switch test.expectation {
        case .value(let v): expected = v.literalText
        case .error(let hint): expected = "an error (\(hint))"
        }
        let program: Program
        do {
            program = try environment.compile(test.expression, checked: !test.disableCheck)
        } catch {
            let actual = "compile error: \(error)"
            if case .error = test.expectation {
                return Outcome(test: test, passed: true, actual: actual, expected: expected)
            }
            return Outcome(test: test, passed: false, actual: actual, expected: expected)
        }
        var activation = environment.makeActivation()
        for (name, value) in test.bindings {
            if let slot = environment.slot(of: name) { activation[slot] = value }
        }
        let result = program.evaluate(activation, limits: limits)
        switch (test.expectation, result) {
        case (.error, .error(let e)):
            return Outcome(test: test, passed: true, actual: "error: \(e.message)", expected: expected)
        case (.error, _):
            return Outcome(test: test, passed: false, actual: result.literalText, expected: expected)
        case (.value(let want), .error(let e)):
            _ = want
            return Outcome(test: test, passed: false, actual: "error: \(e.message)", expected: expected)
        case (.value(let want), _):
            return Outcome(test: test, passed: ConformanceRunner.identical(want, result),
                           actual: result.literalText, expected: expected)
        }
    }

    /// Strict equality for checking results: the same kind of value (1 and 1u differ) and
    /// the same contents; NaN matches NaN.
    public static func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.uint(let x), .uint(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.string(let x), .string(let y)): return Array(x.unicodeScalars) == Array(y.unicodeScalars)
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in x.entries {
                guard let i = y.keys.firstIndex(where: { identical($0, k) }), identical(v, y.values[i]) else { return false }
            }
            return true
        case (.type(let x), .type(let y)): return x == y
        case (.timestamp(let x), .timestamp(let y)): return x == y
        case (.duration(let x), .duration(let y)): return x == y
        case (.opaque(let x), .opaque(let y)): return x.isEqual(to: y)
        default: return false
        }
    }
}
