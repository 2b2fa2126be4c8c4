/// The cel-go strings extension: `charAt`, `indexOf`, `lastIndexOf`, `lowerAscii`,
/// `upperAscii`, `replace`, `split`, `substring`, `trim`, `join`, `reverse`.
/// Indices count Unicode code points, as in cel-go.
extension FunctionRegistry {
    mutating func addStringExtensions() {
        add("charAt", id: "string_char_at_int", member: true, [.string, .int], .string) { args in
            guard case .string(let s) = args[0], case .int(let i) = args[1] else { return LibraryError.noOverload("charAt", args) }
            if let ascii = s.utf8.withContiguousStorageIfAvailable({ bytes -> Value? in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard i >= 0 && i <= bytes.count else { return StringExt.indexError(i) }
                return .string(i == bytes.count ? "" : String(decoding: CollectionOfOne(bytes[Int(i)]), as: UTF8.self))
            }), let value = ascii {
                return value
            }
            let scalars = Array(s.unicodeScalars)
            guard i >= 0 && i <= scalars.count else { return StringExt.indexError(i) }
            return .string(i == scalars.count ? "" : String(scalars[Int(i)]))
        }
        add("indexOf", id: "string_index_of_string", member: true, [.string, .string], .int) { args in
            guard case .string(let s) = args[0], case .string(let p) = args[1] else { return LibraryError.noOverload("indexOf", args) }
            return StringExt.indexOf(s, p, from: 0)
        }
        add("indexOf", id: "string_index_of_string_int", member: true, [.string, .string, .int], .int) { args in
            guard case .string(let s) = args[0], case .string(let p) = args[1], case .int(let i) = args[2] else {
                return LibraryError.noOverload("indexOf", args)
            }
            return StringExt.indexOf(s, p, from: i)
        }
        add("lastIndexOf", id: "string_last_index_of_string", member: true, [.string, .string], .int) { args in
            guard case .string(let s) = args[0], case .string(let p) = args[1] else { return LibraryError.noOverload("lastIndexOf", args) }
            return StringExt.lastIndexOf(s, p, from: nil)
        }
        add("lastIndexOf", id: "string_last_index_of_string_int", member: true, [.string, .string, .int], .int) { args in
            guard case .string(let s) = args[0], case .string(let p) = args[1], case .int(let i) = args[2] else {
                return LibraryError.noOverload("lastIndexOf", args)
            }
            return StringExt.lastIndexOf(s, p, from: i)
        }
        add("lowerAscii", id: "string_lower_ascii", member: true, [.string], .string) { args in
            guard case .string(let s) = args[0] else { return LibraryError.noOverload("lowerAscii", args) }
            return .string(StringExt.mapASCII(s) { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 })
        }
        add("upperAscii", id: "string_upper_ascii", member: true, [.string], .string) { args in
            guard case .string(let s) = args[0] else { return LibraryError.noOverload("upperAscii", args) }
            return .string(StringExt.mapASCII(s) { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 })
        }
        add("replace", id: "string_replace_string_string", member: true, [.string, .string, .string], .string) { args in
            guard case .string(let s) = args[0], case .string(let old) = args[1], case .string(let new) = args[2] else {
                return LibraryError.noOverload("replace", args)
            }
            return StringExt.replace(s, old, new, limit: -1)
        }
        add("replace", id: "string_replace_string_string_int", member: true, [.string, .string, .string, .int], .string) { args in
            guard case .string(let s) = args[0], case .string(let old) = args[1], case .string(let new) = args[2],
                  case .int(let n) = args[3] else { return LibraryError.noOverload("replace", args) }
            return StringExt.replace(s, old, new, limit: n)
        }
        add("split", id: "string_split_string", member: true, [.string, .string], .listOf(.string)) { args in
            guard case .string(let s) = args[0], case .string(let sep) = args[1] else { return LibraryError.noOverload("split", args) }
            return .list(StringExt.split(s, sep, limit: -1).map { .string($0) })
        }
        add("split", id: "string_split_string_int", member: true, [.string, .string, .int], .listOf(.string)) { args in
            guard case .string(let s) = args[0], case .string(let sep) = args[1], case .int(let n) = args[2] else {
                return LibraryError.noOverload("split", args)
            }
            return .list(StringExt.split(s, sep, limit: n).map { .string($0) })
        }
        add("substring", id: "string_substring_int", member: true, [.string, .int], .string) { args in
            guard case .string(let s) = args[0], case .int(let start) = args[1] else { return LibraryError.noOverload("substring", args) }
            return StringExt.substring(s, start, nil)
        }
        add("substring", id: "string_substring_int_int", member: true, [.string, .int, .int], .string) { args in
            guard case .string(let s) = args[0], case .int(let start) = args[1], case .int(let end) = args[2] else {
                return LibraryError.noOverload("substring", args)
            }
            return StringExt.substring(s, start, end)
        }
        add("trim", id: "string_trim", member: true, [.string], .string) { args in
            guard case .string(let s) = args[0] else { return LibraryError.noOverload("trim", args) }
            return .string(StringExt.trim(s))
        }
        add("join", id: "list_join", member: true, [.list], .string) { args in
            guard case .list(let items) = args[0] else { return LibraryError.noOverload("join", args) }
            return StringExt.join(items, "")
        }
        add("join", id: "list_join_string", member: true, [.list, .string], .string) { args in
            guard case .list(let items) = args[0], case .string(let sep) = args[1] else { return LibraryError.noOverload("join", args) }
            return StringExt.join(items, sep)
        }
        add("reverse", id: "string_reverse", member: true, [.string], .string) { args in
            guard case .string(let s) = args[0] else { return LibraryError.noOverload("reverse", args) }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: s.unicodeScalars.reversed())
            return .string(String(out))
        }
        add("strings.quote", id: "strings_quote", [.string], .string) { args in
            guard case .string(let s) = args[0] else { return LibraryError.noOverload("strings.quote", args) }
            return .string(StringExt.quote(s))
        }
    }
}

/// The implementations behind the strings extension.
enum StringExt {
    static func indexError(_ i: Int64) -> Value {
        LibraryError.range("index out of range: \(i)")
    }

    static func indexOf(_ s: String, _ part: String, from start: Int64) -> Value {
        if part.isEmpty { return .int(start) }
        let text = Array(s.unicodeScalars)
        guard start >= 0 && start < text.count else { return indexError(start) }
        let sub = Array(part.unicodeScalars)
        guard sub.count <= text.count else { return .int(-1) }
        var i = Int(start)
        while i + sub.count <= text.count {
            if text[i] == sub[0] && text[i..<(i + sub.count)].elementsEqual(sub) { return .int(Int64(i)) }
            i += 1
        }
        return .int(-1)
    }

    /// `from` nil searches the whole string.
    static func lastIndexOf(_ s: String, _ part: String, from start: Int64?) -> Value {
        let text = Array(s.unicodeScalars)
        if part.isEmpty { return .int(start ?? Int64(text.count)) }
        if start == nil && text.isEmpty { return .int(-1) }
        let offset = start ?? Int64(text.count - 1)
        guard offset >= 0 && offset < text.count else { return indexError(offset) }
        let sub = Array(part.unicodeScalars)
        guard sub.count <= text.count else { return .int(-1) }
        var i = min(Int(offset), text.count - sub.count)
        while i >= 0 {
            if text[i] == sub[0] && text[i..<(i + sub.count)].elementsEqual(sub) { return .int(Int64(i)) }
            i -= 1
        }
        return .int(-1)
    }

    static func mapASCII(_ s: String, _ transform: (UInt8) -> UInt8) -> String {
        String(decoding: s.utf8.map(transform), as: UTF8.self)
    }

    /// The largest string `replace` builds. The evaluator's own size limit applies only once
    /// a result exists; this stops `s.replace('', big)` from exhausting memory first.
    static let maxReplaceBytes = 64 << 20

    /// Go's `strings.Replace`: a negative limit replaces every occurrence; an empty `old`
    /// matches before each code point and at the end.
    static func replace(_ s: String, _ old: String, _ new: String, limit: Int64) -> Value {
        if limit == 0 || old == new { return .string(s) }
        let tooLarge = LibraryError.range("replace would build a string larger than \(maxReplaceBytes >> 20) MB")
        if old.isEmpty {
            let insertions = Int64(s.unicodeScalars.count + 1)
            let done = limit < 0 ? insertions : min(limit, insertions)
            guard s.utf8.count + Int(done) * new.utf8.count <= maxReplaceBytes else { return tooLarge }
            var out = String.UnicodeScalarView()
            var inserted: Int64 = 0
            let insert = new.unicodeScalars
            for scalar in s.unicodeScalars {
                if inserted < done { out.append(contentsOf: insert); inserted += 1 }
                out.append(scalar)
            }
            if inserted < done { out.append(contentsOf: insert) }
            return .string(String(out))
        }
        let text = Array(s.utf8), pattern = Array(old.utf8), replacement = Array(new.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        var done: Int64 = 0
        while limit < 0 || done < limit, let at = ByteSearch.firstIndex(of: pattern, in: text, from: i) {
            out += text[i..<at]
            out += replacement
            guard out.count <= maxReplaceBytes else { return tooLarge }
            i = at + pattern.count
            done += 1
        }
        out += text[i...]
        return .string(String(decoding: out, as: UTF8.self))
    }

    /// Go's `strings.SplitN`: limit 0 gives no parts, a negative limit every part, a positive
    /// one at most that many (the last holding the rest). An empty separator splits into code points.
    static func split(_ s: String, _ sep: String, limit: Int64) -> [String] {
        if limit == 0 { return [] }
        if sep.isEmpty {
            let scalars = Array(s.unicodeScalars)
            var parts: [String] = []
            for (k, scalar) in scalars.enumerated() {
                if limit > 0 && parts.count == Int(limit) - 1 {
                    var rest = String.UnicodeScalarView()
                    rest.append(contentsOf: scalars[k...])
                    parts.append(String(rest))
                    return parts
                }
                parts.append(String(scalar))
            }
            return parts
        }
        let text = Array(s.utf8), pattern = Array(sep.utf8)
        var parts: [String] = []
        var i = 0
        while limit < 0 || parts.count < Int(limit) - 1, let at = ByteSearch.firstIndex(of: pattern, in: text, from: i) {
            parts.append(String(decoding: text[i..<at], as: UTF8.self))
            i = at + pattern.count
        }
        parts.append(String(decoding: text[i...], as: UTF8.self))
        return parts
    }

    static func substring(_ s: String, _ start: Int64, _ end: Int64?) -> Value {
        // ASCII text (codes, identifiers) is cut by byte offsets, which are its code point
        // indices, without first making an array of its code points.
        if let ascii = s.utf8.withContiguousStorageIfAvailable({ bytes -> Value? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            if let problem = substringProblem(count: Int64(bytes.count), start, end) { return problem }
            let slice = UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end ?? Int64(bytes.count))])
            return .string(String(decoding: slice, as: UTF8.self))
        }), let value = ascii {
            return value
        }
        let scalars = Array(s.unicodeScalars)
        if let problem = substringProblem(count: Int64(scalars.count), start, end) { return problem }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[Int(start)..<Int(end ?? Int64(scalars.count))])
        return .string(String(out))
    }

    /// The error for substring bounds that do not fit text of `count` code points.
    private static func substringProblem(count: Int64, _ start: Int64, _ end: Int64?) -> Value? {
        let stop = end ?? count
        if let end, start > end {
            return LibraryError.range("invalid substring range: start \(start) is after end \(end)")
        }
        guard start >= 0 && start <= count else { return indexError(start) }
        guard stop >= 0 && stop <= count else { return indexError(stop) }
        return nil
    }

    /// Removes leading and trailing white space as Unicode defines it (Go's `unicode.IsSpace`).
    static func trim(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    static func join(_ items: [Value], _ sep: String) -> Value {
        var parts: [String] = []
        parts.reserveCapacity(items.count)
        for item in items {
            guard case .string(let s) = item else {
                return LibraryError.invalid("join needs a list of strings, but the list holds a \(item.celType)")
            }
            parts.append(s)
        }
        return .string(parts.joined(separator: sep))
    }

    /// A double-quoted CEL string literal for `s`, escaping control characters, `\` and `"`.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
