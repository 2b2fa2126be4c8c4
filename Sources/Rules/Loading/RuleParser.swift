import CEL
import CaseModel
import Yams

/// Reads one rule (one item of `rules:`) into a definition, reporting each mistake.
struct RuleParser {
    var reader: NodeReader
    let schema: ObjectSchema?

    static let ruleKeys = ["id", "title", "severity", "area", "source", "rationale", "for_each", "as", "when",
                           "message", "examples"]
    static var allowedKeys: [String] { ruleKeys + RuleKind.keywords }

    /// The rule, or nil when it has any error (its diagnostics are in `reader`).
    mutating func parse(_ node: Node) -> RuleDefinition? {
        let errorsBefore = errorCount
        if case .scalar(let scalar) = node, RuleParser.isRuleID(scalar.string) {
            // `- CP-REVIEW` alone: the writer meant the id.
            reader.error(node, "a rule should be a set of keys, but found only '\(scalar.string)'",
                         hint: "write it as '- id: \(scalar.string)', with 'title:', 'severity:' and the check on the lines below")
            return nil
        }
        guard let entries = reader.entries(node, what: "a rule") else { return nil }
        // Fields of a check written level with it instead of under it ('deadline:' then
        // 'start:' at the same indentation) are said to belong under it.
        var unknown: [NodeReader.Entry] = []
        var misplaced: [NodeReader.Entry] = []
        let emptyKinds = entries.filter { RuleKind.keywords.contains($0.key) && NodeReader.isNull($0.value) }
        for entry in entries where !RuleParser.allowedKeys.contains(entry.key) {
            if let kind = emptyKinds.first(where: { KindParser.fieldKeys(of: $0.key).contains(entry.key) }) {
                reader.error(entry.keyNode,
                             "'\(entry.key)' belongs under '\(kind.key)' (line \(reader.location(kind.keyNode).line)), but it is written level with it",
                             hint: "indent '\(entry.key)' further than '\(kind.key)', as its other fields are")
                misplaced.append(entry)
            }
        }
        unknown = reader.rejectUnknownKeys(entries.filter { e in !misplaced.contains { $0.key == e.key } },
                                           allowed: RuleParser.allowedKeys, in: "a rule")
        func value(_ key: String) -> Node? { entries.first(where: { $0.key == key })?.value }
        // A key reported as a misspelling of 'title' need not also be reported as missing.
        let misspelt = Set(unknown.compactMap { Suggestion.closest(to: $0.key, among: RuleParser.allowedKeys) })

        let ruleLocation = reader.location(node)
        var id: String?
        var idLocation = ruleLocation
        if let idNode = value("id") {
            idLocation = reader.location(idNode)
            if let text = reader.text(idNode, key: "id") {
                if !RuleParser.isRuleID(text) {
                    reader.error(idNode, "rule id '\(text)' may use only letters, digits, '-', '_' and '.'")
                } else {
                    id = text
                }
            }
        } else if !misspelt.contains("id") {
            reader.error(node, "this rule has no 'id'", hint: "add a short, stable id such as 'id: CP-REVIEW'")
        }
        let named = id.map { "rule '\($0)'" } ?? "this rule"

        var title: String?
        if let t = value("title") { title = reader.text(t, key: "title") } else if !misspelt.contains("title") {
            reader.error(node, "\(named) has no 'title'", hint: "add a one-line title such as 'title: Review conferences held on time'")
        }
        var severity: Severity?
        if let s = value("severity") {
            severity = reader.choice(s, key: "severity", among: Severity.allCases.map(\.rawValue)).flatMap(Severity.init(rawValue:))
        } else if !misspelt.contains("severity") {
            reader.error(node, "\(named) has no 'severity'", hint: "add 'severity:' with one of info, low, medium, high, critical")
        }
        let area = value("area").flatMap { reader.text($0, key: "area") }
        let source = value("source").flatMap { reader.text($0, key: "source") }
        let rationale = value("rationale").flatMap { reader.text($0, key: "rationale") }
        let forEach = value("for_each").flatMap { reader.expression($0, key: "for_each") }
        var itemName = "item"
        if let asNode = value("as"), let name = reader.text(asNode, key: "as") {
            if !RuleParser.isIdentifier(name) {
                reader.error(asNode, "'as' should be a simple name such as 'plan' (letters, digits and '_'), but is '\(name)'")
            } else if RuleVariables.ruleNames.contains(name) {
                reader.error(asNode, "'as: \(name)' would hide the rule variable '\(name)'; choose another name")
            } else if RuleVariables.celReservedWords.contains(name) {
                reader.error(asNode, "'as: \(name)' cannot be used: '\(name)' is a reserved word in expressions; choose another name")
            } else {
                itemName = name
            }
            if forEach == nil && value("for_each") == nil {
                reader.warning(asNode, "'as' names the item of 'for_each', but \(named) has no 'for_each'")
            }
        }
        let when = value("when").flatMap { reader.expression($0, key: "when") }
        let message = value("message").flatMap { reader.expression($0, key: "message") }

        let kind = parseKind(entries, unknown: unknown, ruleNode: node, named: named)
        if case .noOverlap? = kind, value("for_each") == nil, let entry = entries.first(where: { $0.key == "no_overlap" }) {
            reader.error(entry.keyNode, "'no_overlap' compares the items of 'for_each', but \(named) has no 'for_each'",
                         hint: "add the list to compare, such as 'for_each: child.placements'")
        }

        var examples: [RuleExample] = []
        if let examplesNode = value("examples") {
            var exampleParser = ExampleParser(reader: reader, schema: schema)
            examples = exampleParser.parse(examplesNode)
            reader = exampleParser.reader
        }

        guard errorCount == errorsBefore, let id, let title, let severity, let kind else { return nil }
        return RuleDefinition(id: id, title: title, severity: severity, area: area, source: source,
                              rationale: rationale, forEach: forEach, itemName: itemName, when: when,
                              message: message, kind: kind, examples: examples, location: ruleLocation,
                              idLocation: idLocation)
    }

    private var errorCount: Int { reader.diagnostics.filter { $0.severity == .error }.count }

    /// Exactly one kind key: none and two are both errors.
    private mutating func parseKind(_ entries: [NodeReader.Entry], unknown: [NodeReader.Entry], ruleNode: Node,
                                    named: String) -> RuleKind? {
        let kinds = entries.filter { RuleKind.keywords.contains($0.key) }
        if kinds.count > 1 {
            let first = kinds[0]
            for extra in kinds.dropFirst() {
                reader.error(extra.keyNode,
                             "\(named) has two checks, '\(first.key)' (line \(reader.location(first.keyNode).line)) and '\(extra.key)'; a rule has exactly one",
                             hint: "split it into two rules with their own ids")
            }
            return nil
        }
        guard let entry = kinds.first else {
            // A misspelt kind has already been reported as an unknown key with its did-you-mean.
            let misspeltKind = unknown.contains { Suggestion.closest(to: $0.key, among: RuleKind.keywords) != nil }
            if !misspeltKind {
                reader.error(ruleNode, "\(named) has no check; add one of: \(RuleKind.keywords.joined(separator: ", "))")
            }
            return nil
        }
        var kindParser = KindParser(reader: reader)
        let kind = kindParser.parse(entry)
        reader = kindParser.reader
        return kind
    }

    /// Whether text could be a rule id: letters, digits, '-', '_' and '.'.
    static func isRuleID(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.first, first.isLetter || first == "_" else { return false }
        return s.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII }
    }
}
