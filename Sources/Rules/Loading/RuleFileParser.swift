import CEL
import CaseModel
import Yams

/// Reads one rule file into rule definitions. Every mistake is a diagnostic; a rule with a
/// mistake is left out, the rules around it still load.
enum RuleFileParser {
    static let topLevelKeys = ["rules"]

    static func parse(_ source: RuleSource, schema: ObjectSchema?) -> ([RuleDefinition], [Diagnostic]) {
        let start = SourceLocation(file: source.name, line: 1, column: 1)
        let root: Node
        switch YAMLDocument.parse(source.text, file: source.name) {
        case .failed(let diagnostics): return ([], diagnostics)
        case .empty:
            return ([], [Diagnostic(.error, at: start, "this rule file is empty",
                                    hint: "a rule file starts with 'rules:' followed by a list of rules")])
        case .document(let node): root = node
        }
        var reader = NodeReader(file: source.name, text: source.text)
        if case .sequence = root {
            reader.error(root, "a rule file should start with 'rules:', but this one starts with a list",
                         hint: "add a line 'rules:' at the top and indent the list under it")
            return ([], reader.diagnostics)
        }
        guard let entries = reader.entries(root, what: "a rule file") else { return ([], reader.diagnostics) }
        // Keys starting with 'x-' hold settings shared between rules through anchors and
        // merge keys (`x-defaults: &plan-rule ...`, then `<<: *plan-rule`); they are not rules.
        let unknown = reader.rejectUnknownKeys(entries.filter { !$0.key.hasPrefix("x-") }, allowed: topLevelKeys,
                                               in: "a rule file",
                                               otherwise: "a rule file holds 'rules:'; to keep settings that rules share with '<<: *name', put them under a key starting with 'x-', such as 'x-defaults:'")
        guard let rulesEntry = entries.first(where: { $0.key == "rules" }) else {
            // A misspelt 'rules' has been reported with its did-you-mean already.
            if !unknown.contains(where: { Suggestion.closest(to: $0.key, among: topLevelKeys) != nil }) {
                reader.diagnostics.append(Diagnostic(.error, at: start, "this rule file has no 'rules:' list",
                                                     hint: "a rule file starts with 'rules:' followed by a list of rules"))
            }
            return ([], reader.diagnostics)
        }
        if NodeReader.isNull(rulesEntry.value) {
            reader.warning(rulesEntry.keyNode, "'rules:' is empty; this file defines no rules")
            return ([], reader.diagnostics)
        }
        guard case .sequence(let list) = rulesEntry.value else {
            reader.error(rulesEntry.value, "'rules' should be a list of rules (each starting with '- id:'), but found \(NodeReader.describe(rulesEntry.value))")
            return ([], reader.diagnostics)
        }
        var rules: [RuleDefinition] = []
        for node in list {
            var parser = RuleParser(reader: reader, schema: schema)
            let rule = parser.parse(node)
            reader = parser.reader
            if let rule { rules.append(rule) }
        }
        return (rules, reader.diagnostics)
    }
}
