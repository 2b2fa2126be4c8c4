/// Shorthands the library files use to declare overloads and build error values.
extension FunctionRegistry {
    /// Registers one overload of `name`.
    mutating func add(_ name: String, id: String, member: Bool = false, _ parameters: [ArgKind],
                      _ result: CELType, _ implementation: @escaping @Sendable ([Value]) -> Value) {
        register(name, Overload(id: id, member: member, parameters: parameters, result: result, implementation))
    }
}
