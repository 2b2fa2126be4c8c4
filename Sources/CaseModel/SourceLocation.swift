/// Where something came from: a file and a 1-based line (and column where known).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// 1-based; 0 when unknown.
    public var column: Int

    public init(file: String, line: Int, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line` or `file:line:column`.
    public var description: String { column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)" }
}
