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
