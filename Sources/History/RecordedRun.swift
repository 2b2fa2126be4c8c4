import CaseModel
import Rules

/// A run as recorded: each finding classified against the previous run, and the findings of
/// the previous run that are gone.
public struct RecordedRun: Sendable {
    public var run: HistoryRun
    /// The run's findings in the order given, each marked new or persisting, with any waiver.
    public var findings: [ClassifiedFinding]
    /// Findings open at the previous run and absent from this one.
    public var resolved: [ResolvedFinding]
    /// The run this one was compared with; nil for the first run.
    public var previous: PreviousRun?

    /// Findings not covered by a waiver: what people must act on.
    public var unwaived: [ClassifiedFinding] { findings.filter { !($0.waiver?.isWaived ?? false) } }
    /// Findings covered by a waiver, reported apart.
    public var waived: [ClassifiedFinding] { findings.filter { $0.waiver?.isWaived ?? false } }
}

/// The run a new run is compared with.
public struct PreviousRun: Hashable, Sendable {
    public var id: Int64
    public var asOf: CalendarDate
    public var rulePackHash: String
}

/// Whether a finding was already open at the previous run.
public enum Novelty: Hashable, Sendable {
    /// Not open at the previous run (or there was no previous run).
    case new
    /// Open without a break since `firstSeen` (that run's as-of date), over `runs` runs counting this one.
    case persisting(firstSeen: CalendarDate, runs: Int)
}

/// A finding of the run being recorded, with its place in the history.
public struct ClassifiedFinding: Hashable, Sendable {
    public var finding: Finding
    public var novelty: Novelty
    /// The newest waiver for this fingerprint and what it does; nil when never waived.
    public var waiver: WaiverEffect?
}
