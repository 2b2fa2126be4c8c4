import CEL

/// Static types of rule variables derived from the case schema's types.
enum SchemaTypes {
    /// The element type of a list type; `.dyn` when unknown.
    static func elementType(of type: CELType) -> CELType {
        if case .listOf(let element) = type { return element }
        return .dyn
    }
}
