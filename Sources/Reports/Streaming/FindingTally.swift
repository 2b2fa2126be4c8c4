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
    /// Evaluation errors by rule.
    public private(set) var errorsByRule: [String: Int] = [:]
    /// Findings covered by a waiver, by rule.
    public private(set) var waivedByRule: [String: Int] = [:]
    public private(set) var waived = 0
    /// Findings new this run (only when the run has a history).
    public private(set) var new = 0
    public private(set) var bySeverityUnwaived: [Severity: Int] = [:]
    /// Children with findings and no allocated worker.
    public private(set) var unallocatedChildren: Set<String> = []
    /// Every worker named by a finding.
    public private(set) var workers: Set<String> = []

    /// Who must act: findings about children by team and worker.
    public private(set) var owners: [Owner: OwnerFigures] = [:]
    /// The team managers named by findings, by team.
    public private(set) var teamManagers: [String: Set<String>] = [:]

    /// A team and worker that findings about children fall to.
    public struct Owner: Hashable, Sendable {
        public var team: String
        /// Nil when the children are unallocated.
        public var worker: String?
    }

    /// What falls to one owner.
    public struct OwnerFigures: Hashable, Sendable {
        public var findings = 0
        public var critical = 0
        public var high = 0
        public var overdue = 0
        /// The most days late of the owner's findings.
        public var mostDaysLate: Int?
        public var children: Set<String> = []
    }

    public init() {}

    /// Counts one finding; `area` is its rule's area name, `mark` what the history says of it.
    public mutating func add(_ finding: Finding, area: String, mark: FindingMark? = nil) {
        total += 1
        if mark?.isWaived == true {
            waived += 1
            waivedByRule[finding.rule, default: 0] += 1
        } else {
            bySeverityUnwaived[finding.severity, default: 0] += 1
        }
        if case .new = mark?.novelty { new += 1 }
        if let child = finding.caseID, finding.worker == nil { unallocatedChildren.insert(child) }
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
        if finding.status == .error {
            rulesWithErrors.insert(finding.rule)
            errorsByRule[finding.rule, default: 0] += 1
        }
        if let worker = finding.worker { workers.insert(worker) }
        if let child = finding.caseID, mark?.isWaived != true {
            let team = finding.team ?? ReportFigures.noTeam
            var figures = owners[Owner(team: team, worker: finding.worker), default: OwnerFigures()]
            figures.findings += 1
            if finding.severity == .critical { figures.critical += 1 }
            if finding.severity == .high { figures.high += 1 }
            if finding.status == .overdue { figures.overdue += 1 }
            if let late = finding.daysLate { figures.mostDaysLate = max(figures.mostDaysLate ?? late, late) }
            figures.children.insert(child)
            owners[Owner(team: team, worker: finding.worker)] = figures
            if let manager = finding.teamManager { teamManagers[team, default: []].insert(manager) }
        }
    }

    /// Every area that has findings, in name order.
    public var areas: [String] { byAreaAndSeverity.keys.sorted() }
}
