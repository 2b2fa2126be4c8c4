import Rules

/// Figures over every finding of a run, counted as they stream past: what the dashboard,
/// the Markdown summary and JUnit's counts need before their first row. Bounded by the
/// number of rules, teams, workers and children with serious findings, not by findings.
public struct FindingTally: Sendable {
    public private(set) var total = 0
    /// Children with at least one `high` or `critical` finding.
    public private(set) var childrenWithHighSeverity: Set<String> = []
    public private(set) var overdue = 0
    /// The overdue finding most days late (first in ``ReportOrder/byLateness(_:_:)``).
    public private(set) var oldestOverdue: Finding?
    public private(set) var bySeverity: [Severity: Int] = [:]
    public private(set) var byAreaAndSeverity: [String: [Severity: Int]] = [:]
    public private(set) var byTeam: [String: Int] = [:]
    /// Findings about children, by worker ("unallocated" for none).
    public private(set) var byWorker: [String: Int] = [:]
    public private(set) var overdueByBand: [AgeingBand: Int] = [:]
    public private(set) var byRule: [String: Int] = [:]
    /// Rules with at least one evaluation error.
    public private(set) var rulesWithErrors: Set<String> = []
    /// Every worker named by a finding.
    public private(set) var workers: Set<String> = []

    public init() {}

    /// Counts one finding; `area` is its rule's area name.
    public mutating func add(_ finding: Finding, area: String) {
        total += 1
        if finding.severity >= .high, let child = finding.caseID { childrenWithHighSeverity.insert(child) }
        if finding.status == .overdue {
            overdue += 1
            if oldestOverdue.map({ ReportOrder.byLateness(finding, $0) }) ?? true { oldestOverdue = finding }
            overdueByBand[AgeingBand(daysLate: finding.daysLate ?? 0), default: 0] += 1
        }
        bySeverity[finding.severity, default: 0] += 1
        byAreaAndSeverity[area, default: [:]][finding.severity, default: 0] += 1
        byTeam[finding.team ?? ReportFigures.noTeam, default: 0] += 1
        // Aggregate findings concern a group, not a child with a worker.
        if finding.caseID != nil { byWorker[finding.worker ?? ReportFigures.unallocated, default: 0] += 1 }
        byRule[finding.rule, default: 0] += 1
        if finding.status == .error { rulesWithErrors.insert(finding.rule) }
        if let worker = finding.worker { workers.insert(worker) }
    }

    /// Every area that has findings, in name order.
    public var areas: [String] { byAreaAndSeverity.keys.sorted() }
}
