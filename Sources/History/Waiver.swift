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

/// What a waiver does to one finding in one run.
public enum WaiverEffect: Hashable, Sendable {
    /// The finding is waived: report it apart.
    case waived(Waiver)
    /// The waiver ran out before this run's date: the finding is back.
    case expired(Waiver)
    /// The finding is no longer in the state that was waived: it is back.
    case changed(Waiver, what: String)

    /// The waiver concerned.
    public var waiver: Waiver {
        switch self {
        case .waived(let w), .expired(let w), .changed(let w, _): return w
        }
    }

    /// Whether the finding is currently waived.
    public var isWaived: Bool {
        if case .waived = self { return true }
        return false
    }

    /// What happened, in a sentence for reports.
    public var explanation: String {
        switch self {
        case .waived(let w): return "waived by \(w.by) until \(w.until): \(w.reason)"
        case .expired(let w): return "waiver by \(w.by) expired on \(w.until)"
        case .changed(let w, let what): return "changed since waived by \(w.by) (\(what))"
        }
    }

    /// The effect of `waiver` (the newest for the finding's fingerprint) on `finding` at `asOf`.
    /// A waiver whose state is not yet known covers the finding in whatever state it is in.
    public static func of(_ waiver: Waiver, on finding: Finding, asOf: CalendarDate) -> WaiverEffect {
        if asOf > waiver.until { return .expired(waiver) }
        var changes: [String] = []
        if let status = waiver.status, status != finding.status {
            changes.append("status was \(status), now \(finding.status)")
        }
        if waiver.status != nil, waiver.due != finding.due {
            changes.append("due date was \(waiver.due?.isoString ?? "none"), now \(finding.due?.isoString ?? "none")")
        }
        if !changes.isEmpty { return .changed(waiver, what: changes.joined(separator: "; ")) }
        return .waived(waiver)
    }
}
