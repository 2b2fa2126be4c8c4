import CaseModel

/// The rule pack arranged for reading: rules grouped by practice area, each with what a
/// manager needs in words. `casecheck rules doc` renders it as Markdown or HTML.
public struct RuleCatalogue: Sendable {
    /// One practice area (`area:` of its rules) and its rules in file order.
    public struct Area: Sendable {
        /// The `area:` value as written (`child-protection`), or `other` for rules without one.
        public var slug: String
        /// The area as a heading: `Child protection`.
        public var title: String
        public var entries: [RuleCatalogueEntry]
    }

    public var areas: [Area]
    /// How many rules the catalogue holds.
    public var ruleCount: Int { areas.reduce(0) { $0 + $1.entries.count } }

    /// Groups rules by area, areas in alphabetical order, rules in the order given.
    /// - Parameter base: a folder prefix stripped from rule-file paths, so that the
    ///   catalogue reads the same wherever it is generated from.
    public init(rules: [RuleDefinition], base: String? = nil) {
        var order: [String] = []
        var grouped: [String: [RuleCatalogueEntry]] = [:]
        for rule in rules {
            let slug = rule.area?.trimmingWhitespace().nonEmpty ?? "other"
            if grouped[slug] == nil { order.append(slug) }
            grouped[slug, default: []].append(RuleCatalogueEntry(rule, base: base))
        }
        areas = order.sorted().map { Area(slug: $0, title: RuleCatalogue.title(ofArea: $0), entries: grouped[$0] ?? []) }
    }

    /// `child-protection` → `Child protection`; `looked_after` → `Looked after`.
    static func title(ofArea slug: String) -> String {
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).map(String.init)
        guard let first = words.first else { return slug }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }
}

extension String {
    /// Nil when empty, so that blank `area:` values fall back to a default.
    var nonEmpty: String? { isEmpty ? nil : self }
}
