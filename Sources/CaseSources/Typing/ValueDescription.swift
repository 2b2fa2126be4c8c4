import CEL

/// How a value read from a file is named in a message: `the text "abc"`, `a list`.
func describeFound(_ value: Value) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return "the number \(i)"
    case .uint(let u): return "the number \(u)"
    case .double(let d): return "the number \(d)"
    case .string(let s): return "the text \(quoted(s))"
    case .list: return "a list"
    case .map: return "an object"
    default: return "a value"
    }
}

/// Text quoted for a message, cut short when long.
func quoted(_ text: String, limit: Int = 40) -> String {
    text.count <= limit ? "\"\(text)\"" : "\"\(text.prefix(limit))...\""
}
