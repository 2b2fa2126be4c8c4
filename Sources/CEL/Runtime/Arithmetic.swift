/// Built-in arithmetic on CEL's numbers, strings, bytes and lists. Each function returns
/// nil when it has no overload for the operands' kinds, so that the caller can try the
/// overloads registered by the library or the host (timestamps, durations, dates).
enum Arithmetic {
    static func overflow(_ op: String, at offset: Int?) -> Value {
        ErrorValues.make(.overflow, "integer overflow in '\(op)'", at: offset)
    }

    @inline(__always)
    static func add(_ a: Value, _ b: Value, _ frame: inout Frame, at offset: Int) -> Value? {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? overflow("+", at: offset) : .int(r)
        case (.double(let x), .double(let y)): return .double(x + y)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? overflow("+", at: offset) : .uint(r)
        case (.string(let x), .string(let y)):
            guard frame.checkSize(x.utf8.count + y.utf8.count) else { return ErrorValues.costLimit(at: offset) }
            return .string(x + y)
        case (.bytes(let x), .bytes(let y)):
            guard frame.checkSize(x.count + y.count) else { return ErrorValues.costLimit(at: offset) }
            return .bytes(x + y)
        case (.list(let x), .list(let y)):
            guard frame.checkSize(x.count + y.count) else { return ErrorValues.costLimit(at: offset) }
            if x.isEmpty { return b }
            if y.isEmpty { return a }
            return .list(x + y)
        default: return nil
        }
    }

    @inline(__always)
    static func subtract(_ a: Value, _ b: Value, at offset: Int) -> Value? {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? overflow("-", at: offset) : .int(r)
        case (.double(let x), .double(let y)): return .double(x - y)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? overflow("-", at: offset) : .uint(r)
        default: return nil
        }
    }

    @inline(__always)
    static func multiply(_ a: Value, _ b: Value, at offset: Int) -> Value? {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? overflow("*", at: offset) : .int(r)
        case (.double(let x), .double(let y)): return .double(x * y)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? overflow("*", at: offset) : .uint(r)
        default: return nil
        }
    }

    static func divide(_ a: Value, _ b: Value, at offset: Int) -> Value? {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { return ErrorValues.make(.divideByZero, "division by zero", at: offset) }
            let (r, o) = x.dividedReportingOverflow(by: y)
            return o ? overflow("/", at: offset) : .int(r)
        case (.double(let x), .double(let y)): return .double(x / y)
        case (.uint(let x), .uint(let y)):
            if y == 0 { return ErrorValues.make(.divideByZero, "division by zero", at: offset) }
            return .uint(x / y)
        default: return nil
        }
    }

    static func remainder(_ a: Value, _ b: Value, at offset: Int) -> Value? {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { return ErrorValues.make(.divideByZero, "modulus by zero", at: offset) }
            let (r, o) = x.remainderReportingOverflow(dividingBy: y)
            return o ? overflow("%", at: offset) : .int(r)
        case (.uint(let x), .uint(let y)):
            if y == 0 { return ErrorValues.make(.divideByZero, "modulus by zero", at: offset) }
            return .uint(x % y)
        default: return nil
        }
    }

    static func negate(_ a: Value, at offset: Int) -> Value? {
        switch a {
        case .int(let x):
            if x == .min { return overflow("-", at: offset) }
            return .int(-x)
        case .double(let x): return .double(-x)
        default: return nil
        }
    }
}
