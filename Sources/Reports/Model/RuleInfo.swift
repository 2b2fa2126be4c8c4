import Foundation
import CaseModel
import Rules

/// What a report says about a rule: its title, where the requirement comes from and why it
/// matters. Reports link every finding to this, so a reader can see the rule behind it.
public struct RuleInfo: Hashable, Sendable {
    public var id: String
    public var title: String
    public var severity: Severity
    /// The practice area (`child-protection`, `visits`); nil when the rule names none.
    public var area: String?
    /// The statutory guidance or local policy the rule comes from.
    public var source: String?
    public var rationale: String?
    /// Where the rule is written, when known.
    public var location: SourceLocation?
    /// For `aggregate` rules, the `group_by` expression (`child.worker`): tells whether a
    /// finding's group names a worker, which pseudonymisation must then hide.
    public var groupBy: String?

    public init(id: String, title: String, severity: Severity, area: String? = nil, source: String? = nil,
                rationale: String? = nil, location: SourceLocation? = nil, groupBy: String? = nil) {
        self.id = id
        self.title = title
        self.severity = severity
        self.area = area
        self.source = source
        self.rationale = rationale
        self.location = location
        self.groupBy = groupBy
    }

    /// The metadata of a rule as written in its rule file. Folded YAML text (`>`) ends with
    /// a line break; reports show it without.
    public init(_ definition: RuleDefinition) {
        func trimmed(_ text: String?) -> String? {
            text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        self.init(id: definition.id, title: trimmed(definition.title) ?? definition.id, severity: definition.severity,
                  area: trimmed(definition.area), source: trimmed(definition.source), rationale: trimmed(definition.rationale),
                  location: definition.location)
        if case .aggregate(let aggregate) = definition.kind { groupBy = aggregate.groupBy.text }
    }

    /// The metadata of a compiled rule.
    public init(_ rule: CompiledRule) {
        self.init(rule.definition)
    }

    /// Whether the rule's groups are workers (its `group_by` mentions `worker`).
    public var groupsByWorker: Bool { groupBy?.lowercased().contains("worker") ?? false }

    /// The area a report groups the rule under; rules without one are grouped as "other".
    public var areaName: String { area ?? "other" }
}
