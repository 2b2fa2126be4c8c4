import CaseModel

/// A rule as read from a rule file, before compilation: every field of the YAML, with
/// positions. `casecheck rules doc` renders these.
public struct RuleDefinition: Sendable {
    /// Unique across the pack, stable: history keys on it.
    public var id: String
    public var title: String
    public var severity: Severity
    public var area: String?
    /// Where the requirement comes from (statutory guidance, local policy).
    public var source: String?
    public var rationale: String?
    /// The list of items to check one by one; nil checks the child once.
    public var forEach: RuleExpression?
    /// The item's name in expressions (`as:`), `item` by default.
    public var itemName: String
    /// The filter: items (or children) for which it is false are not checked.
    public var when: RuleExpression?
    /// The finding message with `{{expression}}` interpolations; nil uses the title.
    public var message: RuleExpression?
    public var kind: RuleKind
    public var examples: [RuleExample]
    /// Where the rule starts (its `- id:` item) in the rule file.
    public var location: SourceLocation
    /// Where the `id` value is written (for duplicate-id diagnostics).
    public var idLocation: SourceLocation

    public init(id: String, title: String, severity: Severity, area: String? = nil, source: String? = nil,
                rationale: String? = nil, forEach: RuleExpression? = nil, itemName: String = "item",
                when: RuleExpression? = nil, message: RuleExpression? = nil, kind: RuleKind,
                examples: [RuleExample] = [], location: SourceLocation, idLocation: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.severity = severity
        self.area = area
        self.source = source
        self.rationale = rationale
        self.forEach = forEach
        self.itemName = itemName
        self.when = when
        self.message = message
        self.kind = kind
        self.examples = examples
        self.location = location
        self.idLocation = idLocation ?? location
    }
}
