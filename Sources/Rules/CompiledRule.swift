import CEL
import CaseModel

/// A rule compiled once onto the CEL engine, ready to check any number of records.
///
/// Checking is a pure function of the record and the health-check date: a `CompiledRule`
/// holds no mutable state and may be used from several threads at once.
public struct CompiledRule: Sendable {
    /// The compiled parts, in one shared immutable object: the engine hands a rule to
    /// every record it checks, and copying one reference costs less than copying (and
    /// reference counting) a dozen fields each time.
    private final class Parts: Sendable {
        let definition: RuleDefinition
        let calendar: any RuleCalendar
        let variables: RuleVariables
        let forEach: CompiledExpression?
        let when: CompiledExpression?
        let message: MessageTemplate?
        let kind: CompiledKind
        let itemPaths: ItemPathNaming
        let eventsPerRecord: Bool

        init(definition: RuleDefinition, calendar: any RuleCalendar, variables: RuleVariables, forEach: CompiledExpression?,
             when: CompiledExpression?, message: MessageTemplate?, kind: CompiledKind, itemPaths: ItemPathNaming,
             eventsPerRecord: Bool) {
            self.definition = definition
            self.calendar = calendar
            self.variables = variables
            self.forEach = forEach
            self.when = when
            self.message = message
            self.kind = kind
            self.itemPaths = itemPaths
            self.eventsPerRecord = eventsPerRecord
        }
    }

    private let parts: Parts

    init(definition: RuleDefinition, calendar: any RuleCalendar, variables: RuleVariables, forEach: CompiledExpression?,
         when: CompiledExpression?, message: MessageTemplate?, kind: CompiledKind, itemPaths: ItemPathNaming,
         eventsPerRecord: Bool = false) {
        parts = Parts(definition: definition, calendar: calendar, variables: variables, forEach: forEach, when: when,
                      message: message, kind: kind, itemPaths: itemPaths, eventsPerRecord: eventsPerRecord)
    }

    /// The rule as written.
    public var definition: RuleDefinition { parts.definition }
    var calendar: any RuleCalendar { parts.calendar }
    var variables: RuleVariables { parts.variables }
    var forEach: CompiledExpression? { parts.forEach }
    var when: CompiledExpression? { parts.when }
    var message: MessageTemplate? { parts.message }
    var kind: CompiledKind { parts.kind }
    var itemPaths: ItemPathNaming { parts.itemPaths }
    /// True when a cadence's `events` do not mention the item (`child.visits...` under
    /// `for_each: child.cp_plans`): they are then the same for every item, and are
    /// evaluated once a record instead of once an item.
    var eventsPerRecord: Bool { parts.eventsPerRecord }

    public var id: String { definition.id }
    public var severity: Severity { definition.severity }
    public var location: SourceLocation { definition.location }
    /// Whether the rule runs across records (`aggregate`); such rules find nothing in
    /// ``check(record:asOf:)`` and report from ``finish(_:asOf:)``.
    public var isAggregate: Bool {
        if case .aggregate = kind { return true }
        return false
    }

    /// Checks one child's record as of a date. Aggregate rules return no findings here.
    public func check(record: CaseRecord, asOf: CalendarDate) -> [Finding] {
        var activation = Activation(count: 0)
        return check(record: record, asOf: asOf, reusing: &activation)
    }

    /// The same, evaluating in `activation`, which is overwritten: a caller checking many
    /// records against many rules passes one and saves allocating one each time.
    public func check(record: CaseRecord, asOf: CalendarDate, reusing activation: inout Activation) -> [Finding] {
        RuleEvaluation(rule: self, record: record, asOf: asOf).findings(reusing: &activation)
    }

    /// An aggregate rule's contribution from one record (its units, grouped). Empty for other kinds.
    public func tally(record: CaseRecord, asOf: CalendarDate) -> AggregateTally {
        var activation = Activation(count: 0)
        return tally(record: record, asOf: asOf, reusing: &activation)
    }

    /// The same, evaluating in `activation` (see ``check(record:asOf:reusing:)``).
    public func tally(record: CaseRecord, asOf: CalendarDate, reusing activation: inout Activation) -> AggregateTally {
        RuleEvaluation(rule: self, record: record, asOf: asOf).tally(reusing: &activation)
    }

    /// An aggregate rule's findings once every record has been tallied: one per group whose
    /// figure is out of bounds, in group order, plus any evaluation errors met while tallying.
    public func finish(_ tally: AggregateTally, asOf: CalendarDate) -> [Finding] {
        AggregateFinish(rule: self, asOf: asOf).findings(tally)
    }

    /// How the rule reaches its verdict on one record: the items, the `when` results, each
    /// expression's value and the due dates computed (for `casecheck explain`).
    public func explain(record: CaseRecord, asOf: CalendarDate) -> RuleExplanation {
        RuleExplainer(rule: self, record: record, asOf: asOf).explain()
    }

    /// Runs the rule's `examples:` and says, for each, whether the rule behaved as expected.
    public func runExamples() -> [ExampleResult] {
        definition.examples.map { ExampleRunner.run($0, rule: self) }
    }
}

/// What an aggregate rule has counted so far. Tallies from different records (or batches,
/// on different threads) merge in any grouping, so the engine can tally in parallel; merge
/// them in input order to keep error findings in input order.
public struct AggregateTally: Sendable {
    /// The running figure of each group, keyed by the group's text.
    public internal(set) var figures: [String: Double]
    /// How many units each group holds.
    public internal(set) var unitCounts: [String: Int]
    /// Evaluation errors met while tallying, as `error` findings on the records concerned.
    public internal(set) var errors: [Finding]

    public init() {
        figures = [:]
        unitCounts = [:]
        errors = []
    }

    /// Adds another tally into this one.
    public mutating func merge(_ other: AggregateTally) {
        for (group, figure) in other.figures { figures[group, default: 0] += figure }
        for (group, count) in other.unitCounts { unitCounts[group, default: 0] += count }
        errors += other.errors
    }

    mutating func add(_ amount: Double, to group: String) {
        figures[group, default: 0] += amount
        unitCounts[group, default: 0] += 1
    }
}

/// The outcome of running one of a rule's examples.
public struct ExampleResult: Sendable {
    public var example: RuleExample
    /// Whether the rule behaved as the example expects.
    public var passed: Bool
    /// The findings the rule produced on the example's case.
    public var findings: [Finding]
    /// When the example failed: what was expected and what came out, in plain words.
    public var explanation: String?
}
