import CaseModel
import Rules

/// A known and accepted finding: who accepted it, why, until when. A waived finding is
/// still reported (apart from the others); it comes back as an ordinary finding when the
/// waiver expires or when the finding changes from the state that was waived.
public struct Waiver: Hashable, Sendable, Codable {
    /// The finding's fingerprint.
    public var fingerprint: String
    public var reason: String
    /// Who accepted it (a name, a role).
    public var by: String
    /// The last day the waiver covers.
    public var until: CalendarDate
    /// The day the waiver was made.
    public var created: CalendarDate
    /// The finding's status and due date when waived: if either differs later, the finding
    /// has changed and the waiver no longer covers it. Nil until known (a waiver read from a
    /// file before the finding was first seen is bound to it at the next run).
    public var status: FindingStatus?
    public var due: CalendarDate?
    /// Where the waiver came from: `command line`, or `waivers.yaml:12`.
    public var source: String

    public init(fingerprint: String, reason: String, by: String, until: CalendarDate, created: CalendarDate,
                status: FindingStatus? = nil, due: CalendarDate? = nil, source: String = Waiver.commandLine) {
        self.fingerprint = fingerprint
        self.reason = reason
        self.by = by
        self.until = until
        self.created = created
        self.status = status
        self.due = due
        self.source = source
    }

    /// The source of waivers given with `casecheck waive`.
    public static let commandLine = "command line"
}
