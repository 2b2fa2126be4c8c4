import CaseModel

/// What the history says about one finding of a run: new or open since an earlier run, and
/// any waiver. Reports show it beside the finding so that managers see what changed.
public struct FindingMark: Hashable, Sendable {
    /// Whether the finding was open at the previous run.
    public enum Novelty: Hashable, Sendable {
        case new
        /// Open without a break since the run of `since`, over `runs` runs counting this one.
        case persisting(since: CalendarDate, runs: Int)
    }

    /// A reviewed waiver and what it does to the finding in this run.
    public struct Waiver: Hashable, Sendable {
        /// `waived` (accepted: reported apart, not counted for --fail-on), `expired` or `changed` (back in force).
        public var state: String
        public var by: String
        public var reason: String
        public var until: CalendarDate
        /// The effect in a sentence ("waived by J. Smith until 2024-09-01: …").
        public var explanation: String

        public init(state: String, by: String, reason: String, until: CalendarDate, explanation: String) {
            self.state = state
            self.by = by
            self.reason = reason
            self.until = until
            self.explanation = explanation
        }
    }

    public var novelty: Novelty
    public var waiver: Waiver?

    public init(novelty: Novelty, waiver: Waiver? = nil) {
        self.novelty = novelty
        self.waiver = waiver
    }

    /// Whether a waiver currently covers the finding.
    public var isWaived: Bool { waiver?.state == "waived" }

    /// `new` or `persisting`, for columns and filters.
    public var noveltyName: String {
        if case .new = novelty { return "new" }
        return "persisting"
    }

    /// The as-of date of the run the finding was first seen in; nil when new.
    public var firstSeen: CalendarDate? {
        if case let .persisting(since, _) = novelty { return since }
        return nil
    }

    /// Runs the finding has been open, counting this one.
    public var runs: Int {
        if case let .persisting(_, runs) = novelty { return runs }
        return 1
    }

    /// The mark in words: "new", "open since 2024-05-01 (3 runs)", with the waiver after.
    public var text: String {
        var text: String
        switch novelty {
        case .new: text = "new"
        case let .persisting(since, runs): text = "open since \(since.isoString) (\(runs) runs)"
        }
        if let waiver { text += "; " + waiver.explanation }
        return text
    }
}

/// A finding open at the previous run and gone from this one.
public struct ResolvedMark: Hashable, Sendable {
    public var rule: String
    public var caseID: String?
    public var item: String?
    public var group: String?
    public var message: String
    public var team: String?
    public var worker: String?
    public var firstSeen: CalendarDate
    public var lastSeen: CalendarDate
    public var fingerprint: String

    public init(rule: String, caseID: String?, item: String?, group: String?, message: String, team: String?, worker: String?,
                firstSeen: CalendarDate, lastSeen: CalendarDate, fingerprint: String) {
        self.rule = rule
        self.caseID = caseID
        self.item = item
        self.group = group
        self.message = message
        self.team = team
        self.worker = worker
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.fingerprint = fingerprint
    }
}
