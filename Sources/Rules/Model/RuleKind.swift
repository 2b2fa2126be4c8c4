import CaseModel

/// What a rule checks, with its kind-specific fields as written in the rule file.
public enum RuleKind: Hashable, Sendable {
    case expect(RuleExpression)
    case deadline(Deadline)
    case cadence(Cadence)
    case duration(Duration)
    case noOverlap(NoOverlap)
    case aggregate(Aggregate)

    /// The key that names the kind in a rule file.
    public var keyword: String {
        switch self {
        case .expect: return "expect"
        case .deadline: return "deadline"
        case .cadence: return "cadence"
        case .duration: return "duration"
        case .noOverlap: return "no_overlap"
        case .aggregate: return "aggregate"
        }
    }

    /// Every kind keyword, in the order the documentation lists them.
    public static let keywords = ["expect", "deadline", "cadence", "duration", "no_overlap", "aggregate"]

    /// `deadline: {start, done, within, warn_within}`.
    public struct Deadline: Hashable, Sendable {
        public var start: RuleExpression
        public var done: RuleExpression
        public var within: CalendarSpan
        public var warnWithin: CalendarSpan?
    }

    /// `cadence: {events, from, until, first_within, then_every}` or `schedule:` steps.
    public struct Cadence: Hashable, Sendable {
        public var events: RuleExpression
        public var from: RuleExpression
        public var until: RuleExpression?
        /// The timetable: `first_within`/`then_every` become `[.within, .every]`.
        public var schedule: [ScheduleStep]
    }

    /// `duration: {start, end, min, max}`.
    public struct Duration: Hashable, Sendable {
        public var start: RuleExpression
        public var end: RuleExpression
        public var min: CalendarSpan?
        public var max: CalendarSpan?
    }

    /// `no_overlap: {start, end}` over the `for_each` items.
    public struct NoOverlap: Hashable, Sendable {
        public var start: RuleExpression
        public var end: RuleExpression
    }

    /// `aggregate: {group_by, count: true | sum: expr, max, min}`.
    public struct Aggregate: Hashable, Sendable {
        public enum Measure: Hashable, Sendable {
            case count
            case sum(RuleExpression)
        }
        public var groupBy: RuleExpression
        public var measure: Measure
        public var max: Double?
        public var min: Double?
    }
}
