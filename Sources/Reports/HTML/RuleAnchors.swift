/// Page anchors for rules. Rule ids may hold any characters, so anchors are numbered in
/// rule order rather than made from the id.
struct RuleAnchors {
    private var byID: [String: String] = [:]

    init(_ rules: [RuleInfo]) {
        for (n, rule) in rules.enumerated() { byID[rule.id] = "rule-\(n + 1)" }
    }

    func anchor(_ ruleID: String) -> String { byID[ruleID] ?? "rules" }
}
