/// CEL's heterogeneous equality: numbers compare by value across int, uint and double;
/// lists and maps compare element by element; values of different kinds are unequal
/// (never an error). Errors are handled by the caller before this is reached.
enum Equality {
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.uint(let x), .uint(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return sameText(x, y)
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.int, .uint), (.uint, .int), (.int, .double), (.double, .int), (.uint, .double), (.double, .uint):
            return Ordering.compare(a, b) == .equal
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            for i in 0..<x.count where !equal(x[i], y[i]) { return false }
            return true
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in x.entries {
                guard let w = y[k], equal(v, w) else { return false }
            }
            return true
        case (.type(let x), .type(let y)): return x == y
        case (.timestamp(let x), .timestamp(let y)): return x == y
        case (.duration(let x), .duration(let y)): return x == y
        case (.opaque(let x), .opaque(let y)): return x.isEqual(to: y)
        case (.scalar(let x), .scalar(let y)): return x.isEqual(to: y)
        default: return false
        }
    }

    /// String equality by code points. Swift's `==` treats canonically equivalent strings
    /// ("é" and "e" + combining accent) as equal; CEL does not.
    @inline(__always)
    static func sameText(_ x: String, _ y: String) -> Bool { MapKey.sameUTF8(x, y) }

}
