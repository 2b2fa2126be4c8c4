import Foundation

/// `"...".format([args])` from the cel-go strings extension: `%s %d %f %e %x %X %o %b`,
/// an optional precision (`%.2f`), and `%%` for a percent sign.
extension FunctionRegistry {
    mutating func addStringFormat() {
        add("format", id: "string_format", member: true, [.string, .list], .string) { args in
            guard case .string(let template) = args[0], case .list(let values) = args[1] else {
                return LibraryError.noOverload("format", args)
            }
            switch StringFormatter.format(template, values) {
            case .success(let s): return .string(s)
            case .failure(let e): return .error(e)
            }
        }
    }
}

/// The formatting engine behind `format`.
enum StringFormatter {
    /// Precision above this is refused: it would only build enormous strings.
    static let maxPrecision = 500

    static func format(_ template: String, _ args: [Value]) -> Result<String, EvalError> {
        let chars = Array(template.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var argIndex = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "%" else {
                out.append(c)
                i += 1
                continue
            }
            if i + 1 < chars.count && chars[i + 1] == "%" {
                out.append("%")
                i += 2
                continue
            }
            i += 1
            guard i < chars.count else { return .failure(parseError("the format ends with a lone %; write %% for a percent sign")) }
            var precision: Int? = nil
            if chars[i] == "." {
                i += 1
                var digits = 0
                var p = 0
                while i < chars.count, (48...57).contains(chars[i].value) {
                    p = min(p * 10 + Int(chars[i].value - 48), maxPrecision + 1)
                    digits += 1
                    i += 1
                }
                guard i < chars.count else { return .failure(parseError("the precision after % is not followed by a formatting clause")) }
                guard p <= maxPrecision else { return .failure(parseError("precision \(p) is too large (at most \(maxPrecision))")) }
                precision = digits > 0 ? p : 0
            }
            let verb = chars[i]
            i += 1
            guard "sdfeXxob".unicodeScalars.contains(verb) else {
                return .failure(parseError("unrecognized formatting clause \"\(verb)\""))
            }
            guard argIndex < args.count else {
                return .failure(EvalError(.outOfRange, "index \(argIndex) out of range: the format asks for more values than the list holds"))
            }
            let arg = args[argIndex]
            argIndex += 1
            let piece: Result<String, EvalError>
            switch verb {
            case "s": piece = plain(arg)
            case "d": piece = decimal(arg)
            case "f": piece = fixed(arg, precision ?? 6)
            case "e": piece = scientific(arg, precision ?? 6)
            case "x": piece = hex(arg, upper: false)
            case "X": piece = hex(arg, upper: true)
            case "o": piece = radix(arg, 8, clause: "octal clause can only be used on ints and uints")
            default: piece = binary(arg)
            }
            switch piece {
            case .success(let s): out.append(contentsOf: s.unicodeScalars)
            case .failure(let e): return .failure(e)
            }
        }
        return .success(String(out))
    }

    private static func parseError(_ detail: String) -> EvalError {
        EvalError(.invalidArgument, "could not parse formatting clause: \(detail)")
    }

    private static func typeError(_ clause: String, _ arg: Value) -> EvalError {
        EvalError(.invalidArgument, "error during formatting: \(clause), was given \(arg.celType)")
    }

    /// `%s`: every value that has a plain text form; lists and maps recursively, map entries
    /// sorted by their key's text.
    static func plain(_ arg: Value) -> Result<String, EvalError> {
        switch arg {
        case .null: return .success("null")
        case .bool(let b): return .success(b ? "true" : "false")
        case .int(let i): return .success(String(i))
        case .uint(let u): return .success(String(u))
        case .double(let d): return .success(DoubleText.decimal(d))
        case .string(let s): return .success(s)
        case .bytes(let b): return .success(String(decoding: b, as: UTF8.self))
        case .type(let t): return .success(t.description)
        case .timestamp(let t): return .success(TimestampText.format(t))
        case .duration(let d): return .success(DurationText.format(d))
        case .list(let items):
            var parts: [String] = []
            for item in items {
                switch plain(item) {
                case .success(let s): parts.append(s)
                case .failure(let e): return .failure(e)
                }
            }
            return .success("[" + parts.joined(separator: ", ") + "]")
        case .map(let m):
            var entries: [(String, String)] = []
            for (k, v) in m.entries {
                guard case .success(let ks) = plain(k) else { return plain(k) }
                guard case .success(let vs) = plain(v) else { return plain(v) }
                entries.append((ks, vs))
            }
            // Sort by UTF-8 bytes, as Go compares strings.
            entries.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
            return .success("{" + entries.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}")
        case .opaque(let o): return .success(o.textDescription)
        case .scalar(let s): return .success(s.textDescription)
        case .error(let e): return .failure(e)
        }
    }

    static func decimal(_ arg: Value) -> Result<String, EvalError> {
        switch arg {
        case .int(let i): return .success(String(i))
        case .uint(let u): return .success(String(u))
        case .double(let d): return .success(DoubleText.decimal(d))
        default: return .failure(typeError("decimal clause can only be used on ints, uints, and doubles", arg))
        }
    }

    static func fixed(_ arg: Value, _ precision: Int) -> Result<String, EvalError> {
        guard let d = numeric(arg) else {
            return .failure(typeError("fixed-point clause can only be used on ints, uints, and doubles", arg))
        }
        if let special = nonFinite(d) { return .success(special) }
        return .success(String(format: "%.\(precision)f", d))
    }

    static func scientific(_ arg: Value, _ precision: Int) -> Result<String, EvalError> {
        guard let d = numeric(arg) else {
            return .failure(typeError("scientific clause can only be used on ints, uints, and doubles", arg))
        }
        if let special = nonFinite(d) { return .success(special) }
        return .success(String(format: "%.\(precision)e", d))
    }

    static func hex(_ arg: Value, upper: Bool) -> Result<String, EvalError> {
        let digits: String
        switch arg {
        case .int(let i): digits = (i < 0 ? "-" : "") + String(i.magnitude, radix: 16)
        case .uint(let u): digits = String(u, radix: 16)
        case .string(let s): digits = hexBytes(Array(s.utf8))
        case .bytes(let b): digits = hexBytes(b)
        default: return .failure(typeError("only ints, uints, bytes, and strings can be formatted as hex", arg))
        }
        return .success(upper ? digits.uppercased() : digits)
    }

    static func radix(_ arg: Value, _ base: Int, clause: String) -> Result<String, EvalError> {
        switch arg {
        case .int(let i): return .success((i < 0 ? "-" : "") + String(i.magnitude, radix: base))
        case .uint(let u): return .success(String(u, radix: base))
        default: return .failure(typeError(clause, arg))
        }
    }

    static func binary(_ arg: Value) -> Result<String, EvalError> {
        if case .bool(let b) = arg { return .success(b ? "1" : "0") }
        return radix(arg, 2, clause: "only ints, uints, and bools can be formatted as binary")
    }

    private static func numeric(_ arg: Value) -> Double? {
        switch arg {
        case .int(let i): return Double(i)
        case .uint(let u): return Double(u)
        case .double(let d): return d
        default: return nil
        }
    }

    private static func nonFinite(_ d: Double) -> String? {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return nil
    }

    private static func hexBytes(_ bytes: [UInt8]) -> String {
        let table = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(table[Int(b >> 4)])
            out.append(table[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
