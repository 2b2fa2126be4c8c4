import CEL

/// An expression of a rule compiled to a CEL program, with what it is for (`when`,
/// `deadline.start`) and where it is written, for error findings.
struct CompiledExpression: Sendable {
    let program: Program
    let source: RuleExpression
    /// The rule-file key the expression sits under, such as `deadline.start`.
    let role: String

    func evaluate(_ activation: Activation) -> Value {
        program.evaluate(activation)
    }
}
