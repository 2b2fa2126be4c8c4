/// The standard string functions: `size`, `contains`, `startsWith`, `endsWith`, `matches`.
extension FunctionRegistry {
    mutating func addStringFunctions() {
        for member in [false, true] {
            let suffix = member ? "_member" : ""
            add("size", id: "size_string\(suffix)", member: member, [.string], .int) { args in
                guard case .string(let s) = args[0] else { return LibraryError.noOverload("size", args) }
                return .int(Int64(StringSize.codePoints(s)))
            }
            add("size", id: "size_bytes\(suffix)", member: member, [.bytes], .int) { args in
                guard case .bytes(let b) = args[0] else { return LibraryError.noOverload("size", args) }
                return .int(Int64(b.count))
            }
            add("size", id: "size_list\(suffix)", member: member, [.list], .int) { args in
                guard case .list(let l) = args[0] else { return LibraryError.noOverload("size", args) }
                return .int(Int64(l.count))
            }
            add("size", id: "size_map\(suffix)", member: member, [.map], .int) { args in
                guard case .map(let m) = args[0] else { return LibraryError.noOverload("size", args) }
                return .int(Int64(m.count))
            }
            add("matches", id: "matches_string\(suffix)", member: member, [.string, .string], .bool) { args in
                guard case .string(let s) = args[0], case .string(let p) = args[1] else {
                    return LibraryError.noOverload("matches", args)
                }
                return RegexCache.shared.matches(s, p)
            }
        }
        add("contains", id: "contains_string", member: true, [.string, .string], .bool) { args in
            guard case .string(let s) = args[0], case .string(let p) = args[1] else {
                return LibraryError.noOverload("contains", args)
            }
            return .bool(ByteSearch.contains(s, p))
        }
        add("startsWith", id: "starts_with_string", member: true, [.string, .string], .bool) { args in
            guard case .string(let s) = args[0], case .string(let p) = args[1] else {
                return LibraryError.noOverload("startsWith", args)
            }
            return .bool(ByteSearch.hasPrefix(s, p))
        }
        add("endsWith", id: "ends_with_string", member: true, [.string, .string], .bool) { args in
            guard case .string(let s) = args[0], case .string(let p) = args[1] else {
                return LibraryError.noOverload("endsWith", args)
            }
            return .bool(ByteSearch.hasSuffix(s, p))
        }
    }
}

/// Counting code points without decoding them.
enum StringSize {
    /// The number of Unicode code points: every UTF-8 byte except continuation bytes
    /// (10xxxxxx) starts one.
    static func codePoints(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { bytes in
            var count = 0
            for b in bytes where b & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }
}
