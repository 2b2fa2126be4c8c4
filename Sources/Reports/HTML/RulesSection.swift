/// What each rule checks and why: the target of every finding's rule link.
enum RulesSection {
    static func section(_ input: DashboardModel, anchors: RuleAnchors) -> BodyNode {
        let perRule = input.perRule
        let articles: [BodyNode] = input.rules.map { rule in
            var facts: [(String, BodyNode)] = [
                ("Severity", Markup.element("span", [("class", "badge \(SeverityStyle.cssClass(rule.severity))")], text: rule.severity.rawValue)),
                ("Area", Markup.data(rule.areaName)),
                ("Findings", Markup.text(String(perRule[rule.id] ?? 0))),
            ]
            if let source = rule.source { facts.append(("Source", Markup.data(source))) }
            if let rationale = rule.rationale { facts.append(("Rationale", Markup.data(rationale))) }
            if let location = rule.location { facts.append(("Written in", Markup.element("code", [], [Markup.data(location.description)]))) }
            let list = facts.flatMap { [Markup.element("dt", text: $0.0), Markup.element("dd", [], [$0.1])] }
            return Markup.element("article", [("id", anchors.anchor(rule.id)), ("class", "rule")], [
                Markup.element("h3", [], [Markup.data(rule.id), Markup.text(": "), Markup.data(rule.title)]),
                Markup.element("dl", [], list),
            ])
        }
        return Markup.element("section", [("id", "rules"), ("aria-labelledby", "rules-heading")], [
            Markup.element("h2", [("id", "rules-heading")], text: "Rules checked"),
        ] + articles)
    }
}
