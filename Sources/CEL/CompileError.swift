/// A syntax or type error in an expression, with its position.
public struct CompileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// UTF-8 byte offset into the source.
    public var offset: Int
    /// 1-based line and column (column counts characters) in the expression source.
    public var line: Int
    public var column: Int
    /// A suggestion such as "did you mean 'end_date'?", when one exists.
    public var hint: String?
    /// The expression source, for rendering.
    public var source: String

    public init(message: String, offset: Int, line: Int, column: Int, hint: String? = nil, source: String) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
        self.hint = hint
        self.source = source
    }

    /// `line:column: message`, the offending line, and a caret under the column.
    public var description: String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let text = line - 1 < lines.count && line >= 1 ? String(lines[line - 1]) : ""
        var out = "\(line):\(column): \(message)\n | \(text)\n | \(String(repeating: " ", count: max(0, column - 1)))^"
        if let hint { out += "\n | \(hint)" }
        return out
    }
}
