/// The kinds of value an overload parameter accepts.
public enum ArgKind: Hashable, Sendable {
    case any, null, bool, int, uint, double, string, bytes, list, map, type, timestamp, duration
    /// A host type registered through ``OpaqueValue``, by its `typeName`.
    case opaque(String)

    /// Whether a runtime value is of this kind.
    @inlinable public func matches(_ value: Value) -> Bool {
        switch (self, value) {
        case (.any, _): return true
        case (.null, .null), (.bool, .bool), (.int, .int), (.uint, .uint), (.double, .double),
             (.string, .string), (.bytes, .bytes), (.list, .list), (.map, .map), (.type, .type),
             (.timestamp, .timestamp), (.duration, .duration):
            return true
        case (.opaque(let name), .opaque(let o)): return Swift.type(of: o).typeName == name
        case (.opaque(let name), .scalar(let s)): return s.type.name == name
        default: return false
        }
    }
}

/// One signature of a function: `size(string) -> int`, `string.contains(string) -> bool`.
public struct Overload: Sendable {
    /// A stable identifier, cel-go style: `size_string`, `add_date_duration`.
    public var id: String
    /// Called as a method on its first argument: `s.contains(x)`.
    public var isMember: Bool
    public var parameters: [ArgKind]
    /// The result type, for the checker; `.dyn` when it depends on the arguments.
    public var resultType: CELType
    /// The implementation. It receives already-evaluated arguments (never error values:
    /// errors in arguments propagate before the call) and returns a value or an error value.
    public var implementation: @Sendable ([Value]) -> Value

    public init(id: String, member: Bool = false, parameters: [ArgKind], result: CELType = .dyn,
                _ implementation: @escaping @Sendable ([Value]) -> Value) {
        self.id = id
        self.isMember = member
        self.parameters = parameters
        self.resultType = result
        self.implementation = implementation
    }

    /// Whether this overload accepts these runtime arguments.
    @inlinable public func accepts(_ args: [Value], member: Bool) -> Bool {
        guard member == isMember, args.count == parameters.count else { return false }
        for i in 0..<args.count where !parameters[i].matches(args[i]) { return false }
        return true
    }
}

/// Functions known to an ``Environment``, by name. Operators use CEL's internal names:
/// `_+_`, `_-_`, `_*_`, `_/_`, `_%_`, `_<_`, `_<=_`, `_>_`, `_>=_`, `_==_`, `_!=_`, `-_`,
/// `!_`, `_[_]`, `@in`. Hosts add functions and operator overloads for their own types
/// with ``register(_:_:)``.
public struct FunctionRegistry: Sendable {
    public private(set) var functions: [String: [Overload]] = [:]

    public init() {}

    /// Adds an overload. A later overload with the same id replaces the earlier one.
    public mutating func register(_ name: String, _ overload: Overload) {
        var list = functions[name, default: []]
        if let i = list.firstIndex(where: { $0.id == overload.id }) { list[i] = overload } else { list.append(overload) }
        functions[name] = list
    }

    /// Adds every function of another registry.
    public mutating func merge(_ other: FunctionRegistry) {
        for (name, overloads) in other.functions { for o in overloads { register(name, o) } }
    }

    public func overloads(named name: String) -> [Overload] { functions[name] ?? [] }
}
