/// An upper bound on how deeply a YAML text nests, found by a quick scan before the text is
/// handed to the YAML composer, which recurses once per level and could exhaust the stack
/// on a hostile file (`[[[[...` a million deep).
///
/// Block nesting is bounded by the column where a line's content starts (each block level
/// is indented further, compact `- - x` included); flow nesting by unclosed brackets.
/// Quoted text and comments are skipped on each line; a bracket counts only where YAML
/// could start a node with it. The bound is generous, never low.
enum YAMLNestingEstimate {
    /// The first line whose nesting bound exceeds `limit`, or nil when none does.
    static func firstLineDeeperThan(_ limit: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var flowDepth = 0
        var line = 1
        var i = 0
        let n = bytes.count
        while i < n {
            // Indentation and block indicators at the start of the line.
            var column = 0
            while i < n {
                let b = bytes[i]
                if b == UInt8(ascii: " ") {
                    column += 1
                    i += 1
                } else if (b == UInt8(ascii: "-") || b == UInt8(ascii: "?")) && i + 1 < n && bytes[i + 1] == UInt8(ascii: " ") {
                    column += 2
                    i += 2
                } else {
                    break
                }
            }
            var deepest = flowDepth
            var quote: UInt8? = nil
            // The last character that was not a space, and the first character of the last
            // word before a space: a bracket or quote opens a node only at the start of one
            // (after an indicator, a separator, or a tag or anchor such as `!!seq` or `&a`),
            // so "see [page 3" in free text is not counted as nesting.
            var previous: UInt8? = nil
            var wordStart: UInt8? = nil
            var lastWordStart: UInt8? = nil
            func opensNode() -> Bool {
                guard let p = previous else { return true }
                switch p {
                case UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ","),
                     UInt8(ascii: "["), UInt8(ascii: "{"):
                    return true
                default:
                    return bytes[i - 1] == UInt8(ascii: " ") && (lastWordStart == UInt8(ascii: "!") || lastWordStart == UInt8(ascii: "&"))
                }
            }
            while i < n && bytes[i] != 0x0A {
                let b = bytes[i]
                if let q = quote {
                    if b == q { quote = nil; previous = b }
                } else if b == UInt8(ascii: " ") || b == 0x09 {
                    if wordStart != nil { lastWordStart = wordStart; wordStart = nil }
                } else if (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")) && opensNode() {
                    quote = b
                } else if b == UInt8(ascii: "#") && (i == 0 || bytes[i - 1] == UInt8(ascii: " ")) {
                    while i < n && bytes[i] != 0x0A { i += 1 }
                    break
                } else {
                    if (b == UInt8(ascii: "[") || b == UInt8(ascii: "{")) && opensNode() {
                        flowDepth += 1
                        deepest = max(deepest, flowDepth)
                    } else if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                        flowDepth = max(0, flowDepth - 1)
                    }
                    switch b {
                    case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","):
                        wordStart = nil  // flow indicators end a word as spaces do
                    default:
                        if wordStart == nil { wordStart = b }
                    }
                    previous = b
                }
                i += 1
            }
            if column + deepest + 1 > limit { return line }
            line += 1
            i += 1
        }
        return nil
    }
}
