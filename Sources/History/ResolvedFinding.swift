import CaseModel
import Rules

/// A finding open at the previous run and gone now, as it was last seen.
public struct ResolvedFinding: Hashable, Sendable {
    public var fingerprint: String
    public var rule: String
    public var severity: Severity
    public var status: FindingStatus
    public var caseID: String?
    public var item: String?
    public var group: String?
    public var message: String
    public var worker: String?
    public var team: String?
    /// The as-of date of the first run of its last unbroken stretch.
    public var firstSeen: CalendarDate
    /// The as-of date of the last run it was seen in.
    public var lastSeen: CalendarDate
}
