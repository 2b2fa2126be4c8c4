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
        var tally = FindingTally()
        for finding in input.findings { tally.add(finding, area: input.rule(finding.rule).areaName) }
        self.init(tally)
    }

    /// The figures from a tally counted as the findings streamed past.
    public init(_ tally: FindingTally) {
        totalFindings = tally.total
        childrenWithHighSeverity = tally.childrenWithHighSeverity.count
        overdueItems = tally.overdue
        oldestOverdue = tally.oldestOverdue
        bySeverity = Severity.allCases.reversed().map { ($0, tally.bySeverity[$0] ?? 0) }
        byAreaAndSeverity = tally.byAreaAndSeverity.keys.sorted().map { ($0, tally.byAreaAndSeverity[$0]!) }
        byTeam = Self.ranked(tally.byTeam)
        byWorker = Self.ranked(tally.byWorker)
        overdueByAge = AgeingBand.allCases.map { ($0, tally.overdueByBand[$0] ?? 0) }
    }

    private static func ranked(_ counts: [String: Int]) -> [Count] {
        counts.map { Count(label: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
    }
}
