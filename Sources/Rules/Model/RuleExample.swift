import CEL
import CaseModel

/// One of a rule's `examples:`: a small case record (`case:`), or several (`cases:`, for
/// aggregate rules that count across children), a health-check date and whether the rule
/// should pass or fail on it. `casecheck rules test` runs them.
public struct RuleExample: Sendable {
    /// Whether the rule should find nothing (`pass`) or something (`fail`) on the case.
    public enum Expectation: String, Sendable, Hashable {
        case pass, fail
    }

    public var name: String
    public var asOf: CalendarDate
    public var expect: Expectation
    /// The case records, as CEL maps: one for `case:`, several for `cases:`.
    public var records: [Value]
    /// How many findings the example should produce, when it says (`findings: 2`).
    public var findingCount: Int?
    /// The status every finding should have, when it says (`status: overdue`).
    public var status: FindingStatus?
    /// Where the example is written.
    public var location: SourceLocation

    public init(name: String, asOf: CalendarDate, expect: Expectation, records: [Value],
                findingCount: Int? = nil, status: FindingStatus? = nil, location: SourceLocation) {
        self.name = name
        self.asOf = asOf
        self.expect = expect
        self.records = records
        self.findingCount = findingCount
        self.status = status
        self.location = location
    }
}
