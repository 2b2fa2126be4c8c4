extension Value {
    /// The value written the way a CEL expression would write it (`1u`, `"text"`,
    /// `[1, 2]`, `{"k": true}`), for messages and test output.
    public var literalText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return "\(u)u"
        case .double(let d):
            if d.isNaN { return "double(\"NaN\")" }
            if d.isInfinite { return d > 0 ? "double(\"Infinity\")" : "double(\"-Infinity\")" }
            return d == d.rounded() && abs(d) < 1e16 ? String(format2: d) : "\(d)"
        case .string(let s): return Value.quote(s)
        case .bytes(let b):
            var out = "b\""
            for byte in b {
                if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    out.append(Character(Unicode.Scalar(byte)))
                } else {
                    out += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
                }
            }
            return out + "\""
        case .list(let xs): return "[" + xs.map(\.literalText).joined(separator: ", ") + "]"
        case .map(let m):
            return "{" + m.entries.map { "\($0.0.literalText): \($0.1.literalText)" }.joined(separator: ", ") + "}"
        case .type(let t): return t.description
        case .timestamp(let t): return "timestamp(\"\(TimestampText.format(t))\")"
        case .duration(let d): return "duration(\"\(DurationText.format(d))\")"
        case .opaque(let o): return o.textDescription
        case .scalar(let s): return s.textDescription
        case .error(let e): return "error(\(e.message))"
        }
    }

    /// A double-quoted string literal with escapes for quotes, backslashes and controls.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

private extension String {
    /// A whole double with a trailing ".0", so it reads as a double and not an int.
    init(format2 d: Double) {
        self = String(Int64(d)) + ".0"
        if d == 0 && d.sign == .minus { self = "-0.0" }
    }
}
