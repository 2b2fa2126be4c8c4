extension Environment {
    /// Parses, checks and compiles an expression.
    /// - Throws: ``CompileError`` for syntax errors, undeclared variables, unknown fields of
    ///   declared object types, and type mismatches the checker can prove.
    public func compile(_ source: String) throws -> Program {
        // Placeholder until the parser and compiler land (issue 3).
        throw CompileError(message: "CEL compiler not built yet", offset: 0, line: 1, column: 1, source: source)
    }
}

extension FunctionRegistry {
    /// The CEL standard library (and the strings and math extensions).
    public static var standard: FunctionRegistry { .library }
}
