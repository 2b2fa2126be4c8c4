import CaseModel
import Rules

/// A run as recorded: each finding classified against the previous run, and the findings of
/// the previous run that are gone.
public struct RecordedRun: Sendable {
    public var run: RunSummary
    /// The run's findings in the order given, each marked new or persisting, with any waiver.
    public var findings: [ClassifiedFinding]
    /// Findings open at the previous run and absent from this one.
    public var resolved: [ResolvedFinding]

    /// Findings not covered by a waiver: what people must act on.
    public var unwaived: [ClassifiedFinding] { findings.filter { !($0.waiver?.isWaived ?? false) } }
    /// Findings covered by a waiver, reported apart.
    public var waived: [ClassifiedFinding] { findings.filter { $0.waiver?.isWaived ?? false } }
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

/// One run in the history listing.
public struct RunSummary: Hashable, Sendable, Codable {
    /// The run's number, increasing by one with every run recorded.
    public var id: Int64
    public var asOf: CalendarDate
    public var started: String
    public var rulePackHash: String
    public var records: RecordCounts
    /// Findings of the run, waived ones included.
    public var findings: Int
    /// Findings by severity.
    public var bySeverity: SeverityCounts
    /// Findings not open at the previous run.
    public var new: Int
    /// Findings open at the previous run and gone.
    public var resolved: Int
    /// Findings covered by a waiver.
    public var waived: Int
    /// The case files read.
    public var inputs: [InputFile]
}
