/// The cel-go math extension: `math.greatest`, `math.least`, rounding, `abs`, `sign`,
/// floating-point classification, bitwise operations and `sqrt`.
extension FunctionRegistry {
    /// `math.greatest` and `math.least` take one to this many arguments (or one list).
    static let maxExtremumArity = 32

    mutating func addMathExtensions() {
        addExtrema()
        addRounding()
        addSigns()
        addBitwise()
    }

    private mutating func addExtrema() {
        for (name, wantGreater) in [("math.greatest", true), ("math.least", false)] {
            let base = name.replacingOccurrences(of: ".", with: "_")
            for arity in 1...Self.maxExtremumArity {
                add(name, id: "\(base)_\(arity)", Array(repeating: .any, count: arity), .dyn) { args in
                    if args.count == 1, case .list(let items) = args[0] {
                        guard !items.isEmpty else {
                            return LibraryError.invalid("\(name)() needs at least one value, but the list is empty")
                        }
                        return MathExt.extremum(name, items, wantGreater: wantGreater)
                    }
                    return MathExt.extremum(name, args, wantGreater: wantGreater)
                }
            }
        }
    }

    private mutating func addRounding() {
        let roundings: [(String, FloatingPointRoundingRule)] = [
            ("math.ceil", .up), ("math.floor", .down), ("math.round", .toNearestOrAwayFromZero), ("math.trunc", .towardZero),
        ]
        for (name, rule) in roundings {
            add(name, id: name.replacingOccurrences(of: ".", with: "_") + "_double", [.double], .double) { args in
                guard case .double(let d) = args[0] else { return LibraryError.noOverload(name, args) }
                return .double(d.rounded(rule))
            }
        }
        let classifiers: [(String, @Sendable (Double) -> Bool)] = [
            ("math.isInf", { $0.isInfinite }), ("math.isNaN", { $0.isNaN }), ("math.isFinite", { $0.isFinite }),
        ]
        for (name, test) in classifiers {
            add(name, id: name.replacingOccurrences(of: ".", with: "_") + "_double", [.double], .bool) { args in
                guard case .double(let d) = args[0] else { return LibraryError.noOverload(name, args) }
                return .bool(test(d))
            }
        }
        add("math.sqrt", id: "math_sqrt_double", [.double], .double) { args in
            guard case .double(let d) = args[0] else { return LibraryError.noOverload("math.sqrt", args) }
            return .double(d.squareRoot())
        }
        add("math.sqrt", id: "math_sqrt_int", [.int], .double) { args in
            guard case .int(let i) = args[0] else { return LibraryError.noOverload("math.sqrt", args) }
            return .double(Double(i).squareRoot())
        }
        add("math.sqrt", id: "math_sqrt_uint", [.uint], .double) { args in
            guard case .uint(let u) = args[0] else { return LibraryError.noOverload("math.sqrt", args) }
            return .double(Double(u).squareRoot())
        }
    }

    private mutating func addSigns() {
        add("math.abs", id: "math_abs_int", [.int], .int) { args in
            guard case .int(let i) = args[0] else { return LibraryError.noOverload("math.abs", args) }
            guard i != .min else { return LibraryError.overflow("math.abs(\(i)) overflows: the result is larger than the largest int") }
            return .int(Swift.abs(i))
        }
        add("math.abs", id: "math_abs_uint", [.uint], .uint) { $0[0] }
        add("math.abs", id: "math_abs_double", [.double], .double) { args in
            guard case .double(let d) = args[0] else { return LibraryError.noOverload("math.abs", args) }
            return .double(Swift.abs(d))
        }
        add("math.sign", id: "math_sign_int", [.int], .int) { args in
            guard case .int(let i) = args[0] else { return LibraryError.noOverload("math.sign", args) }
            return .int(i > 0 ? 1 : i < 0 ? -1 : 0)
        }
        add("math.sign", id: "math_sign_uint", [.uint], .uint) { args in
            guard case .uint(let u) = args[0] else { return LibraryError.noOverload("math.sign", args) }
            return .uint(u > 0 ? 1 : 0)
        }
        add("math.sign", id: "math_sign_double", [.double], .double) { args in
            guard case .double(let d) = args[0] else { return LibraryError.noOverload("math.sign", args) }
            return .double(d > 0 ? 1 : d < 0 ? -1 : d)   // zero and NaN stay as they are
        }
    }

    private mutating func addBitwise() {
        let binary: [(String, @Sendable (UInt64, UInt64) -> UInt64)] = [
            ("math.bitAnd", { $0 & $1 }), ("math.bitOr", { $0 | $1 }), ("math.bitXor", { $0 ^ $1 }),
        ]
        for (name, op) in binary {
            let base = name.replacingOccurrences(of: ".", with: "_")
            add(name, id: "\(base)_int_int", [.int, .int], .int) { args in
                guard case .int(let a) = args[0], case .int(let b) = args[1] else { return LibraryError.noOverload(name, args) }
                return .int(Int64(bitPattern: op(UInt64(bitPattern: a), UInt64(bitPattern: b))))
            }
            add(name, id: "\(base)_uint_uint", [.uint, .uint], .uint) { args in
                guard case .uint(let a) = args[0], case .uint(let b) = args[1] else { return LibraryError.noOverload(name, args) }
                return .uint(op(a, b))
            }
        }
        add("math.bitNot", id: "math_bitNot_int", [.int], .int) { args in
            guard case .int(let a) = args[0] else { return LibraryError.noOverload("math.bitNot", args) }
            return .int(~a)
        }
        add("math.bitNot", id: "math_bitNot_uint", [.uint], .uint) { args in
            guard case .uint(let a) = args[0] else { return LibraryError.noOverload("math.bitNot", args) }
            return .uint(~a)
        }
        // Shifts are logical (zero-filling) for ints too, as in cel-go; 64 or more gives 0.
        for (name, left) in [("math.bitShiftLeft", true), ("math.bitShiftRight", false)] {
            let base = name.replacingOccurrences(of: ".", with: "_")
            add(name, id: "\(base)_int_int", [.int, .int], .int) { args in
                guard case .int(let a) = args[0], case .int(let n) = args[1] else { return LibraryError.noOverload(name, args) }
                guard n >= 0 else { return MathExt.negativeShift(name, n) }
                return .int(Int64(bitPattern: MathExt.shift(UInt64(bitPattern: a), n, left: left)))
            }
            add(name, id: "\(base)_uint_int", [.uint, .int], .uint) { args in
                guard case .uint(let a) = args[0], case .int(let n) = args[1] else { return LibraryError.noOverload(name, args) }
                guard n >= 0 else { return MathExt.negativeShift(name, n) }
                return .uint(MathExt.shift(a, n, left: left))
            }
        }
    }
}

/// The implementations behind the math extension.
enum MathExt {
    static func shift(_ a: UInt64, _ n: Int64, left: Bool) -> UInt64 {
        guard n < 64 else { return 0 }
        return left ? a << UInt64(n) : a >> UInt64(n)
    }

    static func negativeShift(_ name: String, _ n: Int64) -> Value {
        LibraryError.invalid("\(name)() negative offset: \(n); the shift must be zero or more")
    }

    /// The greatest (or least) of numeric values of any mix of int, uint and double; the
    /// winner keeps its own type, and the first of equal values wins.
    static func extremum(_ name: String, _ values: [Value], wantGreater: Bool) -> Value {
        var best: Value? = nil
        for v in values {
            switch v {
            case .int, .uint, .double: break
            case .error: return v
            default:
                return .error(EvalError(.noSuchOverload, "\(name)() works on numbers (int, uint, double), but was given a \(v.celType)"))
            }
            guard let current = best else { best = v; continue }
            let order = compare(v, current)
            if wantGreater ? order > 0 : order < 0 { best = v }
        }
        return best!
    }

    /// Orders two numbers of any numeric kinds exactly (no rounding through double).
    /// NaN compares equal to everything, so it never displaces a winner.
    static func compare(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : x > y ? 1 : 0
        case (.uint(let x), .uint(let y)): return x < y ? -1 : x > y ? 1 : 0
        case (.double(let x), .double(let y)): return x < y ? -1 : x > y ? 1 : 0
        case (.int(let x), .uint(let y)): return x < 0 ? -1 : compare(.uint(UInt64(x)), .uint(y))
        case (.uint, .int): return -compare(b, a)
        case (.double(let x), .int(let y)):
            if x.isNaN { return 0 }
            if x < -9.223372036854775808e18 { return -1 }
            if x >= 9.223372036854775808e18 { return 1 }
            let whole = Int64(x.rounded(.down))
            if whole != y { return whole < y ? -1 : 1 }
            return x > x.rounded(.down) ? 1 : 0
        case (.double(let x), .uint(let y)):
            if x.isNaN { return 0 }
            if x < 0 { return -1 }
            if x >= 1.8446744073709551616e19 { return 1 }
            let whole = UInt64(x.rounded(.down))
            if whole != y { return whole < y ? -1 : 1 }
            return x > x.rounded(.down) ? 1 : 0
        case (.int, .double), (.uint, .double): return -compare(b, a)
        default: return 0
        }
    }
}
