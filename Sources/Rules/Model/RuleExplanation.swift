import CaseModel

/// How a rule reached its verdict on one child: what `casecheck explain` shows when a
/// finding is disputed. Every value is already rendered as text for a reader.
public struct RuleExplanation: Sendable {
    /// One expression of the rule and what it gave on this record.
    public struct Step: Sendable, Hashable {
        /// The rule-file key (`when`, `deadline.start`).
        public var role: String
        /// The expression as written.
        public var expression: String
        /// What it gave: `2024-03-01`, `true`, `none`, `<error: ...>`.
        public var value: String
        /// Where the expression is written.
        public var location: SourceLocation
        /// What its parts gave, outermost first (`plan.end_date` → `2024-05-01`), when it has
        /// parts worth showing; records and literals are left out.
        public var parts: [Part] = []
    }

    /// A sub-expression of a step and its value.
    public struct Part: Sendable, Hashable {
        /// The sub-expression, written as CEL.
        public var expression: String
        /// 1 for an operand of the whole expression, 2 for an operand of that, and so on.
        public var depth: Int
        /// What it gave, as text; `not needed` when the result was settled without it.
        public var value: String
    }

    /// One item the rule looked at (the child itself when the rule has no `for_each`).
    public struct Item: Sendable {
        /// The item's path (`cp_plans[1]`); nil for the child.
        public var path: String?
        /// The `when` filter and its result, when the rule has one.
        public var when: Step?
        /// Whether the item was checked (its `when` was true, or there is none).
        public var checked: Bool
        /// The kind's expressions and their values, when checked.
        public var steps: [Step]
        /// Due dates computed, in words: "2024-03-01 + 45 working days = 2024-05-08 (skipping
        /// Good Friday 2024-03-29, ...)".
        public var dueDates: [String]
    }

    public var rule: String
    public var asOf: CalendarDate
    /// `for_each` and how many items it gave.
    public var forEach: Step?
    public var items: [Item]
    /// What the rule found on this record (for aggregate rules: what this record alone would give).
    public var findings: [Finding]
}
