import Rules

/// The figures summary views show, computed once from a report's input: headline numbers
/// and counts by severity, area, team, worker and lateness.
public struct ReportFigures: Sendable {
    /// A label and how many findings it has, for tables and charts.
    public struct Count: Hashable, Sendable {
        public var label: String
        public var count: Int
    }

    public var totalFindings: Int
    /// Distinct children with at least one `high` or `critical` finding.
    public var childrenWithHighSeverity: Int
    /// Findings with status `overdue`.
    public var overdueItems: Int
    /// The overdue finding that is most days late, if any.
    public var oldestOverdue: Finding?
    /// Findings by severity, most severe first, every severity listed.
    public var bySeverity: [(severity: Severity, count: Int)]
    /// Findings by area then severity; areas in name order.
    public var byAreaAndSeverity: [(area: String, counts: [Severity: Int])]
    /// Findings by team, most first (ties by name); findings without a team under "no team".
    public var byTeam: [Count]
    /// Findings by worker, most first; "unallocated" for findings with no worker.
    public var byWorker: [Count]
    /// Overdue items by how late they are, every band listed, least late first.
    public var overdueByAge: [(band: AgeingBand, count: Int)]

    /// The label for findings with no team.
    public static let noTeam = "no team"
    /// The label for findings about a child with no allocated worker.
    public static let unallocated = "unallocated"

    public init(_ input: ReportInput) {
        let findings = input.findings
        totalFindings = findings.count
        childrenWithHighSeverity = Set(findings.filter { $0.severity >= .high }.compactMap(\.caseID)).count
        let overdue = findings.filter { $0.status == .overdue }
        overdueItems = overdue.count
        oldestOverdue = overdue.sorted(by: ReportOrder.byLateness).first
        var severityCounts: [Severity: Int] = [:]
        var areaCounts: [String: [Severity: Int]] = [:]
        var teamCounts: [String: Int] = [:]
        var workerCounts: [String: Int] = [:]
        for finding in findings {
            severityCounts[finding.severity, default: 0] += 1
            areaCounts[input.rule(finding.rule).areaName, default: [:]][finding.severity, default: 0] += 1
            teamCounts[finding.team ?? Self.noTeam, default: 0] += 1
            // Aggregate findings concern a group, not a child with a worker.
            if finding.caseID != nil { workerCounts[finding.worker ?? Self.unallocated, default: 0] += 1 }
        }
        bySeverity = Severity.allCases.reversed().map { ($0, severityCounts[$0] ?? 0) }
        byAreaAndSeverity = areaCounts.keys.sorted().map { ($0, areaCounts[$0]!) }
        byTeam = Self.ranked(teamCounts)
        byWorker = Self.ranked(workerCounts)
        var bands: [AgeingBand: Int] = [:]
        for finding in overdue { bands[AgeingBand(daysLate: finding.daysLate ?? 0), default: 0] += 1 }
        overdueByAge = AgeingBand.allCases.map { ($0, bands[$0] ?? 0) }
    }

    private static func ranked(_ counts: [String: Int]) -> [Count] {
        counts.map { Count(label: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
    }
}
