import CEL
import CaseModel

/// One of a rule's `examples:`: a small case record, a health-check date and whether the
/// rule should pass or fail on it. `casecheck rules test` runs them.
public struct RuleExample: Sendable {
    public enum Expectation: String, Sendable, Hashable {
        case pass, fail
    }

    public var name: String
    public var asOf: CalendarDate
    public var expect: Expectation
    /// The case record, as a CEL map.
    public var record: Value
    /// How many findings the example should produce, when it says (`findings: 2`).
    public var findingCount: Int?
    /// The status every finding should have, when it says (`status: overdue`).
    public var status: FindingStatus?
    /// Where the example is written.
    public var location: SourceLocation

    public init(name: String, asOf: CalendarDate, expect: Expectation, record: Value,
                findingCount: Int? = nil, status: FindingStatus? = nil, location: SourceLocation) {
        self.name = name
        self.asOf = asOf
        self.expect = expect
        self.record = record
        self.findingCount = findingCount
        self.status = status
        self.location = location
    }
}
