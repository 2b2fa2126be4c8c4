/// A problem found while reading an expression, at a UTF-8 byte offset. Turned into a
/// ``CompileError`` (with line and column) at the public boundary.
struct SyntaxError: Error {
    var message: String
    var offset: Int
    var hint: String?

    init(_ message: String, at offset: Int, hint: String? = nil) {
        self.message = message
        self.offset = offset
        self.hint = hint
    }
}

extension CompileError {
    /// Builds an error from a byte offset, computing the 1-based line and the column in
    /// characters so that the caret lands under the right character.
    init(message: String, offset: Int, hint: String? = nil, source: String) {
        let bytes = Array(source.utf8)
        let clamped = max(0, min(offset, bytes.count))
        var line = 1
        var lineStart = 0
        for i in 0..<clamped where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        // Count characters (not bytes) from the start of the line, so that a caret under a
        // multi-byte character lines up in the rendered source.
        let prefix = bytes[lineStart..<clamped]
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        self.init(message: message, offset: clamped, line: line, column: column, hint: hint, source: source)
    }
}
