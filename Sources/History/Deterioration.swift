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
            let beyond = measure == .overdueDays ? ", more than the ageing of findings already open" : ""
            return "\(what) rose over the last \(runs ?? 0) runs (\(from) → \(to))\(beyond)"
        case .aboveThreshold:
            let verb = from > (threshold ?? 0) ? "above" : "crossed"
            return "\(what) \(verb) the threshold of \(threshold ?? 0) (\(from) → \(to))"
        }
    }
}
