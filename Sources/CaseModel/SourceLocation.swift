/// Where something came from: a file and a 1-based line (and column where known).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file (it could not be opened, say).
    public var line: Int
    /// 1-based; 0 when unknown.
    public var column: Int

    public init(file: String, line: Int, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file`, `file:line` or `file:line:column`.
    public var description: String {
        if line <= 0 { return file }
        return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }
}
