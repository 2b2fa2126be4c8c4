import CaseModel

/// Rule ids must be unique across the pack: history and waivers key on them.
enum UniqueIDs {
    /// Keeps the first rule of each id and reports every later one, pointing at both.
    static func keepFirst(of rules: [RuleDefinition], diagnostics: inout [Diagnostic]) -> [RuleDefinition] {
        var firstByID: [String: RuleDefinition] = [:]
        var kept: [RuleDefinition] = []
        for rule in rules {
            if let first = firstByID[rule.id] {
                diagnostics.append(Diagnostic(
                    .error, at: rule.idLocation,
                    "rule id '\(rule.id)' is already used by the rule at \(first.idLocation); each rule needs its own id",
                    hint: "rename one of them, for example '\(rule.id)-2'"))
                diagnostics.append(Diagnostic(.note, at: first.idLocation, "'\(rule.id)' is first used here"))
                continue
            }
            firstByID[rule.id] = rule
            kept.append(rule)
        }
        return kept
    }
}
