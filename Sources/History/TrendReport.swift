import CaseModel

/// What findings are grouped by in a trend.
public enum TrendDimension: String, CaseIterable, Sendable, Codable {
    case rule, area, team, worker

    /// The `finding_span` column holding the group.
    var column: String { rawValue }
}

/// When a group counts as deteriorating.
public struct DeteriorationRule: Hashable, Sendable, Codable {
    /// A measure that rose at least once and never fell over this many consecutive runs
    /// (comparing each run with the one before) is flagged.
    public var risingRuns: Int
    /// Flag a group whose open findings at the last run are above this.
    public var openAbove: Int?
    /// Flag a group whose total days late at the last run are above this.
    public var overdueDaysAbove: Int?

    public init(risingRuns: Int = 3, openAbove: Int? = nil, overdueDaysAbove: Int? = nil) {
        self.risingRuns = max(1, risingRuns)
        self.openAbove = openAbove
        self.overdueDaysAbove = overdueDaysAbove
    }
}

/// Open findings and days late per group over the last runs, with the groups that deteriorate.
public struct TrendReport: Hashable, Sendable, Codable {
    public var dimension: TrendDimension
    /// The runs covered, oldest first.
    public var runs: [TrendRun]
    /// The groups, deteriorating ones first, then by open findings at the last run (most first), then by name.
    public var groups: [GroupTrend]
    public var rule: DeteriorationRule
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

/// One reason a group is flagged.
public struct Deterioration: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Measure: String, Hashable, Sendable, Codable {
        case open
        case overdueDays = "overdue_days"
    }

    public enum Kind: String, Hashable, Sendable, Codable {
        /// Rose and never fell over the last `runs` runs.
        case rising
        /// Above the threshold at the last run.
        case aboveThreshold = "above_threshold"
    }

    public var kind: Kind
    public var measure: Measure
    /// The value at the start of the window and at the last run.
    public var from: Int
    public var to: Int
    /// The number of runs the window spans (rising) or the threshold (above threshold).
    public var runs: Int?
    public var threshold: Int?

    public init(kind: Kind, measure: Measure, from: Int, to: Int, runs: Int?, threshold: Int?) {
        self.kind = kind
        self.measure = measure
        self.from = from
        self.to = to
        self.runs = runs
        self.threshold = threshold
    }

    public var description: String {
        let what = measure == .open ? "open findings" : "days late"
        switch kind {
        case .rising:
            return "\(what) rose over the last \(runs ?? 0) runs (\(from) → \(to))"
        case .aboveThreshold:
            let verb = from > (threshold ?? 0) ? "above" : "crossed"
            return "\(what) \(verb) the threshold of \(threshold ?? 0) (\(from) → \(to))"
        }
    }
}
