import CaseModel

/// One rule as the catalogue shows it: the definition's fields turned into plain words.
public struct RuleCatalogueEntry: Sendable {
    public var definition: RuleDefinition
    /// Where the rule is written, relative to the catalogue's base folder: `rules/visits.yaml:12`.
    public var place: String
    /// What the rule looks at, in words: "each of `child.cp_plans` (as `plan`), when `plan.start_date <= as_of`".
    public var scope: String
    /// The check in words: "from `plan.start_date`, events `plan.reviews` until `plan.end_date`".
    public var check: String
    /// The timescale or bound in words ("within 45 working days"), when the kind has one.
    public var timescale: String?
    public var examples: [ExampleTable]

    init(_ rule: RuleDefinition, base: String?) {
        definition = rule
        var file = rule.location.file
        if let base, !base.isEmpty {
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if file.hasPrefix(prefix) { file.removeFirst(prefix.count) }
        }
        place = "\(file):\(rule.location.line)"
        scope = RuleCatalogueEntry.scope(of: rule)
        check = RuleCatalogueEntry.check(of: rule.kind)
        timescale = rule.kind.timescale
        examples = rule.examples.map(ExampleTable.init)
    }

    private static func scope(of rule: RuleDefinition) -> String {
        var text: String
        if let forEach = rule.forEach {
            text = "each item of `\(forEach.text.trimmingWhitespace())`"
            if rule.itemName != "item" { text += " (called `\(rule.itemName)`)" }
        } else {
            text = "each child"
        }
        if let when = rule.when { text += ", when `\(when.text.trimmingWhitespace())`" }
        return text
    }

    private static func check(of kind: RuleKind) -> String {
        func c(_ e: RuleExpression) -> String { "`\(e.text.trimmingWhitespace())`" }
        switch kind {
        case .expect(let e):
            return "\(c(e)) is true"
        case .deadline(let d):
            return "\(c(d.done)) comes within the timescale of \(c(d.start))"
        case .cadence(let k):
            var text = "events \(c(k.events)) recur from \(c(k.from))"
            text += k.until.map { " until \(c($0)) (or the health-check date while open)" } ?? " up to the health-check date"
            return text
        case .duration(let d):
            return "the span from \(c(d.start)) to \(c(d.end)) (or the health-check date while open)"
        case .noOverlap(let n):
            return "no two items' spans from \(c(n.start)) to \(c(n.end)) overlap (an open span runs to the health-check date)"
        case .aggregate(let a):
            switch a.measure {
            case .count: return "counts the units in each group of \(c(a.groupBy))"
            case .sum(let e): return "adds up \(c(e)) in each group of \(c(a.groupBy))"
            }
        }
    }
}
