/// A problem found in an input file (rule file, case file, calendar, schema), reported the way
/// compilers do: `file:line:column: error: message`, then a hint where one exists.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning, note
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A suggestion such as "did you mean 'end_date'?".
    public var hint: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var s = "\(location): \(severity.rawValue): \(message)"
        if let hint { s += "\n  hint: \(hint)" }
        return s
    }
}
