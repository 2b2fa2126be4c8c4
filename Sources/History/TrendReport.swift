import CaseModel

/// Open findings and days late per group over the last runs, with the groups that deteriorate.
public struct TrendReport: Hashable, Sendable, Codable {
    public var dimension: TrendDimension
    /// The runs covered, oldest first.
    public var runs: [TrendRun]
    /// The groups, deteriorating ones first, then by open findings at the last run (most first), then by name.
    public var groups: [GroupTrend]
    public var rule: DeteriorationRule

    public init(dimension: TrendDimension, runs: [TrendRun], groups: [GroupTrend], rule: DeteriorationRule) {
        self.dimension = dimension
        self.runs = runs
        self.groups = groups
        self.rule = rule
    }
}

/// A run in a trend.
public struct TrendRun: Hashable, Sendable, Codable {
    public var id: Int64
    public var asOf: CalendarDate

    enum CodingKeys: String, CodingKey {
        case id
        case asOf = "as_of"
    }
}

/// One group's figures, one value a run (same order as ``TrendReport/runs``).
public struct GroupTrend: Hashable, Sendable, Codable {
    /// The rule id, area, team or worker; `(none)` for findings without one.
    public var key: String
    /// Open findings not waived.
    public var open: [Int]
    /// Total days late of those findings.
    public var overdueDays: [Int]
    /// Findings covered by a waiver (not in `open`).
    public var waived: [Int]
    /// Why the group is flagged; empty when it is not.
    public var deterioration: [Deterioration]

    public var isDeteriorating: Bool { !deterioration.isEmpty }

    enum CodingKeys: String, CodingKey {
        case key, open
        case overdueDays = "overdue_days"
        case waived, deterioration
    }
}
