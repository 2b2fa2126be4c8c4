/// Rejects the regular-expression features ICU has but RE2 (CEL's dialect) does not, so that
/// a rule behaves the same in every CEL engine: backreferences, lookaround, atomic groups.
enum RE2Dialect {
    /// A message naming the unsupported feature, or nil when the pattern uses none.
    static func unsupportedFeature(in pattern: String) -> String? {
        let c = Array(pattern.unicodeScalars)
        var i = 0
        var inClass = false
        while i < c.count {
            switch c[i] {
            case "\\":
                if !inClass, i + 1 < c.count, ("1"..."9").contains(c[i + 1]) {
                    return "backreferences such as \\\(c[i + 1]) are not supported in CEL (RE2) regular expressions"
                }
                i += 2
                continue
            case "[":
                if !inClass {
                    inClass = true
                    // A ']' straight after '[' or '[^' is a literal, not the end of the class.
                    if i + 1 < c.count && c[i + 1] == "^" { i += 1 }
                    if i + 1 < c.count && c[i + 1] == "]" { i += 1 }
                }
            case "]":
                inClass = false
            case "(" where !inClass && i + 2 < c.count && c[i + 1] == "?":
                let next = c[i + 2]
                let afterNext: Unicode.Scalar? = i + 3 < c.count ? c[i + 3] : nil
                if next == "=" || next == "!" || (next == "<" && (afterNext == "=" || afterNext == "!")) {
                    return "lookahead and lookbehind groups are not supported in CEL (RE2) regular expressions"
                }
                if next == ">" {
                    return "atomic groups (?>...) are not supported in CEL (RE2) regular expressions"
                }
            default:
                break
            }
            i += 1
        }
        return nil
    }
}
