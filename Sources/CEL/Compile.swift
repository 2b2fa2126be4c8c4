extension Environment {
    /// Parses, checks and compiles an expression.
    /// - Throws: ``CompileError`` for syntax errors, undeclared variables, unknown fields of
    ///   declared object types, and type mismatches the checker can prove.
    public func compile(_ source: String) throws -> Program {
        try compile(source, checked: true)
    }

    /// Parses and compiles an expression. With `checked: false` nothing is rejected for
    /// its types or names: undeclared variables and functions, and type mismatches, become
    /// errors when evaluated (the conformance suite's `disable_check`). Syntax errors are
    /// always compile errors.
    public func compile(_ source: String, checked: Bool) throws -> Program {
        try compile(source, checked: checked, tracer: nil)
    }

    func compile(_ source: String, checked: Bool, tracer: TraceRecorder?) throws -> Program {
        let compiler = Compiler(environment: self, checking: checked, tracer: tracer)
        let root: Compiled
        do {
            let expr = try Parser.parse(source, maxDepth: maxNestingDepth)
            root = try compiler.compile(expr)
        } catch let error as SyntaxError {
            throw CompileError(message: error.message, offset: error.offset, hint: error.hint, source: source)
        }
        let eval = root.eval
        let localCount = compiler.localCount
        let rootCost = compiler.rootCost
        let slotCount = variables.count
        return Program(source: source, resultType: root.type) { activation, limits in
            if activation.slots.count < slotCount {
                return ErrorValues.make(.invalidArgument,
                                        "the activation holds \(activation.slots.count) values but \(slotCount) variables are declared; make it with Environment.makeActivation()",
                                        at: nil)
            }
            if rootCost > limits.maxSteps { return ErrorValues.costLimit(at: 0) }
            return Frame.withFrame(slots: activation.slots, localCount: localCount, steps: rootCost,
                                   limits: limits) { frame in
                let value = eval(&frame)
                if frame.exhausted {
                    if case .error(let e) = value, e.kind == .costLimitExceeded { return value }
                    return ErrorValues.costLimit(at: nil)
                }
                return value
            }
        }
    }
}

extension FunctionRegistry {
    /// The CEL standard library (and the strings and math extensions): the core functions
    /// built into the evaluator (`type`, `dyn`) merged with ``library``.
    public static var standard: FunctionRegistry {
        var registry = FunctionRegistry.core
        registry.merge(.library)
        return registry
    }
}
