import CaseModel

/// One earlier (or the current) run in the history, for the dashboard's trend chart.
public struct TrendPoint: Hashable, Sendable {
    /// The health-check date of that run.
    public var asOf: CalendarDate
    /// Findings open after that run.
    public var openFindings: Int
    /// Findings first seen in that run, when the history knows.
    public var newFindings: Int?
    /// Findings of the previous run no longer present, when the history knows.
    public var resolvedFindings: Int?

    public init(asOf: CalendarDate, openFindings: Int, newFindings: Int? = nil, resolvedFindings: Int? = nil) {
        self.asOf = asOf
        self.openFindings = openFindings
        self.newFindings = newFindings
        self.resolvedFindings = resolvedFindings
    }
}
