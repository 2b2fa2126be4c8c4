/// Shorthands the library files use to declare overloads and build error values.
extension FunctionRegistry {
    /// Registers one overload of `name`.
    mutating func add(_ name: String, id: String, member: Bool = false, _ parameters: [ArgKind],
                      _ result: CELType, _ implementation: @escaping @Sendable ([Value]) -> Value) {
        register(name, Overload(id: id, member: member, parameters: parameters, result: result, implementation))
    }
}

/// Error values the library returns. Messages are written for the people who write rules.
enum LibraryError {
    static func noOverload(_ function: String, _ args: [Value]) -> Value {
        let kinds = args.map { $0.celType.description }.joined(separator: ", ")
        return .error(EvalError(.noSuchOverload, "no such overload: \(function)(\(kinds))"))
    }

    static func invalid(_ message: String) -> Value {
        .error(EvalError(.invalidArgument, message))
    }

    static func range(_ message: String) -> Value {
        .error(EvalError(.outOfRange, message))
    }

    static func overflow(_ message: String) -> Value {
        .error(EvalError(.overflow, message))
    }
}
