import Foundation

/// Bridges RE2 (CEL's regular-expression dialect) and ICU (Foundation's engine), so that a
/// rule behaves the same here as in every other CEL engine: rejects what ICU has and RE2 lacks
/// (backreferences, lookaround, atomic groups) and rewrites what the two read differently.
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

    /// The ICU pattern that means what `pattern` means in RE2: `\d`, `\w`, `\s` (and their
    /// negations) are ASCII-only in RE2 but Unicode-aware in ICU; `$` is the very end of the
    /// text (unless the m flag is set); `(?P<name>` is RE2's spelling of a named group. ICU
    /// accepts a bracketed set inside a class, so the rewrites hold there too.
    static func icuPattern(for pattern: String) -> String {
        if pattern.isEmpty { return "(?:)" }   // ICU rejects an empty pattern; RE2 matches the empty string
        let c = Array(pattern.unicodeScalars)
        // With the m flag anywhere, `$` means end of line in both dialects: leave it be.
        let multiline = pattern.range(of: #"\(\?[a-zA-Z]*m"#, options: .regularExpression) != nil
        var out = ""
        var i = 0
        var inClass = false
        while i < c.count {
            if c[i] == "\\" && i + 1 < c.count {
                let next = c[i + 1]
                switch next {
                case "d": out += "[0-9]"
                case "D": out += "[^0-9]"
                case "w": out += "[0-9A-Za-z_]"
                case "W": out += "[^0-9A-Za-z_]"
                case "s": out += "[\\t\\n\\f\\r ]"
                case "S": out += "[^\\t\\n\\f\\r ]"
                case "Q":
                    // Literal text up to \E: copied as it is.
                    var j = i + 2
                    while j < c.count && !(c[j] == "\\" && j + 1 < c.count && c[j + 1] == "E") { j += 1 }
                    let end = min(j + 2, c.count)
                    out.unicodeScalars.append(contentsOf: c[i..<end])
                    i = end
                    continue
                default:
                    out.unicodeScalars.append(c[i])
                    out.unicodeScalars.append(next)
                }
                i += 2
                continue
            }
            if c[i] == "[" && !inClass {
                inClass = true
                out.unicodeScalars.append(c[i])
                i += 1
                // A ']' straight after '[' or '[^' is a literal, not the end of the class.
                if i < c.count && c[i] == "^" { out.unicodeScalars.append(c[i]); i += 1 }
                if i < c.count && c[i] == "]" { out.unicodeScalars.append(c[i]); i += 1 }
                continue
            }
            if c[i] == "]" { inClass = false }
            // RE2's `$` is the end of the text; ICU's would also match before a final newline.
            if c[i] == "$" && !inClass && !multiline {
                out += "\\z"
                i += 1
                continue
            }
            if c[i] == "(" && i + 2 < c.count && c[i + 1] == "?" && c[i + 2] == "P" {
                out += "(?"
                i += 3
                continue
            }
            out.unicodeScalars.append(c[i])
            i += 1
        }
        return out
    }
}
