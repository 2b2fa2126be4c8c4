import CEL

/// Resolution of plain (unquoted) YAML scalars by the YAML 1.2 core schema: null, booleans,
/// integers (decimal, 0o octal, 0x hex), floats (including .inf and .nan); anything else is
/// text. Dates are not resolved here: only a date field turns text into a date.
enum YAMLCoreScalar {
    static func resolve(_ text: String) -> Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        let utf8 = text.utf8
        guard let first = utf8.first else { return .string(text) }
        let startsNumeric = (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
            || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        guard startsNumeric else { return .string(text) }
        if let integer = integer(text) { return .int(integer) }
        if isFloat(utf8), let d = Double(text) { return .double(d) }
        return .string(text)
    }

    private static func integer(_ text: String) -> Int64? {
        if text.hasPrefix("0x") { return Int64(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int64(text.dropFirst(2), radix: 8) }
        var digits = Substring(text)
        if digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") || $0 == UInt8(ascii: "-") }) else {
            return nil
        }
        return Int64(digits)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ utf8: String.UTF8View) -> Bool {
        var i = utf8.startIndex
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        if utf8[i] == UInt8(ascii: "+") || utf8[i] == UInt8(ascii: "-") { i = utf8.index(after: i) }
        var mantissaDigits = 0
        while i < utf8.endIndex, isDigit(utf8[i]) { mantissaDigits += 1; i = utf8.index(after: i) }
        if i < utf8.endIndex, utf8[i] == UInt8(ascii: ".") {
            i = utf8.index(after: i)
            while i < utf8.endIndex, isDigit(utf8[i]) { mantissaDigits += 1; i = utf8.index(after: i) }
        }
        guard mantissaDigits > 0 else { return false }
        if i < utf8.endIndex, utf8[i] == UInt8(ascii: "e") || utf8[i] == UInt8(ascii: "E") {
            i = utf8.index(after: i)
            if i < utf8.endIndex, utf8[i] == UInt8(ascii: "+") || utf8[i] == UInt8(ascii: "-") { i = utf8.index(after: i) }
            var exponentDigits = 0
            while i < utf8.endIndex, isDigit(utf8[i]) { exponentDigits += 1; i = utf8.index(after: i) }
            guard exponentDigits > 0 else { return false }
        }
        return i == utf8.endIndex
    }
}
