/// What the checker knows about static types: which operator applications can be proven
/// wrong before evaluation, and what they yield. `dyn` (and host types) stay lenient.
enum TypeRules {
    /// Whether a value of static type `type` could be accepted by a parameter of kind `kind`.
    static func mayMatch(_ kind: ArgKind, _ type: CELType) -> Bool {
        switch type {
        case .dyn, .error: return true
        default: break
        }
        switch (kind, type) {
        case (.any, _): return true
        case (.null, .null), (.bool, .bool), (.int, .int), (.uint, .uint), (.double, .double),
             (.string, .string), (.bytes, .bytes), (.type, .type), (.timestamp, .timestamp),
             (.duration, .duration):
            return true
        case (.list, .list), (.list, .listOf): return true
        case (.map, .map), (.map, .mapOf), (.map, .object): return true
        case (.opaque(let n), .opaque(let m)): return n == m
        default: return false
        }
    }

    /// Whether the static type says nothing useful (so no check can be made).
    static func isOpen(_ type: CELType) -> Bool {
        switch type {
        case .dyn, .error, .opaque: return true
        default: return false
        }
    }

    /// Kinds whose values can be equal to each other: numbers form one group.
    static func equalityGroup(_ type: CELType) -> String? {
        switch type {
        case .int, .uint, .double: return "number"
        case .bool: return "bool"
        case .string: return "string"
        case .bytes: return "bytes"
        case .timestamp: return "timestamp"
        case .duration: return "duration"
        case .list, .listOf: return "list"
        case .map, .mapOf, .object: return "map"
        case .type: return "type"
        default: return nil
        }
    }

    /// Whether the built-in operators handle these static types; nil when unknown.
    static func builtinSupports(_ op: BinaryOperator, _ l: CELType, _ r: CELType) -> Bool? {
        switch (l, r) {
        case (.dyn, _), (_, .dyn), (.error, _), (_, .error): return nil
        case (.opaque(let n), .opaque(let m)):
            // Host values compare and order through their protocol, with values of their
            // own type; arithmetic on them exists only as registered overloads.
            switch op {
            case .add, .subtract, .multiply, .divide, .remainder: return false
            case .in: return false
            default: return n == m ? nil : false
            }
        case (.opaque, .null), (.null, .opaque):
            return op == .equal || op == .notEqual ? true : false
        case (.opaque, _), (_, .opaque):
            // A host value never equals or orders against a built-in value (a date against
            // a string, say): only a registered overload could make sense of it.
            if op == .in, case .opaque = l { return builtinSupports(.in, .dyn, r) }
            return false
        default: break
        }
        switch op {
        case .add:
            switch (l, r) {
            case (.int, .int), (.uint, .uint), (.double, .double), (.string, .string), (.bytes, .bytes):
                return true
            case (.list, .list), (.list, .listOf), (.listOf, .list), (.listOf, .listOf): return true
            default: return false
            }
        case .subtract, .multiply, .divide:
            switch (l, r) {
            case (.int, .int), (.uint, .uint), (.double, .double): return true
            default: return false
            }
        case .remainder:
            switch (l, r) {
            case (.int, .int), (.uint, .uint): return true
            default: return false
            }
        case .less, .lessEqual, .greater, .greaterEqual:
            switch (l, r) {
            case (.int, .int), (.uint, .uint), (.double, .double), (.int, .uint), (.uint, .int),
                 (.int, .double), (.double, .int), (.uint, .double), (.double, .uint),
                 (.string, .string), (.bytes, .bytes), (.bool, .bool), (.timestamp, .timestamp),
                 (.duration, .duration):
                return true
            default: return false
            }
        case .equal, .notEqual:
            if l == .null || r == .null { return true }
            guard let a = equalityGroup(l), let b = equalityGroup(r) else { return nil }
            return a == b
        case .in:
            switch r {
            case .list, .listOf, .map, .mapOf, .object: return true
            default: return false
            }
        }
    }

    /// The static result type of a built-in binary operator.
    static func resultType(_ op: BinaryOperator, _ l: CELType, _ r: CELType) -> CELType {
        switch op {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .in: return .bool
        case .add:
            if l == r, !isOpen(l) { return l }
            switch (l, r) {
            case (.list, _), (.listOf, _): return .list
            default: return .dyn
            }
        default:
            if l == r, !isOpen(l) { return l }
            return .dyn
        }
    }

    /// The result type shared by the overloads that may accept these argument types.
    static func overloadResult(_ overloads: [Overload], _ argTypes: [CELType]) -> CELType {
        let candidates = overloads.filter { o in
            o.parameters.count == argTypes.count && zip(o.parameters, argTypes).allSatisfy { mayMatch($0, $1) }
        }
        guard let first = candidates.first else { return .dyn }
        return candidates.allSatisfy { $0.resultType == first.resultType } ? first.resultType : .dyn
    }

    /// Whether some overload may accept these argument types.
    static func anyOverloadMayMatch(_ overloads: [Overload], _ argTypes: [CELType]) -> Bool {
        overloads.contains { o in
            o.parameters.count == argTypes.count && zip(o.parameters, argTypes).allSatisfy { mayMatch($0, $1) }
        }
    }
}
