/// The outcome of comparing two values.
enum Comparison {
    case less, equal, greater
    /// Both are numbers but one is NaN: every ordering operator yields false.
    case unordered
}

/// CEL ordering: numbers across int, uint and double (exactly, without rounding), strings
/// by code point, bytes, bools, timestamps, durations, and host values through
/// ``OpaqueValue/compare(to:)``. Returns nil for kinds that have no order.
enum Ordering {
    static func compare(_ a: Value, _ b: Value) -> Comparison? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return order(x, y)
        case (.uint(let x), .uint(let y)): return order(x, y)
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return .unordered }
            return order(x, y)
        case (.string(let x), .string(let y)):
            if x == y { return .equal }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? .less : .greater
        case (.bytes(let x), .bytes(let y)):
            if x == y { return .equal }
            return x.lexicographicallyPrecedes(y) ? .less : .greater
        case (.bool(let x), .bool(let y)): return x == y ? .equal : (!x ? .less : .greater)
        case (.timestamp(let x), .timestamp(let y)): return order(x, y)
        case (.duration(let x), .duration(let y)): return order(x, y)
        case (.int(let x), .uint(let y)): return x < 0 ? .less : order(UInt64(x), y)
        case (.uint(let x), .int(let y)): return y < 0 ? .greater : order(x, UInt64(y))
        case (.int(let x), .double(let y)): return compareInt(x, y)
        case (.double(let x), .int(let y)): return invert(compareInt(y, x))
        case (.uint(let x), .double(let y)): return compareUInt(x, y)
        case (.double(let x), .uint(let y)): return invert(compareUInt(y, x))
        case (.opaque(let x), .opaque(let y)):
            guard let c = x.compare(to: y) else { return nil }
            return c < 0 ? .less : (c == 0 ? .equal : .greater)
        default: return nil
        }
    }

    @inline(__always)
    static func order<T: Comparable>(_ x: T, _ y: T) -> Comparison {
        x < y ? .less : (x == y ? .equal : .greater)
    }

    static func invert(_ c: Comparison) -> Comparison {
        switch c {
        case .less: return .greater
        case .greater: return .less
        default: return c
        }
    }

    /// Compares an int with a double exactly: the double's integral part is compared as an
    /// integer, then its fraction breaks ties.
    static func compareInt(_ i: Int64, _ d: Double) -> Comparison {
        if d.isNaN { return .unordered }
        if d < -9.223372036854775808e18 { return .greater }
        if d >= 9.223372036854775808e18 { return .less }
        let whole = d.rounded(.towardZero)
        let w = Int64(whole)
        if i != w { return order(i, w) }
        let fraction = d - whole
        return fraction > 0 ? .less : (fraction < 0 ? .greater : .equal)
    }

    static func compareUInt(_ u: UInt64, _ d: Double) -> Comparison {
        if d.isNaN { return .unordered }
        if d < 0 { return .greater }
        if d >= 1.8446744073709551616e19 { return .less }
        let whole = d.rounded(.towardZero)
        let w = UInt64(whole)
        if u != w { return order(u, w) }
        return d - whole > 0 ? .less : .equal
    }
}
