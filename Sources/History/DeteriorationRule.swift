/// When a group counts as deteriorating.
public struct DeteriorationRule: Hashable, Sendable, Codable {
    /// A measure that rose at least once and never fell over this many consecutive runs
    /// (comparing each run with the one before) is flagged. Days late must rise by more than
    /// the ageing of the overdue findings already open (which alone adds a day a finding a day).
    public var risingRuns: Int
    /// The least rise that counts (open findings, or days late beyond ageing): 1 flags any
    /// sustained rise; more keeps small groups (a worker going from 1 to 2) out of the flags.
    public var minimumRise: Int
    /// Flag a group whose open findings at the last run are above this.
    public var openAbove: Int?
    /// Flag a group whose total days late at the last run are above this.
    public var overdueDaysAbove: Int?

    public init(risingRuns: Int = 3, minimumRise: Int = 1, openAbove: Int? = nil, overdueDaysAbove: Int? = nil) {
        self.risingRuns = max(1, risingRuns)
        self.minimumRise = max(1, minimumRise)
        self.openAbove = openAbove
        self.overdueDaysAbove = overdueDaysAbove
    }
}
