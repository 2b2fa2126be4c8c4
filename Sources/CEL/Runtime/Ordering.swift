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
            if Equality.sameText(x, y) { return .equal }
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
        case (.scalar(let x), .scalar(let y)):
            guard x.type === y.type, let c = x.type.compare(x.bits, y.bits) else { return nil }
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

    /// Compares an int with a double as CEL does: the int converted to a double (so
    /// 9223372036854775807 and 9223372036854775808.0 compare equal).
    static func compareInt(_ i: Int64, _ d: Double) -> Comparison {
        if d.isNaN { return .unordered }
        return order(Double(i), d)
    }

    static func compareUInt(_ u: UInt64, _ d: Double) -> Comparison {
        if d.isNaN { return .unordered }
        return order(Double(u), d)
    }
}
