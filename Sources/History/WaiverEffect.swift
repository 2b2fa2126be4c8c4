import CaseModel
import Rules

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
