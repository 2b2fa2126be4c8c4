import CEL

/// An expression of a rule compiled to a CEL program, with what it is for (`when`,
/// `deadline.start`) and where it is written, for error findings.
///
/// A class, not a struct: a rule's kind is matched (and so its expressions copied) for
/// every record and item checked, and copying one reference costs one retain where the
/// program, its source text, positions and environment cost a dozen.
final class CompiledExpression: Sendable {
    let program: Program
    let source: RuleExpression
    /// The rule-file key the expression sits under, such as `deadline.start`.
    let role: String
    /// The environment it was compiled in, to compile it again with tracing for `explain`.
    let environment: Environment

    init(program: Program, source: RuleExpression, role: String, environment: Environment) {
        self.program = program
        self.source = source
        self.role = role
        self.environment = environment
    }

    func evaluate(_ activation: Activation) -> Value {
        program.evaluate(activation)
    }

    /// Evaluates it once more, recording what each sub-expression gave (for `explain`).
    /// Empty when it cannot be traced; the verdict never depends on this.
    func trace(_ activation: Activation) -> [TraceStep] {
        (try? environment.trace(source.text, activation: activation))?.steps ?? []
    }
}
