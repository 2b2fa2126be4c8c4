/// A compiled expression, ready to evaluate many times against different activations.
/// Evaluation does no parsing and no lookups of variable names.
public struct Program: Sendable {
    /// The expression's source text.
    public let source: String
    /// The statically inferred result type (`.dyn` when unknown).
    public let resultType: CELType
    private let body: @Sendable (Activation, EvaluationLimits) -> Value

    public init(source: String, resultType: CELType, body: @escaping @Sendable (Activation, EvaluationLimits) -> Value) {
        self.source = source
        self.resultType = resultType
        self.body = body
    }

    /// Evaluates the program. Never throws: failures come back as `.error` values.
    public func evaluate(_ activation: Activation, limits: EvaluationLimits = .default) -> Value {
        body(activation, limits)
    }
}

extension Program {
    /// An evaluation error shown like a compile error: `line:column: message`, the source
    /// line and a caret under the part of the expression that failed (when known).
    public func render(_ error: EvalError) -> String {
        guard let offset = error.offset else { return error.message }
        return CompileError(message: error.message, offset: offset, source: source).description
    }
}
