/// The overloads one call site may reach, prepared at compile time so that choosing one
/// at run time compares bit masks instead of walking `ArgKind`s (which would copy and
/// reference-count them).
final class DispatchTable: @unchecked Sendable {
    let name: String
    let overloads: [Overload]
    private let arity: Int
    /// For overload `i` and parameter `j`, the value kinds accepted, at `i * arity + j`.
    private let masks: [UInt32]
    /// Whether overload `i` has a host-type parameter, whose type name must also match.
    private let checksTypeName: [Bool]

    init(name: String, overloads: [Overload], arity: Int) {
        self.name = name
        self.overloads = overloads.filter { $0.parameters.count == arity }
        self.arity = arity
        var masks: [UInt32] = []
        var checks: [Bool] = []
        for o in self.overloads {
            var opaque = false
            for kind in o.parameters {
                masks.append(DispatchTable.mask(of: kind))
                if case .opaque = kind { opaque = true }
            }
            checks.append(opaque)
        }
        self.masks = masks
        self.checksTypeName = checks
    }

    var isEmpty: Bool { overloads.isEmpty }

    static func mask(of kind: ArgKind) -> UInt32 {
        switch kind {
        case .any: return UInt32.max
        case .null: return 1 << 0
        case .bool: return 1 << 1
        case .int: return 1 << 2
        case .uint: return 1 << 3
        case .double: return 1 << 4
        case .string: return 1 << 5
        case .bytes: return 1 << 6
        case .list: return 1 << 7
        case .map: return 1 << 8
        case .type: return 1 << 9
        case .timestamp: return 1 << 10
        case .duration: return 1 << 11
        case .opaque: return 1 << 12
        }
    }

    @inline(__always)
    static func bit(of value: Value) -> UInt32 {
        switch value {
        case .null: return 1 << 0
        case .bool: return 1 << 1
        case .int: return 1 << 2
        case .uint: return 1 << 3
        case .double: return 1 << 4
        case .string: return 1 << 5
        case .bytes: return 1 << 6
        case .list: return 1 << 7
        case .map: return 1 << 8
        case .type: return 1 << 9
        case .timestamp: return 1 << 10
        case .duration: return 1 << 11
        case .opaque, .scalar: return 1 << 12
        case .error: return 1 << 13
        }
    }

    /// Calls the first overload that accepts the arguments (which are never errors).
    func call(_ args: [Value], at offset: Int, _ frame: inout Frame) -> Value {
        let n = overloads.count
        var i = 0
        while i < n {
            var accepted = true
            for j in 0..<arity where masks[i * arity + j] & DispatchTable.bit(of: args[j]) == 0 {
                accepted = false
                break
            }
            if accepted && checksTypeName[i] {
                accepted = Dispatch.matches(overloads[i], args)
            }
            if accepted {
                return Dispatch.checked(overloads[i].implementation(args), at: offset, &frame)
            }
            i += 1
        }
        return ErrorValues.noSuchOverload(name, args, at: offset)
    }
}

/// Calls the first registered overload that accepts the arguments.
enum Dispatch {
    static func call(_ overloads: [Overload], _ args: [Value], name: String, at offset: Int,
                     _ frame: inout Frame) -> Value {
        for overload in overloads where matches(overload, args) {
            let result = overload.implementation(args)
            return checked(result, at: offset, &frame)
        }
        return ErrorValues.noSuchOverload(name, args, at: offset)
    }

    @inline(__always)
    static func matches(_ overload: Overload, _ args: [Value]) -> Bool {
        let parameters = overload.parameters
        guard parameters.count == args.count else { return false }
        for i in 0..<args.count where !parameters[i].matches(args[i]) { return false }
        return true
    }
    /// Applies the size limit to what a function built, and gives errors without a
    /// position the position of the call.
    @inline(__always)
    static func checked(_ result: Value, at offset: Int, _ frame: inout Frame) -> Value {
        switch result {
        case .string(let s):
            if !frame.checkSize(s.utf8.count) { return ErrorValues.costLimit(at: offset) }
        case .bytes(let b):
            if !frame.checkSize(b.count) { return ErrorValues.costLimit(at: offset) }
        case .list(let xs):
            if !frame.checkSize(xs.count) { return ErrorValues.costLimit(at: offset) }
        case .error(let e) where e.offset == nil:
            return .error(EvalError(e.kind, e.message, offset: offset))
        default: break
        }
        return result
    }
}
