/// What kind of problem a finding reports.
public enum FindingStatus: String, Codable, CaseIterable, Sendable, CustomStringConvertible {
    /// Something happened too late, too early, or not as the rule requires.
    case breach
    /// Something that should have happened by the health-check date has not happened yet.
    case overdue
    /// Something is due within the rule's warning window.
    case dueSoon = "due_soon"
    /// The rule could not be evaluated on this record (an expression failed); never a silent pass.
    case error

    public var description: String { rawValue }
}
